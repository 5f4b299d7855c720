import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { VideoMedia, VideoSpec } from '../catalog/videoModels';
import type { MediaSource } from '../core/request/videoRequest';

const SOURCE_OPTIONS = [
	{
		name: 'Binary Field',
		value: 'binary',
		description: 'A file in a binary field of the input item',
	},
	{ name: 'URL', value: 'url', description: 'A public http(s) URL that BFL downloads itself' },
];

/** The binary field a single file is read from unless the user names another. */
const defaultField = (prefix: string) => (prefix === 'draft' ? 'draft' : 'data');

/** Source, binary field and URL of one file, under its parameter prefix (video, draft). */
function fileProperties(prefix: string, title: string): INodeProperties[] {
	const what = title.toLowerCase();
	return [
		{
			displayName: `${title} Source`,
			name: `${prefix}Source`,
			type: 'options',
			options: SOURCE_OPTIONS,
			default: 'binary',
			description: `Where the ${what} comes from. A URL is cheaper: nothing is uploaded.`,
		},
		{
			displayName: `${title} Binary Field`,
			name: `${prefix}BinaryPropertyName`,
			type: 'string',
			default: defaultField(prefix),
			description: `The binary field of the input item that holds the ${what} (at most 50 MB)`,
			displayOptions: { show: { [`${prefix}Source`]: ['binary'] } },
		},
		{
			displayName: `${title} URL`,
			name: `${prefix}Url`,
			type: 'string',
			default: '',
			placeholder: 'https://example.com/clip.mp4',
			displayOptions: { show: { [`${prefix}Source`]: ['url'] } },
		},
	];
}

const keyframesProperty = (media: VideoMedia): INodeProperties => ({
	displayName: 'Keyframes',
	name: 'keyframes',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Keyframe',
	default: { keyframe: [{ source: 'binary', binaryPropertyName: 'data' }] },
	description: `${media.min} to ${media.max} images that become frames of the video. One starts it, two start and end it, more are spread between; give each a time to place them yourself.`,
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
});

/** The parameters of a row's media: a Keyframes list, or one file's source trio; none for none. */
export function mediaProperties({ media }: VideoSpec): INodeProperties[] {
	if (media.max === 0 || !media.parameter) return [];
	if (media.parameter === 'keyframes') return [keyframesProperty(media)];
	return fileProperties(media.parameter, media.title ?? media.label);
}

/** The item's keyframes, video or draft cache as configured (nothing read yet). */
export function readMediaSources(
	ctx: IExecuteFunctions,
	spec: VideoSpec,
	itemIndex: number,
): MediaSource[] {
	const { media } = spec;
	if (media.max === 0 || !media.parameter) return [];
	if (media.parameter === 'keyframes') {
		const raw = ctx.getNodeParameter('keyframes', itemIndex, {}) as IDataObject;
		return ((raw.keyframe ?? []) as IDataObject[]).map((entry) => ({
			source: entry.source === 'url' ? 'url' : 'binary',
			binaryPropertyName: String(entry.binaryPropertyName ?? 'data'),
			url: entry.url as string | undefined,
			seconds: entry.seconds,
		}));
	}
	const prefix = media.parameter;
	const source = ctx.getNodeParameter(`${prefix}Source`, itemIndex, 'binary') as string;
	return [
		{
			source: source === 'url' ? 'url' : 'binary',
			binaryPropertyName: String(
				ctx.getNodeParameter(`${prefix}BinaryPropertyName`, itemIndex, defaultField(prefix)),
			),
			url: String(ctx.getNodeParameter(`${prefix}Url`, itemIndex, '')),
		},
	];
}
