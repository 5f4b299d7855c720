import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { DEFAULT_CONCURRENCY_CAP } from '../catalog/models';
import { VIDEO_CONCURRENCY_CAP } from '../catalog/videoModels';
import { DEFAULT_MAX_DOWNLOAD_MB, type MediaKind } from '../core/bytes/media';
import { MAX_IMAGES_PER_ITEM } from '../core/request/imageCount';
import { readNumericOption, type NumericOptionSpec } from '../core/request/numericOptions';
import type { TaskOptions } from '../core/request/taskOptions';
import { KIND_WORDS, OPTION_DEFAULTS } from './optionDefaults';

export { OPTION_DEFAULTS } from './optionDefaults';
export const DEFAULT_BINARY_PROPERTY = 'data';
/** The image operations' item Timeout and request timeout, in seconds (see optionDefaults). */
export const DEFAULT_TIMEOUT_SECONDS = OPTION_DEFAULTS.image.timeout;
export const DEFAULT_REQUEST_TIMEOUT_SECONDS = OPTION_DEFAULTS.image.requestTimeout;

/**
 * Options that only matter while the node waits for the result. Return Immediately and Webhook
 * neither poll nor download, so there these are hidden. The leading slash reads the node-level
 * Completion from inside the collection; Get Result has no Completion and always shows them.
 */
const onlyWhileWaiting = { hide: { '/completion': ['return', 'webhook'] } };

/**
 * Bounds of the numeric options, with a kind's defaults. Values outside are clamped; non-numbers
 * fail before any request. A day bounds the item timeout (BFL keeps tasks about an hour); an hour
 * bounds one request. Video's Concurrency stops at BFL's 5 video generations.
 */
export function numericOptions(kind: MediaKind) {
	const defaults = OPTION_DEFAULTS[kind];
	const cap = kind === 'video' ? VIDEO_CONCURRENCY_CAP : DEFAULT_CONCURRENCY_CAP;
	return {
		pollInterval: {
			label: 'Poll Interval (Seconds)',
			min: 0.2,
			max: 300,
			defaultValue: defaults.pollInterval,
		},
		timeout: { label: 'Timeout (Seconds)', min: 1, max: 86_400, defaultValue: defaults.timeout },
		requestTimeout: {
			label: 'Request Timeout (Seconds)',
			min: 1,
			max: 3_600,
			defaultValue: defaults.requestTimeout,
		},
		maxDownloadSize: {
			label: 'Max Download Size (MB)',
			min: 1,
			max: 2_048,
			defaultValue: DEFAULT_MAX_DOWNLOAD_MB[kind],
		},
		concurrency: { label: 'Concurrency', min: 1, max: cap, defaultValue: cap, integer: true },
	} satisfies Record<string, NumericOptionSpec>;
}

/** The image operations' bounds, which Get Result and Finetune → Get Status share. */
export const NUMERIC_OPTIONS = numericOptions('image');

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

/**
 * The Options of a task-running operation, one by one, for a kind: the same parameter names for
 * images and video, each with the kind's default and words (Get Result rewords some). Video has
 * no Allow Downloads From Any Host: its results come from BFL's hosts only.
 */
export function taskOptionList(kind: MediaKind): INodeProperties[] {
	const { pollInterval, minPollInterval, timeout, requestTimeout } = OPTION_DEFAULTS[kind];
	const words = KIND_WORDS[kind];
	const bounds = numericOptions(kind);
	const concurrency = bounds.concurrency.max;
	const maxDownloadMb = DEFAULT_MAX_DOWNLOAD_MB[kind];
	const list: INodeProperties[] = [
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
			typeOptions: { minValue: 1, maxValue: concurrency },
			default: concurrency,
			description: words.concurrency,
		},
		{
			displayName: words.download.displayName,
			name: 'download',
			displayOptions: onlyWhileWaiting,
			type: 'boolean',
			default: true,
			description: words.download.description,
		},
		{
			displayName: 'Max Download Size (MB)',
			name: 'maxDownloadSize',
			displayOptions: onlyWhileWaiting,
			type: 'number',
			typeOptions: { minValue: 1, maxValue: bounds.maxDownloadSize.max },
			default: maxDownloadMb,
			description: words.maxDownloadSize,
		},
		{
			displayName: words.binaryProperty.displayName,
			name: 'binaryPropertyName',
			displayOptions: onlyWhileWaiting,
			type: 'string',
			default: DEFAULT_BINARY_PROPERTY,
			description: words.binaryProperty.description,
		},
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollInterval',
			displayOptions: onlyWhileWaiting,
			type: 'number',
			typeOptions: { minValue: minPollInterval, numberPrecision: 1 },
			default: pollInterval,
			description: words.pollInterval,
		},
		{
			displayName: 'Request Timeout (Seconds)',
			name: 'requestTimeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: requestTimeout,
			description: words.requestTimeout,
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			displayOptions: onlyWhileWaiting,
			type: 'number',
			typeOptions: { minValue: 1 },
			default: timeout,
			description: words.timeout,
		},
	];
	const names = (option: INodeProperties) => option.displayName;
	const shown = kind === 'video' ? list.filter((o) => o.name !== 'allowAnyDownloadHost') : list;
	return shown.sort((a, b) => names(a).localeCompare(names(b)));
}

/** The Options collection of a kind. */
export function taskOptionsProperty(kind: MediaKind): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: taskOptionList(kind),
	};
}

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

/** An item's Options, with the kind's defaults; every numeric one is checked before any request. */
export function readTaskOptions(
	ctx: IExecuteFunctions,
	itemIndex: number,
	kind: MediaKind = 'image',
): TaskOptions {
	const raw = ctx.getNodeParameter('options', itemIndex, {}) as RawOptions;
	const bounds = numericOptions(kind);
	const read = (value: unknown, spec: NumericOptionSpec) =>
		numericOption(ctx, itemIndex, value, spec);
	// Read for its check only: the run's pool and the item's group apply it (readConcurrency).
	read(raw.concurrency, bounds.concurrency);
	return {
		waitForCompletion: raw.waitForCompletion ?? true,
		pollIntervalMs: read(raw.pollInterval, bounds.pollInterval) * 1000,
		timeoutMs: read(raw.timeout, bounds.timeout) * 1000,
		download: raw.download ?? true,
		binaryPropertyName: raw.binaryPropertyName?.trim() || DEFAULT_BINARY_PROPERTY,
		requestTimeoutMs: read(raw.requestTimeout, bounds.requestTimeout) * 1000,
		maxDownloadBytes: read(raw.maxDownloadSize, bounds.maxDownloadSize) * 1024 * 1024,
		allowAnyDownloadHost: raw.allowAnyDownloadHost === true,
	};
}

/** Items of a kind in flight at once: the Concurrency option, within the kind's cap. */
export function readConcurrency(
	ctx: IExecuteFunctions,
	itemIndex: number,
	kind: MediaKind,
): number {
	const raw = ctx.getNodeParameter('options', itemIndex, {}) as RawOptions;
	return numericOption(ctx, itemIndex, raw.concurrency, numericOptions(kind).concurrency);
}
