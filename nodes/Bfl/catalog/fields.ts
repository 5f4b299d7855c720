/** Every request field the node can send, with its BFL name and kind. Pure data. */
import type { BodyField } from './types';

export type FieldKind = 'string' | 'integer' | 'number' | 'boolean' | 'aspectRatio' | 'enum';

export interface FieldDefinition extends BodyField<FieldKind> {
	/** A value that means "leave it to BFL": never checked and never sent (BFL has no default to show). */
	unset?: number;
}

export const OUTPUT_FORMATS = ['jpeg', 'png', 'webp'] as const;

/** FLUX 3 Image's resolution tiers: equal pixel area per tier, whatever the aspect ratio. */
export const RESOLUTIONS = ['768sq', '1k', '1.5k', '2k', '4k'] as const;

/** The fields image and video requests both send, defined once. */
export const SHARED_FIELDS = {
	prompt: { body: 'prompt', label: 'Prompt', kind: 'string' },
	safetyTolerance: { body: 'safety_tolerance', label: 'Safety Tolerance', kind: 'integer' },
	user: { body: 'user', label: 'End User ID', kind: 'string' },
} as const satisfies Record<string, BodyField<'string' | 'integer'>>;

export const FIELDS = {
	prompt: SHARED_FIELDS.prompt,
	// BFL's FLUX.2 default 0 means "as the input image" (and is below its minimum if sent).
	width: { body: 'width', label: 'Width', kind: 'integer', unset: 0 },
	height: { body: 'height', label: 'Height', kind: 'integer', unset: 0 },
	aspectRatio: { body: 'aspect_ratio', label: 'Aspect Ratio', kind: 'aspectRatio' },
	seed: { body: 'seed', label: 'Seed', kind: 'integer', unset: -1 },
	safetyTolerance: SHARED_FIELDS.safetyTolerance,
	outputFormat: {
		body: 'output_format',
		label: 'Output Format',
		kind: 'enum',
		values: OUTPUT_FORMATS,
	},
	// Sent as disable_pup or prompt_upsampling depending on the model (see ModelSpec.upsampling).
	promptUpsampling: { body: 'prompt_upsampling', label: 'Prompt Upsampling', kind: 'boolean' },
	// 0 is below every model's minimum: a model without a known default starts there, never sent.
	steps: { body: 'steps', label: 'Steps', kind: 'integer', unset: 0 },
	guidance: { body: 'guidance', label: 'Guidance', kind: 'number' },
	raw: { body: 'raw', label: 'Raw', kind: 'boolean' },
	imagePromptStrength: {
		body: 'image_prompt_strength',
		label: 'Image Prompt Strength',
		kind: 'number',
	},
	top: { body: 'top', label: 'Expand Top', kind: 'integer' },
	bottom: { body: 'bottom', label: 'Expand Bottom', kind: 'integer' },
	left: { body: 'left', label: 'Expand Left', kind: 'integer' },
	right: { body: 'right', label: 'Expand Right', kind: 'integer' },
	dilatePixels: { body: 'dilate_pixels', label: 'Dilate Pixels', kind: 'integer' },
	autoCrop: { body: 'auto_crop', label: 'Auto Crop', kind: 'boolean' },
	referenceOffsetX: { body: 'reference_offset_x', label: 'Reference Offset X', kind: 'integer' },
	referenceOffsetY: { body: 'reference_offset_y', label: 'Reference Offset Y', kind: 'integer' },
	mode: { body: 'mode', label: 'Mode', kind: 'enum', values: ['high', 'fast'] },
	finetuneId: { body: 'finetune_id', label: 'Finetune ID', kind: 'string' },
	finetuneStrength: {
		body: 'finetune_strength',
		label: 'Finetune Strength',
		kind: 'number',
		unset: -1,
	},
	resolution: { body: 'resolution', label: 'Resolution', kind: 'enum', values: RESOLUTIONS },
	grounding: { body: 'grounding', label: 'Grounding', kind: 'boolean' },
	// FLUX 3.1 Image sends `grounding` as a level rather than FLUX 3 Image's switch.
	groundingLevel: {
		body: 'grounding',
		label: 'Grounding',
		kind: 'enum',
		values: ['off', 'auto', 'force'],
	},
	user: SHARED_FIELDS.user,
} as const satisfies Record<string, FieldDefinition>;

export type FieldName = keyof typeof FIELDS;

export const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];

/** BFL's opaque end-user id (`user`), image and video alike: 1–256 characters. */
export const USER_ID_LENGTH = { min: 1, max: 256 } as const;

/** Seeds are unsigned 32-bit in every BFL client; the spec itself gives no range. */
export const MAX_SEED = 4_294_967_295;
