import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	IWebhookFunctions,
} from 'n8n-workflow';

import { DEFAULT_MAX_DOWNLOAD_MB, mediaFileName } from '../Bfl/core/media';
import { readNumericOption, type NumericOptionSpec } from '../Bfl/core/numericOptions';
import { finishedOutput } from '../Bfl/core/output';
import { tryResolveEndpoints } from '../Bfl/core/routing';
import type { WebhookEvent } from '../Bfl/core/webhook';
import { downloadMedia } from '../Bfl/transport/download';

export interface TriggerOptions {
	download?: boolean;
	downloadTimeout?: unknown;
	maxDownloadSize?: unknown;
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
			'How long the download inside the webhook call may take in all, however slowly the bytes arrive',
	},
	{
		displayName: 'Max Download Size (MB)',
		name: 'maxDownloadSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 2048 },
		default: 64,
		description: 'Larger results are refused rather than loaded into memory',
	},
];

/** The workflow item for a BFL callback; a Ready result's image is downloaded into it. */
export async function toItem(
	ctx: IWebhookFunctions,
	event: WebhookEvent,
	options: TriggerOptions,
	credentials: IDataObject,
): Promise<INodeExecutionData> {
	const json = finishedOutput(
		{ ...event.body, id: event.id, status: event.status },
		{},
		undefined,
	) as IDataObject;
	if (event.outcome !== 'ready' || !event.sampleUrl || options.download === false) return { json };
	const timeout = readNumericOption(options.downloadTimeout, DOWNLOAD_TIMEOUT);
	const size = readNumericOption(options.maxDownloadSize, MAX_DOWNLOAD_SIZE);
	if (!timeout.ok) return { json: { ...json, error: timeout.message } };
	if (!size.ok) return { json: { ...json, error: size.message } };
	const endpoints = tryResolveEndpoints({
		region: (credentials.region as 'custom' | undefined) ?? 'global',
		baseUrl: credentials.baseUrl as string | undefined,
	});
	const timeoutMs = timeout.value * 1000;
	try {
		// The signed URL expires 10 minutes after the task ends, so the image is fetched right away.
		const { data, media } = await downloadMedia(ctx, {
			sampleUrl: event.sampleUrl,
			expiresAt: json.sampleUrlExpiresAt as string | undefined,
			itemIndex: 0,
			task: { taskId: event.id },
			scope: {
				customBaseUrl: endpoints.ok ? endpoints.endpoints.customBaseUrl : undefined,
				allowAnyHost: options.allowAnyDownloadHost === true,
			},
			maxBytes: size.value * 1024 * 1024,
			timeoutMs,
			deadline: Date.now() + timeoutMs,
		});
		const binary = await ctx.helpers.prepareBinaryData(
			data,
			mediaFileName(event.id, media),
			media.mimeType,
		);
		return { json, binary: { [options.binaryPropertyName?.trim() || 'data']: binary } };
	} catch (error) {
		// The result still reaches the workflow, which can branch on the error.
		return { json: { ...json, error: (error as Error).message } };
	}
}
