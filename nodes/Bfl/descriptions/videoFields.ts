import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	VIDEO_ASPECT_RATIOS,
	VIDEO_RESOLUTIONS,
	type VideoFieldName,
	type VideoSpec,
} from '../catalog/videoModels';
import type { MediaSource, VideoInput } from '../core/request/videoRequest';

const SOURCE_OPTIONS = [
	{
		name: 'Binary Field',
		value: 'binary',
		description: 'A file in a binary field of the input item',
	},
	{ name: 'URL', value: 'url', description: 'A public http(s) URL that BFL downloads itself' },
];

/** Source, binary field and URL of one medium, under a name prefix (video, draft). */
function mediaProperties(prefix: string, what: string, defaultField: string): INodeProperties[] {
	return [
		{
			displayName: `${what} Source`,
			name: `${prefix}Source`,
			type: 'options',
			options: SOURCE_OPTIONS,
			default: 'binary',
			description: `Where the ${what.toLowerCase()} comes from. A URL is cheaper: nothing is uploaded.`,
		},
		{
			displayName: `${what} Binary Field`,
			name: `${prefix}BinaryPropertyName`,
			type: 'string',
			default: defaultField,
			description: `The binary field of the input item that holds the ${what.toLowerCase()} (at most 50 MB)`,
			displayOptions: { show: { [`${prefix}Source`]: ['binary'] } },
		},
		{
			displayName: `${what} URL`,
			name: `${prefix}Url`,
			type: 'string',
			default: '',
			placeholder: 'https://example.com/clip.mp4',
			displayOptions: { show: { [`${prefix}Source`]: ['url'] } },
		},
	];
}

export const videoMediaProperties = (): INodeProperties[] =>
	mediaProperties('video', 'Video', 'data');
export const draftMediaProperties = (): INodeProperties[] =>
	mediaProperties('draft', 'Draft Cache', 'draft');

export const keyframesProperty: INodeProperties = {
	displayName: 'Keyframes',
	name: 'keyframes',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Keyframe',
	default: { keyframe: [{ source: 'binary', binaryPropertyName: 'data' }] },
	description:
		'One to ten images that become frames of the video. One starts it, two start and end it, more are spread between; give each a time to place them yourself.',
	options: [
		{
			displayName: 'Keyframe',
			name: 'keyframe',
			values: [
				{
					displayName: 'Source',
					name: 'source',
					type: 'options',
					options: SOURCE_OPTIONS,
					default: 'binary',
				},
				{
					displayName: 'Binary Field',
					name: 'binaryPropertyName',
					type: 'string',
					default: 'data',
					displayOptions: { show: { source: ['binary'] } },
				},
				{
					displayName: 'URL',
					name: 'url',
					type: 'string',
					default: '',
					placeholder: 'https://example.com/frame.png',
					displayOptions: { show: { source: ['url'] } },
				},
				{
					displayName: 'Time (Seconds)',
					name: 'seconds',
					type: 'string',
					default: '',
					placeholder: '3.5',
					description:
						'The second of the clip this image becomes (0–20). Leave empty on every keyframe to let BFL place them.',
				},
			],
		},
	],
};

const safetyTolerance: INodeProperties = {
	displayName: 'Safety Tolerance',
	name: 'safetyTolerance',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 4 },
	default: 2,
	description: 'Moderation strictness of input and output, 0 is strictest',
};
const user: INodeProperties = {
	displayName: 'End User ID',
	name: 'user',
	type: 'string',
	default: '',
	description: "BFL's opaque ID of your end user, for abuse tracking (1–256 characters)",
};

/** Additional Fields of a video operation; Draft only where the row has it. */
export function videoAdditionalFields(withDraft: boolean): INodeProperties {
	const draft: INodeProperties = {
		displayName: 'Draft',
		name: 'draft',
		type: 'boolean',
		default: false,
		description:
			'Whether to render a cheap, fast preview. The output is then the draft cache (a .bin binary) instead of a video; Video → Enhance Draft turns it into the final video.',
	};
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: withDraft ? [draft, safetyTolerance, user] : [safetyTolerance, user],
	};
}

