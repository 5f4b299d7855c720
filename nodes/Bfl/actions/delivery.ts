import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { TaskOptions } from '../core/request/taskOptions';
import type { FinishedTask, ResultFile } from '../core/results/output';
import type { Endpoints } from '../core/trust/routing';
import { downloadMedia, downloadResult } from '../transport/download';
import type { SubmittedTask } from '../transport/errors';
import type { ResultFetch } from '../transport/resultFailure';
import { runsAsTool } from './toolMode';

export interface Delivery {
	endpoints: Endpoints;
	options: TaskOptions;
	itemIndex: number;
	task: SubmittedTask;
	/** Epoch ms the item must end by; an image download is aborted then. */
	deadline?: number;
	/** The cap of a video result (Get Result's Max Video Download Size; a video operation's own). */
	maxVideoBytes: number;
}

/** Where a delivery's file may come from and how long and large its download may be. */
function fetchOf({ endpoints, options, itemIndex, task, deadline, maxVideoBytes }: Delivery) {
	return {
		itemIndex,
		task,
		scope: { customBaseUrl: endpoints.customBaseUrl, allowAnyHost: options.allowAnyDownloadHost },
		timeoutMs: options.requestTimeoutMs,
		maxBytes: { image: options.maxDownloadBytes, video: maxVideoBytes },
		deadline,
	} satisfies ResultFetch;
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
	const { data, media } = await downloadMedia(ctx, file.url, fetchOf(delivery));
	return { ...json, mimeType: media.mimeType, sizeBytes: data.length };
}

/**
 * The output item of a finished task, its file attached as binary when Download is on. The file
 * comes through the one result download the trigger uses too (transport/download downloadResult).
 */
export async function deliver(
	ctx: IExecuteFunctions,
	finished: FinishedTask,
	delivery: Delivery,
): Promise<INodeExecutionData> {
	const { file } = finished;
	const json = finished.json as IDataObject;
	if (!delivery.options.download || !file || json.status !== 'Ready') return { json };
	if (runsAsTool(ctx)) return { json: await measureForTool(ctx, json, file, delivery) };
	const binary = await downloadResult(ctx, String(json.id), file, fetchOf(delivery));
	return { json, binary: { [delivery.options.binaryPropertyName]: binary } };
}
