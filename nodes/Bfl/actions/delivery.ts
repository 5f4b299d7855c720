import type { IBinaryData, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { mediaFileName } from '../core/bytes/media';
import { videoResultOf, type VideoResultKind } from '../core/bytes/video';
import type { TaskOptions } from '../core/request/taskOptions';
import { finishedOutput, finishedVideoOutput } from '../core/results/output';
import type { JsonRecord } from '../core/results/responses';
import type { Endpoints } from '../core/trust/routing';
import { downloadMedia } from '../transport/download';
import type { SubmittedTask } from '../transport/errors';
import { downloadVideo } from '../transport/videoDownload';

/** The file a finished task points at: an image, or a video (an MP4 or a draft's cache). */
type ResultFile =
	| { kind: 'image'; url: string; expiresAt?: string }
	| { kind: VideoResultKind; url: string; maxBytes?: number };

/** A finished task as the output shows it: its JSON, and the file to download. */
export interface FinishedTask {
	json: IDataObject;
	file?: ResultFile;
}

/** What this node's own submit answered; without it (Get Result) the final body is all there is. */
export interface OwnSubmit {
	answer: JsonRecord;
	model: string;
}

/**
 * A finished task of any kind. Get Result also reads video tasks: a result whose URL names an MP4
 * (or a draft's cache) is a video, output as the Video operations output it and downloaded under
 * `videoMaxBytes`.
 */
export function finishedTask(
	finalBody: JsonRecord,
	submit?: OwnSubmit,
	videoMaxBytes?: number,
): FinishedTask {
	if (videoResultOf(finalBody.result)) return finishedVideo(finalBody, submit, videoMaxBytes);
	const json = finishedOutput(finalBody, submit?.answer ?? {}, submit?.model);
	const file = json.sampleUrl
		? { kind: 'image' as const, url: json.sampleUrl, expiresAt: json.sampleUrlExpiresAt }
		: undefined;
	return { json: json as IDataObject, file };
}

/** A finished video task, downloaded under `maxBytes`: its MP4, or a draft's cache. */
export function finishedVideo(
	finalBody: JsonRecord,
	submit: OwnSubmit | undefined,
	maxBytes: number | undefined,
): FinishedTask {
	const json = finishedVideoOutput(finalBody, submit?.answer ?? {}, submit?.model) as IDataObject;
	const sample = typeof json.sampleUrl === 'string' ? json.sampleUrl : undefined;
	const draft = typeof json.draftCacheUrl === 'string' ? json.draftCacheUrl : undefined;
	const file = sample
		? { kind: 'mp4' as const, url: sample, maxBytes }
		: draft
			? { kind: 'draft' as const, url: draft, maxBytes }
			: undefined;
	return { json, file };
}

export interface Delivery {
	endpoints: Endpoints;
	options: TaskOptions;
	itemIndex: number;
	task: SubmittedTask;
	/** Epoch ms the item must end by; an image download is aborted then. */
	deadline?: number;
}

async function download(
	ctx: IExecuteFunctions,
	id: string,
	file: ResultFile,
	{ endpoints, options, itemIndex, task, deadline }: Delivery,
): Promise<IBinaryData> {
	const scope = {
		customBaseUrl: endpoints.customBaseUrl,
		allowAnyHost: options.allowAnyDownloadHost,
	};
	if (file.kind !== 'image') {
		// Streamed into binary storage; bounded per request, not by the item's deadline.
		return await downloadVideo(ctx, {
			url: file.url,
			kind: file.kind,
			taskId: id,
			itemIndex,
			task,
			timeoutMs: options.requestTimeoutMs,
			maxBytes: file.maxBytes,
			scope,
		});
	}
	const { data, media } = await downloadMedia(ctx, {
		sampleUrl: file.url,
		expiresAt: file.expiresAt,
		itemIndex,
		task,
		scope,
		maxBytes: options.maxDownloadBytes,
		timeoutMs: options.requestTimeoutMs,
		deadline,
	});
	return await ctx.helpers.prepareBinaryData(data, mediaFileName(id, media), media.mimeType);
}

/** The output item of a finished task, its file attached as binary when Download is on. */
export async function deliver(
	ctx: IExecuteFunctions,
	{ json, file }: FinishedTask,
	delivery: Delivery,
): Promise<INodeExecutionData> {
	if (!delivery.options.download || !file || json.status !== 'Ready') return { json };
	const binary = await download(ctx, String(json.id), file, delivery);
	return { json, binary: { [delivery.options.binaryPropertyName]: binary } };
}
