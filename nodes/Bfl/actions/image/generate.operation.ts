import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { DEFAULT_GENERATE_MODEL, GENERATE_MODELS, findModel } from '../../catalog/models';
import type { ModelSpec } from '../../catalog/types';
import type { ImageFormat } from '../../core/files';
import { buildGenerateBody, expectedOutputFormat } from '../../core/buildBody';
import { validateGenerate, type GenerateInput } from '../../core/validate';
import { additionalFieldsProperty, modelOptions, sizeProperties } from '../../descriptions/modelFields';
import { readTaskOptions, taskOptionsProperty } from '../../descriptions/taskOptions';
import { operationError } from '../../transport/errors';
import { getEndpoints } from '../../transport/request';
import { runImageTask, type ImageTask } from '../../transport/task';
import type { ConcurrencyGroup } from '../operation';

const properties: INodeProperties[] = [
	{
		displayName: 'Model',
		name: 'model',
		type: 'options',
		options: modelOptions(GENERATE_MODELS),
		default: DEFAULT_GENERATE_MODEL,
		description: 'The FLUX model to generate with. FLUX.1 models are legacy: BFL recommends FLUX.2.',
	},
	{
		displayName: 'Prompt',
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		placeholder: 'A red fox in a snowy forest at dawn, 85mm photo',
		description: 'What the image should show',
	},
	...sizeProperties(GENERATE_MODELS),
	additionalFieldsProperty(GENERATE_MODELS),
	taskOptionsProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['image'], operation: ['generate'] } }, properties);

interface AdditionalFields {
	seed?: number;
	safetyTolerance?: number;
	outputFormat?: string;
	promptUpsampling?: boolean;
	steps?: number;
	guidance?: number;
	raw?: boolean;
}

function readInput(ctx: IExecuteFunctions, spec: ModelSpec, itemIndex: number): GenerateInput {
	const fields = ctx.getNodeParameter('additionalFields', itemIndex, {}) as AdditionalFields;
	const size =
		spec.size.kind === 'pixels'
			? {
					width: ctx.getNodeParameter('width', itemIndex, spec.size.default.width) as number,
					height: ctx.getNodeParameter('height', itemIndex, spec.size.default.height) as number,
				}
			: { aspectRatio: (ctx.getNodeParameter('aspectRatio', itemIndex, '') as string).trim() || undefined };
	return { prompt: ctx.getNodeParameter('prompt', itemIndex, '') as string, ...size, ...fields };
}

/** The catalog row for an item; the model may be an expression, so it is read per item. */
function modelFor(ctx: IExecuteFunctions, itemIndex: number): ModelSpec {
	const id = String(ctx.getNodeParameter('model', itemIndex)).trim();
	const spec = findModel(GENERATE_MODELS, id);
	if (!spec) {
		const known = GENERATE_MODELS.map((model) => model.id).join(', ');
		throw operationError(ctx.getNode(), `Unknown model "${id}" for Generate. Use one of: ${known}`, itemIndex);
	}
	return spec;
}

export interface PreparedGenerate {
	task: ImageTask;
	group: ConcurrencyGroup;
}

/** Reads and validates one item without any request, so bad input never costs credits. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<PreparedGenerate> {
	const spec = modelFor(this, itemIndex);
	const input = readInput(this, spec, itemIndex);
	const problems = validateGenerate(spec, input);
	if (problems.length) {
		throw operationError(this.getNode(), problems.map((problem) => problem.message).join('; '), itemIndex);
	}
	const body = buildGenerateBody(spec, input);
	const endpoints = await getEndpoints(this, itemIndex);
	return {
		group: { key: spec.id, cap: spec.concurrencyCap },
		task: {
			endpoints,
			baseUrl: endpoints.apiBaseUrl,
			path: spec.path,
			body,
			model: spec.id,
			expectedFormat: expectedOutputFormat(spec, body) as ImageFormat,
			options: readTaskOptions(this, itemIndex),
			itemIndex,
		},
	};
}

export async function execute(this: IExecuteFunctions, prepared: PreparedGenerate): Promise<INodeExecutionData[]> {
	return [await runImageTask(this, prepared.task)];
}
