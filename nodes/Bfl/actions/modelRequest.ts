import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { DEFAULT_MODELS, findModel, modelsFor } from '../catalog/models';
import type { ModelOperation, ModelSpec } from '../catalog/types';
import { buildBody, expectedOutputFormat } from '../core/buildBody';
import { parseHttpUrl } from '../core/hosts';
import { checkImageSources, type ImageSource } from '../core/images';
import type { TaskOptions } from '../core/taskOptions';
import { validateRequest, type RequestInput } from '../core/validate';
import { completionProperties, readCompletion } from '../descriptions/completion';
import { inputImageProperties, readImageSources } from '../descriptions/inputImages';
import {
	additionalFieldsProperty,
	modelOptions,
	primaryProperties,
	readRequestInput,
} from '../descriptions/modelFields';
import { PROMPT_TEXT } from '../descriptions/fieldProperties';
import { readTaskOptions, taskOptionsProperty } from '../descriptions/taskOptions';
import { operationError } from '../transport/errors';
import { assertInputImages, encodeInputImages } from '../transport/inputImages';
import { getEndpoints, requireFinetuneBaseUrl, signWebhookUrl } from '../transport/request';
import { runImageTask, type ImageTask } from '../transport/task';
import { forOperation } from '../descriptions/display';
import { withAccountSlot } from './accountLimiter';
import type { ConcurrencyGroup, Operation } from './operation';

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
	return [
		...leading,
		{
			displayName: 'Model',
			name: 'model',
			type: 'options',
			options: modelOptions(models),
			default: defaultModel,
			description: modelHint,
		},
		...inputImageProperties(models, operation === 'edit'),
		...primary.filter((property) => !leading.includes(property)),
		additionalFieldsProperty(models),
		...completionProperties,
		taskOptionsProperty,
	];
}

export interface PreparedModelRequest {
	group: ConcurrencyGroup;
	spec: ModelSpec;
	input: RequestInput;
	sources: ImageSource[];
	task: Omit<ImageTask, 'body' | 'expectedFormat'>;
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

/** The item's options with its Completion choice; a webhook URL gets the trigger's token. */
async function submitOptions(
	ctx: IExecuteFunctions,
	spec: ModelSpec,
	itemIndex: number,
): Promise<TaskOptions> {
	const options = readTaskOptions(ctx, itemIndex);
	const choice = readCompletion(ctx, itemIndex);
	if (choice.completion !== 'webhook')
		return { ...options, waitForCompletion: choice.completion === 'wait' };
	const fail = (message: string) => operationError(ctx.getNode(), message, itemIndex);
	if (spec.webhooks === false) {
		throw fail(
			`${spec.displayName} cannot report by webhook (BFL's endpoint takes no webhook URL); choose Wait or Return Immediately`,
		);
	}
	if (!parseHttpUrl(choice.webhookUrl)) {
		throw fail(
			`Webhook URL must be the http(s) Production URL of a Black Forest Labs Trigger (got "${choice.webhookUrl}")`,
		);
	}
	const url = await signWebhookUrl(ctx, itemIndex, choice.webhookUrl as string);
	return { ...options, waitForCompletion: false, webhook: { url, secret: choice.webhookSecret } };
}

/** Reads and validates one item, images included, without sending anything. */
export async function prepareModelRequest(
	ctx: IExecuteFunctions,
	operation: ModelOperation,
	itemIndex: number,
): Promise<PreparedModelRequest> {
	const spec = modelFor(ctx, operation, itemIndex);
	const input = readRequestInput(ctx, spec, itemIndex);
	const sources = readImageSources(ctx, spec, itemIndex);
	const problems = [...validateRequest(spec, input), ...checkImageSources(spec, sources)];
	if (problems.length) {
		throw operationError(
			ctx.getNode(),
			problems.map((problem) => problem.message).join('; '),
			itemIndex,
		);
	}
	await assertInputImages(ctx, spec, sources, itemIndex);
	const endpoints = await getEndpoints(ctx, itemIndex);
	return {
		group: { key: spec.id, cap: spec.concurrencyCap },
		spec,
		input,
		sources,
		task: {
			endpoints,
			baseUrl: spec.pinnedToFinetuneRegion
				? requireFinetuneBaseUrl(ctx, endpoints, itemIndex)
				: endpoints.apiBaseUrl,
			path: spec.path,
			model: spec.id,
			options: await submitOptions(ctx, spec, itemIndex),
			itemIndex,
		},
	};
}

/**
 * Takes a slot of the account, then encodes the images (only now, to keep memory flat across many
 * items) and runs the task.
 */
export async function executeModelRequest(
	ctx: IExecuteFunctions,
	prepared: PreparedModelRequest,
): Promise<INodeExecutionData[]> {
	const { spec, input, sources, task } = prepared;
	return await withAccountSlot(ctx, prepared.group, async (release) => {
		const images = await encodeInputImages(ctx, spec, sources, task.itemIndex);
		const webhook = task.options.webhook;
		const body = {
			...buildBody(spec, input, images),
			...(webhook && { webhook_url: webhook.url }),
			...(webhook?.secret && { webhook_secret: webhook.secret }),
		};
		const expectedFormat = expectedOutputFormat(spec, body);
		return [await runImageTask(ctx, { ...task, body, expectedFormat, onFinished: release })];
	});
}

/**
 * A catalog-driven operation: the model picker, fields, images, completion and options of the
 * models of `models`, shown for one resource and operation. Generate, Edit and Finetune → Generate
 * are this one shape with other rows.
 */
export function modelOperation(
	resource: string,
	operation: string,
	models: ModelOperation,
	modelHint: string,
	extraProperties: INodeProperties[] = [],
): Operation<PreparedModelRequest> {
	return {
		description: forOperation(resource, operation, [
			...extraProperties,
			...modelRequestProperties(models, modelHint),
		]),
		async prepare(this: IExecuteFunctions, itemIndex: number) {
			return await prepareModelRequest(this, models, itemIndex);
		},
		async execute(this: IExecuteFunctions, prepared: PreparedModelRequest) {
			return await executeModelRequest(this, prepared);
		},
	};
}
