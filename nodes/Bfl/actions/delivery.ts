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
import { runsAsTool } from './toolMode';

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

/**
 * As an agent's tool, nothing can use a binary (n8n drops it at the tool boundary): an image is
 * still fetched, under the same host, size and time bounds, to tell the model its type and size
 * and to catch a dead link before the model hands it on; then it is let go. A video is not fetched:
 * it may take minutes and a gigabyte for nothing.
 */
async function measureForTool(
	ctx: IExecuteFunctions,
	json: IDataObject,
	file: ResultFile,
	delivery: Delivery,
): Promise<IDataObject> {
	if (file.kind !== 'image')
		return { ...json, mimeType: file.kind === 'mp4' ? 'video/mp4' : 'application/octet-stream' };
	const { options, endpoints, itemIndex, task, deadline } = delivery;
	const { data, media } = await downloadMedia(ctx, {
		sampleUrl: file.url,
		expiresAt: file.expiresAt,
		itemIndex,
		task,
		scope: { customBaseUrl: endpoints.customBaseUrl, allowAnyHost: options.allowAnyDownloadHost },
		maxBytes: options.maxDownloadBytes,
		timeoutMs: options.requestTimeoutMs,
		deadline,
	});
	return { ...json, mimeType: media.mimeType, sizeBytes: data.length };
}

/** The output item of a finished task, its file attached as binary when Download is on. */
export async function deliver(
	ctx: IExecuteFunctions,
	{ json, file }: FinishedTask,
	delivery: Delivery,
): Promise<INodeExecutionData> {
	if (!delivery.options.download || !file || json.status !== 'Ready') return { json };
	if (runsAsTool(ctx)) return { json: await measureForTool(ctx, json, file, delivery) };
	const binary = await download(ctx, String(json.id), file, delivery);
	return { json, binary: { [delivery.options.binaryPropertyName]: binary } };
}
