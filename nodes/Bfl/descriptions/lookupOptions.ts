import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_DOWNLOAD_MB } from '../core/bytes/media';
import type { TaskOptions } from '../core/request/taskOptions';
import {
	NUMERIC_OPTIONS,
	numericOption,
	readTaskOptions,
	taskOptionList,
	taskOptionsProperty,
} from './taskOptions';

/** Get Result's words for the options it shares with the image operations, as it reads any task. */
const LOOKUP_WORDING: Record<string, { displayName?: string; description: string }> = {
	download: {
		displayName: 'Download Result',
		description:
			'Whether to download the result (image, MP4 or draft cache) as binary data. Result URLs expire, so keep this on unless you only need the URL right away.',
	},
	maxDownloadSize: {
		description:
			'For an image result: larger ones are refused rather than loaded into memory. Video results use Max Video Download Size.',
	},
	binaryPropertyName: {
		description: 'The name of the binary field that receives the image, video or draft cache',
	},
};

/** The Video operations' Max Download Size, for Get Result of a video task. */
const maxVideoDownloadSize: INodeProperties = {
	displayName: 'Max Video Download Size (MB)',
	name: 'maxVideoDownloadSize',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: NUMERIC_OPTIONS.maxDownloadSize.max },
	default: 1024,
	description:
		"For a video task's MP4 or draft cache, as the Video operations' Max Download Size: larger results are refused while they stream into binary storage",
};

/** Options of Task → Get Result: the image options, a cap for videos, and whether to wait. */
export const lookupOptionsProperty: INodeProperties = {
	...taskOptionsProperty('image'),
	options: [
		...taskOptionList('image').flatMap((option) => {
			const reworded = { ...option, ...LOOKUP_WORDING[option.name] };
			return option.name === 'maxDownloadSize' ? [reworded, maxVideoDownloadSize] : [reworded];
		}),
		{
			displayName: 'Wait for Completion',
			name: 'waitForCompletion',
			type: 'boolean',
			default: true,
			description:
				'Whether to wait until the task has finished. Turn off to return its current status at once, whatever it is.',
		},
	],
};

export interface LookupOptions {
	options: TaskOptions;
	/** The download cap for a video result (Max Download Size is the images'). */
	maxVideoDownloadBytes: number;
}

export function readLookupOptions(ctx: IExecuteFunctions, itemIndex: number): LookupOptions {
	const raw = ctx.getNodeParameter('options', itemIndex, {}) as { maxVideoDownloadSize?: unknown };
	const megabytes = numericOption(ctx, itemIndex, raw.maxVideoDownloadSize, {
		...NUMERIC_OPTIONS.maxDownloadSize,
		label: 'Max Video Download Size (MB)',
		defaultValue: DEFAULT_MAX_DOWNLOAD_MB.video,
	});
	return {
		options: readTaskOptions(ctx, itemIndex),
		maxVideoDownloadBytes: megabytes * 1024 * 1024,
	};
}
