import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	IWebhookFunctions,
} from 'n8n-workflow';

import { DEFAULT_MAX_DOWNLOAD_MB } from '../Bfl/core/bytes/media';
import { readNumericOption, type NumericOptionSpec } from '../Bfl/core/request/numericOptions';
import { finishedTask } from '../Bfl/core/results/output';
import { tryResolveEndpoints } from '../Bfl/core/trust/routing';
import type { WebhookEvent } from '../Bfl/core/trust/webhook';
import { downloadResult } from '../Bfl/transport/download';

export interface TriggerOptions {
	download?: boolean;
	downloadTimeout?: unknown;
	maxDownloadSize?: unknown;
	maxVideoDownloadSize?: unknown;
	allowAnyDownloadHost?: boolean;
	binaryPropertyName?: string;
	webhookSecret?: string;
}

/** Bounds the download inside the webhook call as a whole, however slowly the bytes arrive. */
const DOWNLOAD_TIMEOUT: NumericOptionSpec = {
	label: 'Download Timeout (Seconds)',
	min: 1,
	max: 600,
	defaultValue: 120,
};

const MAX_DOWNLOAD_SIZE: NumericOptionSpec = {
	label: 'Max Download Size (MB)',
	min: 1,
	max: 2_048,
	defaultValue: DEFAULT_MAX_DOWNLOAD_MB.image,
};

const MAX_VIDEO_DOWNLOAD_SIZE: NumericOptionSpec = {
	...MAX_DOWNLOAD_SIZE,
	label: 'Max Video Download Size (MB)',
	defaultValue: DEFAULT_MAX_DOWNLOAD_MB.video,
};

/** The Trigger's options about the download, beside Download Image. */
export const downloadOptionProperties: INodeProperties[] = [
	{
		displayName: 'Allow Downloads From Any Host',
		name: 'allowAnyDownloadHost',
		type: 'boolean',
		default: false,
		description:
			"Whether to download results from any public host. Off, results come only from BFL's delivery hosts or the custom base URL's host. Loopback and private addresses stay refused unless the custom base URL is one.",
	},
	{
		displayName: 'Download Timeout (Seconds)',
		name: 'downloadTimeout',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 600 },
		default: 120,
		description:
			"How long the download inside the webhook call may take in all, however slowly the bytes arrive. For a video, it bounds each request, as the Video operations' Request Timeout does.",
	},
	{
		displayName: 'Max Download Size (MB)',
		name: 'maxDownloadSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 2048 },
		default: 64,
		description:
			'For an image result: larger ones are refused rather than loaded into memory. Video results use Max Video Download Size.',
	},
	{
		displayName: 'Max Video Download Size (MB)',
		name: 'maxVideoDownloadSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 2048 },
		default: 1024,
		description:
			'For a video result (an MP4): larger ones are refused while they stream into binary storage',
	},
];

/**
 * The workflow item for a BFL callback: the node's own delivery, that is the JSON Get Result
 * outputs for the same task and its file through the same download, fetched at once as the signed
 * URL expires soon after the task ends.
 */
export async function toItem(
	ctx: IWebhookFunctions,
	event: WebhookEvent,
	options: TriggerOptions,
	credentials: IDataObject,
): Promise<INodeExecutionData> {
	const finished = finishedTask({ ...event.body, id: event.id, status: event.status });
	const json = finished.json as IDataObject;
	if (event.outcome !== 'ready' || !finished.file || options.download === false) return { json };
	const timeout = readNumericOption(options.downloadTimeout, DOWNLOAD_TIMEOUT);
	const image = readNumericOption(options.maxDownloadSize, MAX_DOWNLOAD_SIZE);
	const video = readNumericOption(options.maxVideoDownloadSize, MAX_VIDEO_DOWNLOAD_SIZE);
	for (const read of finished.file.kind === 'image' ? [timeout, image] : [timeout, video])
		if (!read.ok) return { json: { ...json, error: read.message } };
	const endpoints = tryResolveEndpoints({
		region: (credentials.region as 'custom' | undefined) ?? 'global',
		baseUrl: credentials.baseUrl as string | undefined,
	});
	const timeoutMs = (timeout.ok ? timeout.value : 0) * 1000;
	const megabytes = (read: typeof image) => (read.ok ? read.value : 0) * 1024 * 1024;
	try {
		const binary = await downloadResult(ctx, event.id, finished.file, {
			itemIndex: 0,
			task: { taskId: event.id },
			scope: {
				customBaseUrl: endpoints.ok ? endpoints.endpoints.customBaseUrl : undefined,
				allowAnyHost: options.allowAnyDownloadHost === true,
			},
			timeoutMs,
			maxBytes: { image: megabytes(image), video: megabytes(video) },
			// Bounds an image's download as a whole; a video's is bounded per request.
			deadline: Date.now() + timeoutMs,
		});
		return { json, binary: { [options.binaryPropertyName?.trim() || 'data']: binary } };
	} catch (error) {
		// The result still reaches the workflow, which can branch on the error.
		return { json: { ...json, error: (error as Error).message } };
	}
}
