import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { TaskOptions } from '../core/request/taskOptions';
import type { FinishedTask } from '../core/results/output';
import type { Endpoints } from '../core/trust/routing';
import { downloadResult } from '../transport/download';
import type { SubmittedTask } from '../transport/errors';

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

/**
 * The output item of a finished task, its file attached as binary when Download is on. The file
 * comes through the one result download the trigger uses too (transport/download downloadResult).
 */
export async function deliver(
	ctx: IExecuteFunctions,
	{ json, file }: FinishedTask,
	{ endpoints, options, itemIndex, task, deadline, maxVideoBytes }: Delivery,
): Promise<INodeExecutionData> {
	if (!options.download || !file || json.status !== 'Ready') return { json: json as IDataObject };
	const binary = await downloadResult(ctx, String(json.id), file, {
		itemIndex,
		task,
		scope: { customBaseUrl: endpoints.customBaseUrl, allowAnyHost: options.allowAnyDownloadHost },
		timeoutMs: options.requestTimeoutMs,
		maxBytes: { image: options.maxDownloadBytes, video: maxVideoBytes },
		deadline,
	});
	return { json: json as IDataObject, binary: { [options.binaryPropertyName]: binary } };
}
