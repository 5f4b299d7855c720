import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FINETUNE_MODES, ITERATIONS, LEARNING_RATE } from '../catalog/finetuning';
import type { FinetuneCreateInput } from '../core/bytes/finetune';

const title = (value: string) => value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' ');

export const finetuneCreateProperties: INodeProperties[] = [
	{
		displayName: 'Training Data',
		name: 'trainingData',
		type: 'options',
		options: [
			{
				name: 'A ZIP File per Item',
				value: 'zip',
				description: 'Each item carries a ZIP of images (and .txt captions); one finetune per item',
			},
			{
				name: 'Images of All Input Items',
				value: 'images',
				description: 'The node zips one image per item (1–20 items) into one finetune',
			},
		],
		default: 'zip',
	},
	{
		displayName: 'ZIP Binary Field',
		name: 'zipBinaryPropertyName',
		type: 'string',
		default: 'data',
		displayOptions: { show: { trainingData: ['zip'] } },
	},
	{
		displayName: 'Image Binary Field',
		name: 'imageBinaryPropertyName',
		type: 'string',
		default: 'data',
		description: 'The binary field that holds the training image in every input item',
		displayOptions: { show: { trainingData: ['images'] } },
	},
	{
		displayName: 'Caption Field',
		name: 'captionField',
		type: 'string',
		default: '',
		placeholder: 'caption',
		description:
			'Optional: the JSON field of each item whose text describes its image. Leave empty to let BFL caption.',
		displayOptions: { show: { trainingData: ['images'] } },
	},
	{
		displayName: 'Name',
		name: 'comment',
		type: 'string',
		required: true,
		default: '',
		description: 'A label for the finetune (sent as finetune_comment)',
	},
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		options: FINETUNE_MODES.map((mode) => ({ name: title(mode), value: mode })),
		default: 'general',
		description: 'What the images show; it steers captioning',
	},
	{
		displayName: 'Trigger Word',
		name: 'triggerWord',
		type: 'string',
		default: 'TOK',
		description: 'The word that calls up the finetuned concept in prompts',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Auto Captioning',
				name: 'captioning',
				type: 'boolean',
				default: true,
				description: 'Whether BFL captions the images itself',
			},
			{
				displayName: 'Finetune Type',
				name: 'finetuneType',
				type: 'options',
				options: [
					{ name: 'Full', value: 'full' },
					{ name: 'LoRA', value: 'lora' },
				],
				default: 'full',
			},
			{
				displayName: 'Iterations',
				name: 'iterations',
				type: 'number',
				typeOptions: { minValue: ITERATIONS.min, maxValue: ITERATIONS.max },
				default: 300,
				description: `Training steps, ${ITERATIONS.min}–${ITERATIONS.max}`,
			},
			{
				displayName: 'Learning Rate',
				name: 'learningRate',
				type: 'number',
				typeOptions: { numberPrecision: 6 },
				default: 0.00001,
				description: `${LEARNING_RATE.min}–${LEARNING_RATE.max}; unset: 0.00001 for full, 0.0001 for LoRA`,
			},
			{
				displayName: 'LoRA Rank',
				name: 'loraRank',
				type: 'options',
				options: [
					{ name: '16', value: 16 },
					{ name: '32', value: 32 },
				],
				default: 32,
			},
			{
				displayName: 'Priority',
				name: 'priority',
				type: 'options',
				options: [
					{ name: 'Speed', value: 'speed' },
					{ name: 'Quality', value: 'quality' },
					{ name: 'High Resolution Only', value: 'high_res_only' },
				],
				default: 'quality',
			},
		],
	},
];

export function readFinetuneCreateInput(
	ctx: IExecuteFunctions,
	itemIndex: number,
): FinetuneCreateInput {
	const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	return {
		comment: String(ctx.getNodeParameter('comment', itemIndex, '')),
		mode: String(ctx.getNodeParameter('mode', itemIndex, 'general')),
		triggerWord: ctx.getNodeParameter('triggerWord', itemIndex, '') as string,
		iterations: extra.iterations,
		learningRate: extra.learningRate,
		captioning: extra.captioning as boolean | undefined,
		priority: extra.priority as string | undefined,
		finetuneType: extra.finetuneType as string | undefined,
		loraRank: extra.loraRank,
	};
}
