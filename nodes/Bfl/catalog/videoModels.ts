/**
 * BFL's video endpoints, one row per request shape: the three modes of flux-3-video, its draft
 * enhancement, and the two video tools. Their schemas are closed, so each row lists exactly the
 * fields it sends; the UI, validation and request body all follow from the rows. Pure data.
 */
import { SHARED_FIELDS, USER_ID_LENGTH } from './fields';
import type { BodyField, NumberRange, RuleBase } from './types';

export type VideoOperation = 'generate' | 'enhanceDraft' | 'edit' | 'upscale';
export type VideoMode = 't2v' | 'i2v' | 'v2v';

/** Every field a video request can send, in the node's terms. */
export type VideoFieldName =
	| 'prompt'
	| 'aspectRatio'
	| 'duration'
	| 'resolution'
	| 'generateAudio'
	| 'safetyTolerance'
	| 'user'
	| 'draft'
	| 'upscaleFactor'
	| 'creativity';

export type VideoFieldDefinition = BodyField<
	'string' | 'integer' | 'number' | 'boolean' | 'enum' | 'duration'
>;

export const VIDEO_ASPECT_RATIOS = [
	'auto',
	'21:9',
	'2:1',
	'16:9',
	'4:3',
	'1:1',
	'3:4',
	'9:16',
	'9:21',
] as const;
export const VIDEO_RESOLUTIONS = ['hd', 'fhd', 'qhd', 'uhd'] as const;

export const VIDEO_FIELDS: Record<VideoFieldName, VideoFieldDefinition> = {
	prompt: SHARED_FIELDS.prompt,
	aspectRatio: {
		body: 'aspect_ratio',
		label: 'Aspect Ratio',
		kind: 'enum',
		values: VIDEO_ASPECT_RATIOS,
	},
	duration: { body: 'duration', label: 'Duration', kind: 'duration' },
	resolution: { body: 'resolution', label: 'Resolution', kind: 'enum', values: VIDEO_RESOLUTIONS },
	generateAudio: { body: 'generate_audio', label: 'Generate Audio', kind: 'boolean' },
	safetyTolerance: SHARED_FIELDS.safetyTolerance,
	user: SHARED_FIELDS.user,
	draft: { body: 'draft', label: 'Draft', kind: 'boolean' },
	upscaleFactor: { body: 'upscale_factor', label: 'Upscale Factor', kind: 'number' },
	creativity: { body: 'creativity', label: 'Creativity', kind: 'integer' },
};

export interface VideoFieldRule extends RuleBase {
	/** The name users see for this row, where it differs from the field's own. */
	label?: string;
	/** Text length bounds, for strings. */
	length?: NumberRange;
	/** BFL's value when the field is not sent, reported in the output. */
	defaultValue?: string | number | boolean;
}

/** The media a row sends: images, a video or a draft cache, each from a binary field or a URL. */
export interface VideoMedia {
	body: string;
	kind: 'image' | 'video' | 'draft';
	/** What one item is called in hints and messages. */
	label: string;
	min: number;
	max: number;
	/** Keyframes may carry their second in the clip; BFL then takes [seconds, image] pairs. */
	timed?: boolean;
}

export interface VideoSpec {
	operation: VideoOperation;
	/** flux-3-video's `mode` tag; the tools have none. */
	mode?: VideoMode | 'draft_enhance';
	/** BFL's endpoint name, reported as the output's model. */
	model: string;
	displayName: string;
	/** POST path relative to the API base URL. */
	path: string;
	fields: Partial<Record<VideoFieldName, VideoFieldRule>>;
	media: VideoMedia;
	/** Only the upscaler's schema has webhook_url. */
	webhooks: boolean;
}

/** BFL documents 5 active video generations per organization, whichever video endpoint. */
export const VIDEO_CONCURRENCY_CAP = 5;
/** Items of every video row share one in-flight group, as BFL's video cap is per organization. */
export const VIDEO_CONCURRENCY_KEY = 'video';
/** BFL's limit for an uploaded video, draft cache or image (before base64). */
export const MAX_VIDEO_INPUT_BYTES = 50 * 1024 * 1024;
/** The upscaler's largest input frame. */
export const MAX_UPSCALE_INPUT = { width: 2560, height: 1440 };
/** Keyframe times, in seconds from the start of the clip. */
export const KEYFRAME_SECONDS: NumberRange = { min: 0, max: 20 };

