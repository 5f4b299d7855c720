import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { mediaFileName } from '../core/media';
import { finishedOutput, submittedOutput, type TaskOutput } from '../core/output';
import { isRecord, type JsonRecord } from '../core/responses';
import { videoResultOf } from '../core/video';
import { withoutToken } from '../core/webhook';
import type { Endpoints } from '../core/routing';
import type { TaskOptions } from '../core/taskOptions';
import { downloadMedia } from './download';
import { downloadVideo } from './videoDownload';
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
		endpoints: Endpoints;
		itemIndex: number;
		submitted: SubmittedTask;
		/** Epoch ms the item must end by; the download is aborted then. */
		deadline?: number;
	},
): Promise<INodeExecutionData> {
	const json: TaskOutput = finishedOutput(finalBody, submit, model);
	// Task → Get Result also fetches video tasks: their MP4 or draft cache streams like Video's own.
	const video = videoResultOf(finalBody.result);
	if (video?.kind === 'draft') json.draftCacheUrl = video.url;
	if (task.options.download && video && json.status === 'Ready') {
		const binary = await downloadVideo(ctx, {
			url: video.url,
			kind: video.kind,
			taskId: json.id,
			itemIndex: task.itemIndex,
			task: task.submitted,
			timeoutMs: task.options.requestTimeoutMs,
			scope: {
				customBaseUrl: task.endpoints.customBaseUrl,
				allowAnyHost: task.options.allowAnyDownloadHost,
			},
		});
		return { json: json as IDataObject, binary: { [task.options.binaryPropertyName]: binary } };
	}
	if (!task.options.download || !json.sampleUrl || json.status !== 'Ready')
		return { json: json as IDataObject };
	const { data, media } = await downloadMedia(ctx, {
		sampleUrl: json.sampleUrl,
		expiresAt: json.sampleUrlExpiresAt,
		itemIndex: task.itemIndex,
		task: task.submitted,
		scope: {
			customBaseUrl: task.endpoints.customBaseUrl,
			allowAnyHost: task.options.allowAnyDownloadHost,
		},
		maxBytes: task.options.maxDownloadBytes,
		timeoutMs: task.options.requestTimeoutMs,
		deadline: task.deadline,
	});
	const binary = await ctx.helpers.prepareBinaryData(
		data,
		mediaFileName(json.id, media),
		media.mimeType,
	);
	return { json: json as IDataObject, binary: { [task.options.binaryPropertyName]: binary } };
}

/** Submits one image task, waits for it through its polling_url, and attaches the image as binary. */
export async function runImageTask(
	ctx: IExecuteFunctions,
	task: ImageTask,
): Promise<INodeExecutionData> {
	const { itemIndex, options, model } = task;
	// The item's Timeout bounds everything below, a request in progress included.
	const deadline = Date.now() + options.timeoutMs;
	const submit = await bflRequest(ctx, {
		method: 'POST',
		url: `${task.baseUrl}${task.path}`,
		body: task.body,
		itemIndex,
		what: `the ${model} request`,
		deadline,
		deadlineMessage: `The item's Timeout ran out during the ${model} request; BFL may have accepted it`,
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
		deadline,
		requestTimeoutMs: options.requestTimeoutMs,
		itemIndex,
	});
	task.onFinished?.();
	return await resultItem(ctx, finalBody, submit, model, {
		options,
		endpoints: task.endpoints,
		itemIndex,
		submitted,
		deadline,
	});
}
