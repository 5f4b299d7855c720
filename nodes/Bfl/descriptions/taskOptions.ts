import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { DEFAULT_CONCURRENCY_CAP } from '../catalog/models';
import { DEFAULT_MAX_DOWNLOAD_MB } from '../core/bytes/media';
import { MAX_IMAGES_PER_ITEM } from '../core/request/imageCount';
import { readNumericOption, type NumericOptionSpec } from '../core/request/numericOptions';
import type { TaskOptions } from '../core/request/taskOptions';

/** BFL's own examples poll every 0.5 s; 1 s halves the requests and costs at most half a second. */
export const DEFAULT_POLL_INTERVAL_SECONDS = 1;
/** FLUX.2 [max] at large sizes can take minutes; a dead task should not hold an execution for long. */
export const DEFAULT_TIMEOUT_SECONDS = 600;
export const DEFAULT_BINARY_PROPERTY = 'data';
/** Long enough for a slow submit with large base64 images or a 20 MB download. */
export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 120;

/**
 * Options that only matter while the node waits for the result. Return Immediately and Webhook
 * neither poll nor download, so there these are hidden. The leading slash reads the node-level
 * Completion from inside the collection; Get Result has no Completion and always shows them.
 */
const onlyWhileWaiting = { hide: { '/completion': ['return', 'webhook'] } };

/**
 * Bounds of the numeric options. Values outside are clamped; non-numbers fail before any request.
 * A day bounds the item timeout (BFL keeps tasks about an hour); an hour bounds one request.
 */
export const NUMERIC_OPTIONS = {
	pollInterval: {
		label: 'Poll Interval (Seconds)',
		min: 0.2,
		max: 300,
		defaultValue: DEFAULT_POLL_INTERVAL_SECONDS,
	},
	timeout: {
		label: 'Timeout (Seconds)',
		min: 1,
		max: 86_400,
		defaultValue: DEFAULT_TIMEOUT_SECONDS,
	},
	requestTimeout: {
		label: 'Request Timeout (Seconds)',
		min: 1,
		max: 3_600,
		defaultValue: DEFAULT_REQUEST_TIMEOUT_SECONDS,
	},
	maxDownloadSize: {
		label: 'Max Download Size (MB)',
		min: 1,
		max: 2_048,
		defaultValue: DEFAULT_MAX_DOWNLOAD_MB.image,
	},
	concurrency: {
		label: 'Concurrency',
		min: 1,
		max: DEFAULT_CONCURRENCY_CAP,
		defaultValue: DEFAULT_CONCURRENCY_CAP,
		integer: true,
	},
} satisfies Record<string, NumericOptionSpec>;

/** Reads one numeric option, or throws an error naming it and its range. */
export function numericOption(
	ctx: IExecuteFunctions,
	itemIndex: number,
	raw: unknown,
	spec: NumericOptionSpec,
): number {
	const read = readNumericOption(raw, spec);
	if (read.ok) return read.value;
	throw new NodeOperationError(ctx.getNode(), read.message, { itemIndex });
}

/** How many images one item makes; each is its own BFL task and output item. */
export const numberOfImagesProperty: INodeProperties = {
	displayName: 'Number of Images',
	name: 'numberOfImages',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_IMAGES_PER_ITEM },
	default: 1,
	description:
		'Images per input item, each a separate task at BFL (and paid as one). With a Seed s they use s, s + 1 and so on.',
};

/** The options of the image operations, one by one (Get Result rewords some). */
export const taskOptionList: INodeProperties[] = [
	{
		displayName: 'Allow Downloads From Any Host',
		name: 'allowAnyDownloadHost',
		displayOptions: onlyWhileWaiting,
		type: 'boolean',
		default: false,
		description:
			"Whether to download results from any public host. Off, results come only from BFL's delivery hosts or the custom base URL's host; turn on for a gateway that re-hosts images elsewhere. Loopback and private addresses stay refused unless the custom base URL is one.",
	},
	{
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: DEFAULT_CONCURRENCY_CAP },
		default: DEFAULT_CONCURRENCY_CAP,
		description:
			'How many items run at BFL at once. BFL allows 24 tasks in flight per account (6 for Kontext [max]). Executions in this n8n share the account on their own; lower it to leave room for other apps that use the key.',
	},
	{
		displayName: 'Download Image',
		name: 'download',
		displayOptions: onlyWhileWaiting,
		type: 'boolean',
		default: true,
		description:
			'Whether to download the result as binary data. BFL result URLs expire after 10 minutes, so keep this on unless you only need the URL right away.',
	},
	{
		displayName: 'Max Download Size (MB)',
		name: 'maxDownloadSize',
		displayOptions: onlyWhileWaiting,
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 2048 },
		default: 64,
		description:
			'Larger results are refused rather than loaded into memory. A 4 MP PNG is about 12 MB.',
	},
	{
		displayName: 'Output Binary Field',
		name: 'binaryPropertyName',
		displayOptions: onlyWhileWaiting,
		type: 'string',
		default: DEFAULT_BINARY_PROPERTY,
		description: 'The name of the binary field that receives the image',
	},
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollInterval',
		displayOptions: onlyWhileWaiting,
		type: 'number',
		typeOptions: { minValue: 0.2, numberPrecision: 1 },
		default: DEFAULT_POLL_INTERVAL_SECONDS,
		description: 'How often to ask BFL whether the image is ready',
	},
	{
		displayName: 'Request Timeout (Seconds)',
		name: 'requestTimeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_REQUEST_TIMEOUT_SECONDS,
		description:
			'How long one HTTP request may take. A stalled status check or download is retried; a stalled submit is not, as BFL may have accepted it.',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		displayOptions: onlyWhileWaiting,
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_TIMEOUT_SECONDS,
		description:
			'How long the item may take as a whole (fetching input URLs, the task, the download) before failing. After the submit the error carries the task ID and polling URL, so Task → Get Result can fetch it later.',
	},
];

export const taskOptionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: taskOptionList,
};

interface RawOptions {
	waitForCompletion?: boolean;
	pollInterval?: unknown;
	timeout?: unknown;
	download?: boolean;
	binaryPropertyName?: string;
	requestTimeout?: unknown;
	concurrency?: unknown;
	maxDownloadSize?: unknown;
	allowAnyDownloadHost?: boolean;
}

export function readTaskOptions(ctx: IExecuteFunctions, itemIndex: number): TaskOptions {
	const raw = ctx.getNodeParameter('options', itemIndex, {}) as RawOptions;
	const seconds = (value: unknown, spec: NumericOptionSpec) =>
		numericOption(ctx, itemIndex, value, spec) * 1000;
	// Read for its check only: the router applies it to the whole run.
	numericOption(ctx, itemIndex, raw.concurrency, NUMERIC_OPTIONS.concurrency);
	return {
		waitForCompletion: raw.waitForCompletion ?? true,
		pollIntervalMs: seconds(raw.pollInterval, NUMERIC_OPTIONS.pollInterval),
		timeoutMs: seconds(raw.timeout, NUMERIC_OPTIONS.timeout),
		download: raw.download ?? true,
		binaryPropertyName: raw.binaryPropertyName?.trim() || DEFAULT_BINARY_PROPERTY,
		requestTimeoutMs: seconds(raw.requestTimeout, NUMERIC_OPTIONS.requestTimeout),
		maxDownloadBytes:
			numericOption(ctx, itemIndex, raw.maxDownloadSize, NUMERIC_OPTIONS.maxDownloadSize) *
			1024 *
			1024,
		allowAnyDownloadHost: raw.allowAnyDownloadHost === true,
	};
}
