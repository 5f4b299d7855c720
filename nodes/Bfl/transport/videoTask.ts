import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { finishedOutput, submittedOutput } from '../core/output';
import { isRecord, optionalNumber, sampleUrlExpiry, type JsonRecord } from '../core/responses';
import type { Endpoints } from '../core/routing';
import type { TaskOptions } from '../core/taskOptions';
import { withoutToken } from '../core/webhook';
import { operationError } from './errors';
import { awaitTask } from './poll';
import { bflRequest } from './request';
import { downloadVideo } from './videoDownload';

/** 429s on a submit are retried until the item's timeout; this only bounds a runaway loop. */
const MAX_SUBMIT_ATTEMPTS = 200;

export interface VideoTask {
	endpoints: Endpoints;
	path: string;
	body: IDataObject;
	model: string;
	options: TaskOptions;
	itemIndex: number;
	/** Settings the output reports (mode, duration, resolution, aspect ratio). */
	reports: IDataObject;
}

/** The JSON of a finished video task; a draft's result is its cache, not a sample. */
function videoOutput(finalBody: JsonRecord, submit: JsonRecord, task: VideoTask): IDataObject {
	const json = finishedOutput(finalBody, submit, task.model) as IDataObject;
	const result = isRecord(finalBody.result) ? finalBody.result : {};
	if (typeof result.draft_cache === 'string') {
		json.draftCacheUrl = result.draft_cache;
		json.draftCacheUrlExpiresAt = sampleUrlExpiry(result.draft_cache, result.end_time);
	}
	// BFL's result.duration is the processing time; the clip's length is in the reports.
	json.processingSeconds = optionalNumber(result.duration);
	delete json.durationSeconds;
	for (const key of Object.keys(json)) if (json[key] === undefined) delete json[key];
	return { ...json, ...task.reports };
}

/**
 * Submits one video task, waits for it with one look per Poll Interval (logging BFL's progress at
 * debug level), and streams the MP4 (or the draft cache) into n8n's binary storage.
 */
export async function runVideoTask(
	ctx: IExecuteFunctions,
	task: VideoTask,
): Promise<INodeExecutionData> {
	const { itemIndex, options, model } = task;
	const submit = await bflRequest(ctx, {
		method: 'POST',
		url: `${task.endpoints.apiBaseUrl}${task.path}`,
		body: task.body,
		itemIndex,
		what: `the ${model} request`,
		deadline: Date.now() + options.timeoutMs,
		maxAttempts: MAX_SUBMIT_ATTEMPTS,
		timeoutMs: options.requestTimeoutMs,
	});
	if (!isRecord(submit) || typeof submit.id !== 'string') {
		throw operationError(
			ctx.getNode(),
			`BFL's answer to the ${model} request has no task id`,
			itemIndex,
		);
	}
	if (options.webhook) {
		const json = submittedOutput(submit, model, withoutToken(options.webhook.url));
		return { json: { ...(json as IDataObject), ...task.reports } };
	}
	if (typeof submit.polling_url !== 'string') {
		throw operationError(
			ctx.getNode(),
			`BFL's answer to the ${model} request has no polling URL`,
			itemIndex,
		);
	}
	const submitted = { taskId: submit.id, pollingUrl: submit.polling_url };
	if (!options.waitForCompletion)
		return { json: { ...(submittedOutput(submit, model) as IDataObject), ...task.reports } };

	const finalBody = await awaitTask(ctx, task.endpoints, submitted, {
		intervalMs: options.pollIntervalMs,
		// A plain grid: the first look after one interval, then one per interval.
		firstPollDelayMs: options.pollIntervalMs,
		timeoutMs: options.timeoutMs,
		requestTimeoutMs: options.requestTimeoutMs,
		itemIndex,
		subject: 'video',
		onPending: (body) =>
			ctx.logger.debug(`BFL video task ${submitted.taskId}: ${String(body.status)}`, {
				taskId: submitted.taskId,
				status: body.status,
				progress: optionalNumber(body.progress),
			}),
	});
	const json = videoOutput(finalBody, submit, task);
	const url = (json.sampleUrl ?? json.draftCacheUrl) as string | undefined;
	if (!options.download || !url || json.status !== 'Ready') return { json };
	const binary = await downloadVideo(ctx, {
		url,
		kind: json.sampleUrl ? 'mp4' : 'draft',
		taskId: String(json.id),
		itemIndex,
		task: submitted,
		timeoutMs: options.requestTimeoutMs,
		maxBytes: options.maxDownloadBytes,
		scope: {
			customBaseUrl: task.endpoints.customBaseUrl,
			allowAnyHost: options.allowAnyDownloadHost,
		},
	});
	return { json, binary: { [options.binaryPropertyName]: binary } };
}