export const aspectRatioProperty: INodeProperties = {
	displayName: 'Aspect Ratio',
	name: 'aspectRatio',
	type: 'options',
	options: VIDEO_ASPECT_RATIOS.map((ratio) => ({
		name: ratio === 'auto' ? 'Auto' : ratio,
		value: ratio,
	})),
	default: 'auto',
	description: 'Auto lets BFL choose from the prompt and the keyframes or start video',
};

export const durationProperty: INodeProperties = {
	displayName: 'Duration',
	name: 'duration',
	type: 'options',
	options: [
		{ name: 'Auto', value: 'auto' },
		...Array.from({ length: 16 }, (_, i) => ({ name: `${i + 5} s`, value: String(i + 5) })),
	],
	default: 'auto',
	description:
		'Length of the clip: 5 to 20 seconds (5 to 15 when continuing a video), or Auto to fit the content. BFL bills per second.',
};

export function resolutionProperty(defaultValue: string): INodeProperties {
	return {
		displayName: 'Resolution',
		name: 'resolution',
		type: 'options',
		options: VIDEO_RESOLUTIONS.map((tier) => ({ name: tier.toUpperCase(), value: tier })),
		default: defaultValue,
		description:
			'HD is rendered directly; FHD, QHD and UHD are finished by BFL’s video upsampler and cost more per second',
	};
}

export const generateAudioProperty: INodeProperties = {
	displayName: 'Generate Audio',
	name: 'generateAudio',
	type: 'boolean',
	default: true,
	description: 'Whether to generate a synchronized soundtrack',
};

/** Fields kept under Additional Fields rather than on the node itself. */
const ADDITIONAL: readonly VideoFieldName[] = ['draft', 'safetyTolerance', 'user'];

/** The item's request in catalog terms; the edit instruction is the row's prompt. */
export function readVideoInput(
	ctx: IExecuteFunctions,
	spec: VideoSpec,
	itemIndex: number,
): VideoInput {
	const additional = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const input: VideoInput = {};
	for (const name of Object.keys(spec.fields) as VideoFieldName[]) {
		const parameter = name === 'prompt' && spec.operation === 'edit' ? 'instruction' : name;
		const value = ADDITIONAL.includes(name)
			? additional[name]
			: ctx.getNodeParameter(parameter, itemIndex, undefined);
		if (value !== undefined && value !== null) input[name] = value as string | number | boolean;
	}
	return input;
}

/** The item's keyframes, video or draft cache as configured (nothing read yet). */
export function readMediaSources(
	ctx: IExecuteFunctions,
	spec: VideoSpec,
	itemIndex: number,
): MediaSource[] {
	const { media } = spec;
	if (media.max === 0) return [];
	if (media.kind === 'image') {
		const raw = ctx.getNodeParameter('keyframes', itemIndex, {}) as IDataObject;
		return ((raw.keyframe ?? []) as IDataObject[]).map((entry) => ({
			source: entry.source === 'url' ? 'url' : 'binary',
			binaryPropertyName: String(entry.binaryPropertyName ?? 'data'),
			url: entry.url as string | undefined,
			seconds: entry.seconds,
		}));
	}
	const prefix = media.kind === 'draft' ? 'draft' : 'video';
	const source = ctx.getNodeParameter(`${prefix}Source`, itemIndex, 'binary') as string;
	return [
		{
			source: source === 'url' ? 'url' : 'binary',
			binaryPropertyName: String(
				ctx.getNodeParameter(
					`${prefix}BinaryPropertyName`,
					itemIndex,
					prefix === 'draft' ? 'draft' : 'data',
				),
			),
			url: String(ctx.getNodeParameter(`${prefix}Url`, itemIndex, '')),
		},
	];
}
