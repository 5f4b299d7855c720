import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ModelOption, ModelSpec } from '../catalog/types';

/** Model picker options: FLUX.2 first, legacy FLUX.1 after, each with BFL's endpoint name. */
export function modelOptions(models: readonly ModelSpec[]): INodePropertyOptions[] {
	const ordered = [...models.filter((m) => !m.legacy), ...models.filter((m) => m.legacy)];
	return ordered.map((model) => ({
		name: model.displayName,
		value: model.id,
		description: `${model.description} (${model.id})`,
	}));
}

/** Ids of the models matching a predicate, for displayOptions. */
export function modelsWhere(models: readonly ModelSpec[], predicate: (model: ModelSpec) => boolean): string[] {
	return models.filter(predicate).map((model) => model.id);
}

const showFor = (ids: string[]) => ({ show: { '/model': ids } });

function rangeText(range: { min: number; max: number } | undefined): string {
	return range ? `${range.min}–${range.max}` : '';
}

/** Size fields: width/height for pixel models, aspect ratio for the others. */
export function sizeProperties(models: readonly ModelSpec[]): INodeProperties[] {
	const pixelModels = modelsWhere(models, (m) => m.size.kind === 'pixels');
	const ratioModels = modelsWhere(models, (m) => m.size.kind === 'aspectRatio');
	const hint =
		'FLUX.2: a multiple of 16, up to 4 megapixels in total. FLUX1.1 [pro] and [dev]: 256–1440, a multiple of 32.';
	return [
		{
			displayName: 'Width',
			name: 'width',
			type: 'number',
			typeOptions: { minValue: 64, maxValue: 4096, numberPrecision: 0 },
			default: 1024,
			hint,
			displayOptions: { show: { model: pixelModels } },
		},
		{
			displayName: 'Height',
			name: 'height',
			type: 'number',
			typeOptions: { minValue: 64, maxValue: 4096, numberPrecision: 0 },
			default: 1024,
			displayOptions: { show: { model: pixelModels } },
		},
		{
			displayName: 'Aspect Ratio',
			name: 'aspectRatio',
			type: 'string',
			default: '',
			placeholder: '16:9',
			description:
				'Width:height between 21:9 and 9:21. Leave empty for BFL\'s default (16:9 for Ultra, 1:1 for Kontext).',
			displayOptions: { show: { model: ratioModels } },
		},
	];
}

/** The Additional Fields collection; each field is shown only for models that accept it. */
export function additionalFieldsProperty(models: readonly ModelSpec[]): INodeProperties {
	const taking = (option: ModelOption) => modelsWhere(models, (m) => m.options.includes(option));
	const maxSafety = Math.max(...models.map((m) => m.safetyTolerance.max));
	const steps = models.find((m) => m.steps)?.steps;
	const guidance = models.filter((m) => m.guidance).map((m) => `${m.id}: ${rangeText(m.guidance)}`);
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Guidance',
				name: 'guidance',
				type: 'number',
				typeOptions: { numberPrecision: 1 },
				default: 5,
				description: `How closely the image follows the prompt. Allowed: ${guidance.join(', ')}.`,
				displayOptions: showFor(taking('guidance')),
			},
			{
				displayName: 'Output Format',
				name: 'outputFormat',
				type: 'options',
				options: [
					{ name: 'JPEG', value: 'jpeg' },
					{ name: 'PNG', value: 'png' },
					{ name: 'WebP', value: 'webp' },
				],
				default: 'jpeg',
				displayOptions: showFor(taking('outputFormat')),
			},
			{
				displayName: 'Prompt Upsampling',
				name: 'promptUpsampling',
				type: 'boolean',
				default: true,
				description:
					'Whether BFL may rewrite the prompt for better results. Leave unset for BFL\'s default: on for FLUX.2 [pro], [max] and [flex], off for FLUX.1.',
				displayOptions: showFor(taking('promptUpsampling')),
			},
			{
				displayName: 'Raw',
				name: 'raw',
				type: 'boolean',
				default: false,
				description: 'Whether to generate less processed, more natural-looking images',
				displayOptions: showFor(taking('raw')),
			},
			{
				displayName: 'Safety Tolerance',
				name: 'safetyTolerance',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: maxSafety, numberPrecision: 0 },
				default: 2,
				description: 'Moderation strictness of input and output, 0 is strictest. FLUX.2: 0–5; FLUX.1: 0–6.',
				displayOptions: showFor(taking('safetyTolerance')),
			},
			{
				displayName: 'Seed',
				name: 'seed',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 0 },
				default: 0,
				description: 'Fixed seed for reproducible results; leave unset for a random one',
				displayOptions: showFor(taking('seed')),
			},
			{
				displayName: 'Steps',
				name: 'steps',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: steps?.max ?? 50, numberPrecision: 0 },
				default: 50,
				description: `Number of inference steps (${rangeText(steps)})`,
				displayOptions: showFor(taking('steps')),
			},
		],
	};
}
