import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_MODELS, findModel, modelsFor } from '../catalog/models';
import type { ModelOperation, ModelSpec } from '../catalog/types';
import { buildBody } from '../core/request/buildBody';
import { CUSTOM_MODEL } from '../core/request/customEndpoint';
import { checkImageCount, readImageCount, seedsFor } from '../core/request/imageCount';
import { checkImageSources, checkMaskSource, type ImageSource } from '../core/request/images';
import { applyLayout, checkLayout, MAX_FIELD_BOXES } from '../core/request/layout';
import { strictNumber } from '../core/request/numericOptions';
import { isUnset, validateRequest, type RequestInput } from '../core/request/validate';
import { usedSettings } from '../core/results/output';
import { completionProperties } from '../descriptions/completion';
import { customEndpointProperties, customModelOption } from '../descriptions/customEndpoint';
import { PROMPT_TEXT } from '../descriptions/fieldProperties';
import {
	inputImageProperties,
	maskProperties,
	readImageSources,
	readMaskSource,
} from '../descriptions/inputImages';
import { layoutProperties, readLayout } from '../descriptions/layout';
import {
	additionalFieldsProperty,
	modelOptions,
	primaryProperties,
	readRequestInput,
} from '../descriptions/modelFields';
import { numberOfImagesProperty, taskOptionsProperty } from '../descriptions/taskOptions';
import { TOOL_MAX_IMAGES } from '../descriptions/toolMode';
import { operationError } from '../transport/errors';
import { assertInputImages, encodeInputImages } from '../transport/inputImages';
import { getEndpoints, requireFinetuneBaseUrl } from '../transport/request';
import { prepareCustomRequest } from './customRequest';
import type { Operation } from './operation';
import { submitOptions } from './submitOptions';
import { taskOperation, type PreparedTask } from './taskRequest';
import { runsAsTool } from './toolMode';

/** The properties of a model-driven operation: model picker, fields, images and options. */
export function modelRequestProperties(
	operation: ModelOperation,
	modelHint: string,
): INodeProperties[] {
	const models = modelsFor(operation);
	const defaultModel = DEFAULT_MODELS[operation];
	const primary = primaryProperties(models).map((property) =>
		property.name === 'prompt' ? { ...property, ...PROMPT_TEXT[operation] } : property,
	);
	// The finetune is what the user brings, so its ID comes before the endpoint that runs it.
	const leading = primary.filter((property) => property.name === 'finetuneId');
	// Custom Endpoint: Generate and Edit only (finetuned models need their region-pinned host).
	const custom = operation !== 'finetune';
	return [
		...leading,
		{
			displayName: 'Model',
			name: 'model',
			type: 'options',
			options: [...modelOptions(models), ...(custom ? [customModelOption] : [])],
			default: defaultModel,
			description: modelHint,
		},
		...(custom ? customEndpointProperties : []),
		...inputImageProperties(models, operation === 'edit'),
		...maskProperties(models),
		...primary.filter((property) => !leading.includes(property)),
		...layoutProperties(models, operation),
		...(operation === 'finetune' ? [] : [numberOfImagesProperty]),
		additionalFieldsProperty(models),
		...completionProperties(models, custom ? [CUSTOM_MODEL] : []),
		taskOptionsProperty('image'),
	];
}

export interface PreparedModelRequest extends PreparedTask {
	spec: ModelSpec;
	input: RequestInput;
	sources: ImageSource[];
	mask?: ImageSource;
	/** Body fields beside the user's values: FLUX 3.1's layout boxes. */
	structured?: Record<string, object[]>;
	/** Number of Images: how many tasks this item makes. */
	count: number;
	/** Model → Custom Endpoint: the user's JSON, sent as is. */
	customBody?: Record<string, unknown>;
}

/** The catalog row for an item; the model may be an expression, so it is read per item. */
function modelFor(ctx: IExecuteFunctions, operation: ModelOperation, itemIndex: number): ModelSpec {
	const id = String(ctx.getNodeParameter('model', itemIndex)).trim();
	const spec = findModel(operation, id);
	if (!spec) {
		const known = modelsFor(operation)
			.map((model) => model.id)
			.join(', ');
		throw operationError(
			ctx.getNode(),
			`Unknown model "${id}" for this operation. Use one of: ${known}`,
			itemIndex,
		);
	}
	return spec;
}

