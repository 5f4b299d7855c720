import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { resultFileName, mimeTypeOf, type ImageFormat } from '../core/files';
import { finishedOutput, submittedOutput, type TaskOutput } from '../core/output';
import { isRecord, type JsonRecord } from '../core/responses';
import { withoutToken } from '../core/webhook';
import type { Endpoints } from '../core/routing';
import type { TaskOptions } from '../core/taskOptions';
import { downloadImage } from './download';
import { operationError, type SubmittedTask } from './errors';
import { awaitTask } from './poll';
import { bflRequest } from './request';

/** 429s on a submit are retried until the item's timeout; this only bounds a runaway loop. */
const MAX_SUBMIT_ATTEMPTS = 200;

export interface ImageTask {
	endpoints: Endpoints;
	/** Base URL to submit to: the API host, or the finetune host for finetuned models. */
	baseUrl: string;
	path: string;
	body: IDataObject;
	model: string;
	expectedFormat: ImageFormat;
	options: TaskOptions;
	itemIndex: number;
	/** Called once BFL has finished the task (it no longer counts against the account's cap). */
	onFinished?: () => void;
}

/** Builds the output item of a finished task, downloading the image as binary when asked. */
export async function resultItem(
	ctx: IExecuteFunctions,
	finalBody: JsonRecord,
	submit: JsonRecord,
	model: string | undefined,
	task: {
		options: TaskOptions;
		expectedFormat: ImageFormat;
		itemIndex: number;
		submitted: SubmittedTask;
	},
): Promise<INodeExecutionData> {
	const json: TaskOutput = finishedOutput(finalBody, submit, model);
	if (!task.options.download || !json.sampleUrl || json.status !== 'Ready')
		return { json: json as IDataObject };
	const image = await downloadImage(ctx, {
		sampleUrl: json.sampleUrl,
		expiresAt: json.sampleUrlExpiresAt,
		expectedFormat: task.expectedFormat,
		itemIndex: task.itemIndex,
		task: task.submitted,
		timeoutMs: task.options.requestTimeoutMs,
	});
	const binary = await ctx.helpers.prepareBinaryData(
		image.data,
		resultFileName(json.id, image.format),
		mimeTypeOf(image.format),
	);
	return { json: json as IDataObject, binary: { [task.options.binaryPropertyName]: binary } };
}

/** Submits one image task, waits for it through its polling_url, and attaches the image as binary. */
export async function runImageTask(
	ctx: IExecuteFunctions,
	task: ImageTask,
): Promise<INodeExecutionData> {
	const { itemIndex, options, model } = task;
	const submit = await bflRequest(ctx, {
		method: 'POST',
		url: `${task.baseUrl}${task.path}`,
		body: task.body,
		itemIndex,
		what: `the ${model} request`,
		deadline: Date.now() + options.timeoutMs,
		maxAttempts: MAX_SUBMIT_ATTEMPTS,
		timeoutMs: options.requestTimeoutMs,
	});
	if (options.webhook && isRecord(submit) && typeof submit.id === 'string') {
		// BFL answers a webhook submit without a polling URL; the trigger receives the result.
		return {
			json: submittedOutput(submit, model, withoutToken(options.webhook.url)) as IDataObject,
		};
	}
	if (
		!isRecord(submit) ||
		typeof submit.id !== 'string' ||
		typeof submit.polling_url !== 'string'
	) {
		throw operationError(
			ctx.getNode(),
			`BFL's answer to the ${model} request has no task id and polling URL`,
			itemIndex,
		);
	}
	const submitted = { taskId: submit.id, pollingUrl: submit.polling_url };
	if (!options.waitForCompletion) return { json: submittedOutput(submit, model) as IDataObject };

	const finalBody = await awaitTask(ctx, task.endpoints, submitted, {
		intervalMs: options.pollIntervalMs,
		timeoutMs: options.timeoutMs,
		requestTimeoutMs: options.requestTimeoutMs,
		itemIndex,
	});
	task.onFinished?.();
	return await resultItem(ctx, finalBody, submit, model, {
		options,
		expectedFormat: task.expectedFormat,
		itemIndex,
		submitted,
	});
}
