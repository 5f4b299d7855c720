import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { VIDEO_CONCURRENCY_CAP } from '../catalog/videoModels';
import { DEFAULT_MAX_DOWNLOAD_MB } from '../core/bytes/media';
import type { TaskOptions } from '../core/request/taskOptions';
import { DEFAULT_BINARY_PROPERTY, NUMERIC_OPTIONS, numericOption } from './taskOptions';

/** Video takes minutes: a look every 5 s costs at most 5 s and keeps the poll count low. */
export const DEFAULT_VIDEO_POLL_INTERVAL_SECONDS = 5;
/** 30 minutes: long 4K renders and BFL's queue at busy times, with margin. */
export const DEFAULT_VIDEO_TIMEOUT_SECONDS = 1800;
/** Uploading a 50 MB video as base64, or downloading a long 4K clip, takes a while. */
export const DEFAULT_VIDEO_REQUEST_TIMEOUT_SECONDS = 300;

/** Built with the image operations' Completion (descriptions/completion.ts); re-exported here. */
export { videoCompletionProperties } from './completion';

/** Return Immediately and Webhook neither poll nor download, so these options are hidden there. */
const onlyWhileWaiting = { hide: { '/completion': ['return', 'webhook'] } };

export const videoOptionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: VIDEO_CONCURRENCY_CAP },
			default: VIDEO_CONCURRENCY_CAP,
			description:
				'How many items run at BFL at once. BFL allows 5 video generations in flight per organization. Executions in this n8n share them on their own; lower it to leave room for other apps that use the key.',
		},
		{
			displayName: 'Download Video',
			name: 'download',
			displayOptions: onlyWhileWaiting,
			type: 'boolean',
			default: true,
			description:
				'Whether to download the result (the MP4, or the draft cache) as binary data. Result URLs expire, so keep this on unless you only need the URL right away.',
		},
		{
			displayName: 'Max Download Size (MB)',
			name: 'maxDownloadSize',
			displayOptions: onlyWhileWaiting,
			type: 'number',
			typeOptions: { minValue: 1, maxValue: NUMERIC_OPTIONS.maxDownloadSize.max },
			default: 1024,
			description:
				'Larger results are refused while they stream in, before they fill the binary storage. A 20-second 4K clip is a few hundred MB.',
		},
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollInterval',
			displayOptions: onlyWhileWaiting,
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 1 },
			default: DEFAULT_VIDEO_POLL_INTERVAL_SECONDS,
			description: 'How often to ask BFL whether the video is ready: at most one look per interval',
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			displayOptions: onlyWhileWaiting,
			type: 'string',
			default: DEFAULT_BINARY_PROPERTY,
			description: 'The name of the binary field to put the video or draft cache in',
		},
		{
			displayName: 'Request Timeout (Seconds)',
			name: 'requestTimeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_VIDEO_REQUEST_TIMEOUT_SECONDS,
			description:
				'How long one HTTP request may take, an upload of a 50 MB video or the download of a long clip included',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			displayOptions: onlyWhileWaiting,
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_VIDEO_TIMEOUT_SECONDS,
			description:
				'How long to wait for the video before failing; 30 minutes by default, as video takes minutes. The error carries the task ID, so Task → Get Result can fetch it later.',
		},
	],
};

interface RawVideoOptions {
	pollInterval?: number;
	timeout?: number;
	download?: boolean;
	binaryPropertyName?: string;
	requestTimeout?: number;
	maxDownloadSize?: unknown;
}

export function readVideoOptions(ctx: IExecuteFunctions, itemIndex: number): TaskOptions {
	const raw = ctx.getNodeParameter('options', itemIndex, {}) as RawVideoOptions;
	// The same checks as the image options (a non-number fails, values are clamped), with video's defaults.
	const seconds = (
		value: unknown,
		spec: (typeof NUMERIC_OPTIONS)['timeout'],
		defaultValue: number,
	) => numericOption(ctx, itemIndex, value, { ...spec, defaultValue }) * 1000;
	return {
		waitForCompletion: true,
		pollIntervalMs: seconds(
			raw.pollInterval,
			NUMERIC_OPTIONS.pollInterval,
			DEFAULT_VIDEO_POLL_INTERVAL_SECONDS,
		),
		timeoutMs: seconds(raw.timeout, NUMERIC_OPTIONS.timeout, DEFAULT_VIDEO_TIMEOUT_SECONDS),
		download: raw.download ?? true,
		binaryPropertyName: raw.binaryPropertyName?.trim() || DEFAULT_BINARY_PROPERTY,
		requestTimeoutMs: seconds(
			raw.requestTimeout,
			NUMERIC_OPTIONS.requestTimeout,
			DEFAULT_VIDEO_REQUEST_TIMEOUT_SECONDS,
		),
		maxDownloadBytes:
			numericOption(ctx, itemIndex, raw.maxDownloadSize, {
				...NUMERIC_OPTIONS.maxDownloadSize,
				defaultValue: DEFAULT_MAX_DOWNLOAD_MB.video,
			}) *
			1024 *
			1024,
		allowAnyDownloadHost: false,
	};
}

/** Items of a video operation in flight at once: the Concurrency option, within BFL's video cap. */
export function readVideoConcurrency(ctx: IExecuteFunctions, itemIndex: number): number {
	const raw = ctx.getNodeParameter('options.concurrency', itemIndex, VIDEO_CONCURRENCY_CAP);
	return Math.min(
		VIDEO_CONCURRENCY_CAP,
		numericOption(ctx, itemIndex, raw, NUMERIC_OPTIONS.concurrency),
	);
}
