/**
 * BFL's video endpoints, one row per request shape: the three modes of flux-3-video, its draft
 * enhancement, and the two video tools. Their schemas are closed, so each row lists exactly the
 * fields it sends; the UI, validation and request body all follow from the rows. Pure data.
 */
import { SHARED_FIELDS, USER_ID_LENGTH } from './fields';
import type { NumberRange } from './types';
import {
	MEDIA,
	type VideoFieldDefinition,
	type VideoFieldName,
	type VideoFieldRule,
	type VideoOperation,
	type VideoSpec,
} from './videoTypes';

export * from './videoTypes';

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
	prompt: { required: true, description: 'What happens in the clip' },
	aspectRatio: { defaultValue: 'auto' },
	duration: { range: { min: 5, max: 20 }, defaultValue: 'auto' },
	resolution: { defaultValue: 'hd' },
	generateAudio: { defaultValue: true },
	safetyTolerance: SAFETY,
	user: USER,
	draft: { defaultValue: false },
};
const GENERATION_LAYOUT = [
	'prompt',
	MEDIA,
	'aspectRatio',
	'duration',
	'resolution',
	'generateAudio',
] as const;
const FLUX_3_VIDEO = { model: 'flux-3-video', path: '/v1/flux-3-video', webhooks: false } as const;
const ONE_VIDEO = { parameter: 'video', title: 'Video', kind: 'video', min: 1, max: 1 } as const;

export const VIDEO_MODELS: readonly VideoSpec[] = [
	{
		...FLUX_3_VIDEO,
		operation: 'generate',
		mode: 't2v',
		fixed: { mode: 't2v' },
		displayName: 'Text to Video',
		description: 'A clip from a prompt',
		layout: GENERATION_LAYOUT,
		fields: GENERATION,
		media: { body: '', kind: 'image', label: '', min: 0, max: 0 },
	},
	{
		...FLUX_3_VIDEO,
		operation: 'generate',
		mode: 'i2v',
		fixed: { mode: 'i2v' },
		displayName: 'Image to Video',
		description: 'A clip through one to ten keyframe images',
		layout: GENERATION_LAYOUT,
		fields: GENERATION,
		media: {
			body: 'keyframes',
			kind: 'image',
			label: 'keyframe',
			min: 1,
			max: 10,
			timed: true,
			parameter: 'keyframes',
		},
	},
	{
		...FLUX_3_VIDEO,
		operation: 'generate',
		mode: 'v2v',
		fixed: { mode: 'v2v' },
		displayName: 'Continue Video',
		description: 'A clip that carries on from the end of a video',
		layout: GENERATION_LAYOUT,
		fields: { ...GENERATION, duration: { range: { min: 5, max: 15 }, defaultValue: 'auto' } },
		media: { ...ONE_VIDEO, body: 'start_video', label: 'start video', title: 'Start Video' },
	},
	{
		...FLUX_3_VIDEO,
		operation: 'enhanceDraft',
		mode: 'draft_enhance',
		fixed: { mode: 'draft_enhance' },
		displayName: 'Enhance Draft',
		layout: [MEDIA, 'resolution'],
		fields: { resolution: { defaultValue: 'fhd' }, safetyTolerance: SAFETY, user: USER },
		media: {
			...ONE_VIDEO,
			body: 'draft_cache',
			kind: 'draft',
			label: 'draft cache',
			parameter: 'draft',
			title: 'Draft Cache',
		},
	},
	{
		operation: 'edit',
		model: 'flux-tools/video-edit-v1',
		path: '/v1/flux-tools/video-edit-v1',
		webhooks: false,
		displayName: 'Edit Video',
		layout: [MEDIA, 'prompt'],
		fields: {
			prompt: {
				label: 'Instruction',
				parameter: 'instruction',
				required: true,
				length: { min: 1, max: 4096 },
				description:
					'How to change the clip (1–4,096 characters); its length, resolution, ratio and audio stay as they are',
			},
			safetyTolerance: SAFETY,
			user: USER,
		},
		media: { ...ONE_VIDEO, body: 'video', label: 'video' },
	},
	{
		operation: 'upscale',
		model: 'flux-tools/video-upscale-v1',
		path: '/v1/flux-tools/video-upscale-v1',
		webhooks: true,
		displayName: 'Upscale Video',
		layout: [MEDIA, 'upscaleFactor', 'creativity', 'prompt'],
		fields: {
			upscaleFactor: { range: { min: 1.5, max: 3 }, defaultValue: 2 },
			creativity: { range: { min: 0, max: 1 }, defaultValue: 1 },
			prompt: { description: 'Optional description of the clip, steering the added detail' },
			safetyTolerance: SAFETY,
			user: USER,
		},
		media: { ...ONE_VIDEO, body: 'input_video', label: 'input video' },
	},
];

/** The rows of an operation: several are the choices of its Mode picker. */
export function videoRowsOf(operation: VideoOperation): VideoSpec[] {
	return VIDEO_MODELS.filter((spec) => spec.operation === operation);
}

/** The row for an operation and, where it has several, its mode. */
export function findVideoSpec(operation: VideoOperation, mode?: string): VideoSpec | undefined {
	const rows = videoRowsOf(operation);
	return rows.length === 1 ? rows[0] : rows.find((spec) => spec.mode === mode);
}