/** BFL's list prices in US dollars per second of video (API-NOTES; may change). */
export const VIDEO_PRICE_PER_SECOND: Record<string, number> = {
	hd: 0.17,
	fhd: 0.29,
	qhd: 0.4,
	uhd: 0.8,
	draft: 0.06,
};

const SAFETY: VideoFieldRule = { range: { min: 0, max: 4 }, defaultValue: 2 };
const USER: VideoFieldRule = { length: USER_ID_LENGTH };
const GENERATION: Partial<Record<VideoFieldName, VideoFieldRule>> = {
	prompt: { required: true },
	aspectRatio: { defaultValue: 'auto' },
	duration: { range: { min: 5, max: 20 }, defaultValue: 'auto' },
	resolution: { defaultValue: 'hd' },
	generateAudio: { defaultValue: true },
	safetyTolerance: SAFETY,
	user: USER,
	draft: { defaultValue: false },
};
const FLUX_3_VIDEO = { model: 'flux-3-video', path: '/v1/flux-3-video', webhooks: false } as const;

export const VIDEO_MODELS: readonly VideoSpec[] = [
	{
		...FLUX_3_VIDEO,
		operation: 'generate',
		mode: 't2v',
		displayName: 'Text to Video',
		fields: GENERATION,
		media: { body: '', kind: 'image', label: '', min: 0, max: 0 },
	},
	{
		...FLUX_3_VIDEO,
		operation: 'generate',
		mode: 'i2v',
		displayName: 'Image to Video',
		fields: GENERATION,
		media: { body: 'keyframes', kind: 'image', label: 'keyframe', min: 1, max: 10, timed: true },
	},
	{
		...FLUX_3_VIDEO,
		operation: 'generate',
		mode: 'v2v',
		displayName: 'Continue Video',
		fields: { ...GENERATION, duration: { range: { min: 5, max: 15 }, defaultValue: 'auto' } },
		media: { body: 'start_video', kind: 'video', label: 'start video', min: 1, max: 1 },
	},
	{
		...FLUX_3_VIDEO,
		operation: 'enhanceDraft',
		mode: 'draft_enhance',
		displayName: 'Enhance Draft',
		fields: { resolution: { defaultValue: 'fhd' }, safetyTolerance: SAFETY, user: USER },
		media: { body: 'draft_cache', kind: 'draft', label: 'draft cache', min: 1, max: 1 },
	},
	{
		operation: 'edit',
		model: 'flux-tools/video-edit-v1',
		path: '/v1/flux-tools/video-edit-v1',
		webhooks: false,
		displayName: 'Edit Video',
		fields: {
			prompt: { label: 'Instruction', required: true, length: { min: 1, max: 4096 } },
			safetyTolerance: SAFETY,
			user: USER,
		},
		media: { body: 'video', kind: 'video', label: 'video', min: 1, max: 1 },
	},
	{
		operation: 'upscale',
		model: 'flux-tools/video-upscale-v1',
		path: '/v1/flux-tools/video-upscale-v1',
		webhooks: true,
		displayName: 'Upscale Video',
		fields: {
			upscaleFactor: { range: { min: 1.5, max: 3 }, defaultValue: 2 },
			creativity: { range: { min: 0, max: 1 }, defaultValue: 1 },
			prompt: {},
			safetyTolerance: SAFETY,
			user: USER,
		},
		media: { body: 'input_video', kind: 'video', label: 'input video', min: 1, max: 1 },
	},
];

/** The row for an operation and, for Generate, its mode. */
export function findVideoSpec(operation: VideoOperation, mode?: string): VideoSpec | undefined {
	return VIDEO_MODELS.find(
		(spec) => spec.operation === operation && (operation !== 'generate' || spec.mode === mode),
	);
}
