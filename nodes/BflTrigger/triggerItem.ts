import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	IWebhookFunctions,
} from 'n8n-workflow';

import { DEFAULT_MAX_DOWNLOAD_MB, mediaFileName } from '../Bfl/core/bytes/media';
import { videoResultOf } from '../Bfl/core/bytes/video';
import { readNumericOption, type NumericOptionSpec } from '../Bfl/core/request/numericOptions';
import { finishedOutput, finishedVideoOutput } from '../Bfl/core/results/output';
import { tryResolveEndpoints } from '../Bfl/core/trust/routing';
import type { WebhookEvent } from '../Bfl/core/trust/webhook';
import { downloadMedia } from '../Bfl/transport/download';
import { downloadVideo } from '../Bfl/transport/videoDownload';

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

/** The workflow item for a BFL callback; a Ready result's image is downloaded into it. */
export async function toItem(
	ctx: IWebhookFunctions,
	event: WebhookEvent,
	options: TriggerOptions,
	credentials: IDataObject,
): Promise<INodeExecutionData> {
	const video = videoResultOf(event.body.result);
	// A video's JSON is the Video operations' (processing time, a draft's cache URL).
	const json = (video ? finishedVideoOutput : finishedOutput)(
		{ ...event.body, id: event.id, status: event.status },
		{},
		undefined,
	) as IDataObject;
	if (event.outcome !== 'ready' || !event.sampleUrl || options.download === false) return { json };
	const timeout = readNumericOption(options.downloadTimeout, DOWNLOAD_TIMEOUT);
	const size = readNumericOption(
		video ? options.maxVideoDownloadSize : options.maxDownloadSize,
		video ? MAX_VIDEO_DOWNLOAD_SIZE : MAX_DOWNLOAD_SIZE,
	);
	if (!timeout.ok) return { json: { ...json, error: timeout.message } };
	if (!size.ok) return { json: { ...json, error: size.message } };
	const endpoints = tryResolveEndpoints({
		region: (credentials.region as 'custom' | undefined) ?? 'global',
		baseUrl: credentials.baseUrl as string | undefined,
	});
	const timeoutMs = timeout.value * 1000;
	const scope = {
		customBaseUrl: endpoints.ok ? endpoints.endpoints.customBaseUrl : undefined,
		allowAnyHost: options.allowAnyDownloadHost === true,
	};
	const maxBytes = size.value * 1024 * 1024;
	const field = options.binaryPropertyName?.trim() || 'data';
	try {
		// The signed URL expires soon after the task ends, so the result is fetched right away.
		if (video) {
			// Streamed into binary storage, as the Video operations do, never held in memory.
			const binary = await downloadVideo(ctx, {
				url: video.url,
				kind: video.kind,
				taskId: event.id,
				itemIndex: 0,
				task: { taskId: event.id },
				timeoutMs,
				maxBytes,
				scope,
			});
			return { json, binary: { [field]: binary } };
		}
		const { data, media } = await downloadMedia(ctx, {
			sampleUrl: event.sampleUrl,
			expiresAt: json.sampleUrlExpiresAt as string | undefined,
			itemIndex: 0,
			task: { taskId: event.id },
			scope,
			maxBytes,
			timeoutMs,
			deadline: Date.now() + timeoutMs,
		});
		const binary = await ctx.helpers.prepareBinaryData(
			data,
			mediaFileName(event.id, media),
			media.mimeType,
		);
		return { json, binary: { [field]: binary } };
	} catch (error) {
		// The result still reaches the workflow, which can branch on the error.
		return { json: { ...json, error: (error as Error).message } };
	}
}