/** Reads and validates one item, images included, without sending anything. */
export async function prepareModelRequest(
	ctx: IExecuteFunctions,
	operation: ModelOperation,
	itemIndex: number,
): Promise<PreparedModelRequest> {
	if (operation !== 'finetune' && ctx.getNodeParameter('model', itemIndex) === CUSTOM_MODEL)
		return await prepareCustomRequest(ctx, operation, itemIndex);
	const spec = modelFor(ctx, operation, itemIndex);
	const input = readRequestInput(ctx, spec, itemIndex);
	const sources = readImageSources(ctx, spec, itemIndex);
	const mask = readMaskSource(ctx, spec, itemIndex);
	const layout = readLayout(ctx, spec, itemIndex);
	const layoutMode = operation === 'edit' ? 'edit' : 'generate';
	const rawCount =
		operation === 'finetune' ? 1 : ctx.getNodeParameter('numberOfImages', itemIndex, 1);
	const seed = isUnset('seed', input.seed) ? undefined : strictNumber(input.seed);
	const maxBoxes = spec.layout?.kind === 'field' ? MAX_FIELD_BOXES : undefined;
	const problems = [
		...validateRequest(spec, input),
		...checkImageCount(
			rawCount,
			spec.fields.seed ? seed : undefined,
			runsAsTool(ctx) ? TOOL_MAX_IMAGES : undefined,
		),
		...checkImageSources(spec, sources),
		...checkMaskSource(spec, mask, sources.length),
		...checkLayout(layout, layoutMode, sources.length, maxBoxes),
	];
	if (problems.length) {
		throw operationError(
			ctx.getNode(),
			problems.map((problem) => problem.message).join('; '),
			itemIndex,
		);
	}
	const laidOut = applyLayout(spec.layout, String(input.prompt ?? ''), layout, layoutMode);
	if (layout.length) input.prompt = laidOut.prompt;
	await assertInputImages(ctx, spec, sources, itemIndex, mask);
	const endpoints = await getEndpoints(ctx, itemIndex);
	const group = { key: spec.id, cap: spec.concurrencyCap };
	return {
		group,
		slot: group,
		reports: usedSettings(spec, input),
		spec,
		input,
		sources,
		mask,
		structured: laidOut.fields,
		count: readImageCount(rawCount),
		plan: {
			endpoints,
			baseUrl: spec.pinnedToFinetuneRegion
				? requireFinetuneBaseUrl(ctx, endpoints, itemIndex)
				: endpoints.apiBaseUrl,
			path: spec.path,
			model: spec.id,
			options: await submitOptions(ctx, spec, itemIndex, 'image'),
			itemIndex,
			media: 'image',
		},
	};
}

/** The body of a model request: the user's JSON (Custom Endpoint), or the row's fields and images. */
async function modelBody(
	ctx: IExecuteFunctions,
	prepared: PreparedModelRequest,
	deadline: number,
): Promise<Record<string, unknown>> {
	const { spec, input, sources, plan } = prepared;
	if (prepared.customBody) return prepared.customBody;
	// Input URLs are fetched under the item's Timeout, which started with its slot.
	const bounds = { requestTimeoutMs: plan.options.requestTimeoutMs, deadline };
	const images = await encodeInputImages(ctx, spec, sources, plan.itemIndex, bounds, prepared.mask);
	return buildBody(spec, input, images, prepared.structured);
}

/** Number of Images: one task per image, with seeds s, s + 1, … where the model takes a seed. */
function expandImages(prepared: PreparedModelRequest): PreparedModelRequest[] {
	if (prepared.count <= 1) return [prepared];
	const seed = isUnset('seed', prepared.input.seed) ? undefined : strictNumber(prepared.input.seed);
	return seedsFor(prepared.spec.fields.seed ? seed : undefined, prepared.count).map(
		(imageSeed) => ({
			...prepared,
			count: 1,
			input: imageSeed === undefined ? prepared.input : { ...prepared.input, seed: imageSeed },
		}),
	);
}

/**
 * A catalog-driven operation: the model picker, fields, images, completion and options of the
 * models of `models`. Generate, Edit and Finetune → Generate are this one shape with other rows.
 */
export function modelOperation(
	models: ModelOperation,
	modelHint: string,
	extraProperties: INodeProperties[] = [],
): Operation<PreparedModelRequest> {
	return taskOperation({
		properties: [...extraProperties, ...modelRequestProperties(models, modelHint)],
		prepare: async (ctx, itemIndex) => await prepareModelRequest(ctx, models, itemIndex),
		body: modelBody,
		expand: expandImages,
	});
}
