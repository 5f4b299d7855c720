/**
 * The FLUX 3 image rows: FLUX 3 Image, in BFL's OpenAPI of October 2026, and FLUX 3.1 Image and
 * FLUX 3 Image Klein, which BFL had not published when they were added. Pure data.
 */
import { DEFAULT_CONCURRENCY_CAP, SEED, optional, required, rowBuilder } from './families';
import { FLUX3_ASPECT_RATIOS, FLUX3_ASPECT_RATIO_VALUES } from './ratios';
import type { ImageInputs, MaskInput, PixelLimits } from './types';

/** FLUX 3 reference images: BFL answers 422 under 256×256 and 400 over 16 MP. */
const FLUX3_PIXEL_LIMITS: PixelLimits = { minSide: 256, maxMegapixels: 16 };

/**
 * FLUX 3 Image: a closed schema (any other field is a 422), so no seed, size, output format or
 * webhook. Reference images go as one list, and the output reports the tier and ratio used.
 */
export const flux3 = rowBuilder({
	family: 'flux3',
	legacy: false,
	fields: {
		prompt: required,
		aspectRatio: { values: FLUX3_ASPECT_RATIO_VALUES },
		resolution: { default: '1k' },
		// The October spec says 0–4; 0–7 is reported for the FLUX 3 family, unconfirmed by BFL.
		safetyTolerance: { range: { min: 0, max: 4 }, default: 2 },
		grounding: { default: true },
	},
	primary: ['prompt', 'aspectRatio', 'resolution'],
	size: { kind: 'aspectRatio', widest: '21:9', tallest: '9:21', ratios: FLUX3_ASPECT_RATIOS },
	upsampling: 'none',
	defaultOutputFormat: 'jpeg',
	concurrencyCap: DEFAULT_CONCURRENCY_CAP,
	webhooks: false,
	reports: { resolution: '1k', aspectRatio: 'auto' },
	layout: { kind: 'prompt' },
});

/** FLUX 3 reference images: 1–10 in one `images` list, each base64 or a URL. */
export function flux3Images({
	required: requiredCount,
	pixelLimits = FLUX3_PIXEL_LIMITS,
	mask,
}: {
	required: number;
	/** Null where no source gives the model's limits. */
	pixelLimits?: PixelLimits | null;
	mask?: MaskInput;
}): ImageInputs {
	return {
		slots: Array.from({ length: 10 }, () => 'images'),
		labels: Array.from({ length: 10 }, (_, i) => `Reference Image ${i + 1}`),
		required: requiredCount,
		urlAllowed: true,
		listField: 'images',
		...(pixelLimits && { pixelLimits }),
		...(mask && { mask }),
	};
}

/** FLUX 3.1's mask: white may change; it applies to the first image, so at most 9 images with it. */
export const FLUX31_MASK: MaskInput = { field: 'mask', maxImagesWithMask: 9 };

/** FLUX 3.1's layout field: fal's name for it; BFL's own is unpublished. */
const FLUX31_BOXES_FIELD = 'bounding_boxes';

/**
 * FLUX 3.1 Image (seen 2026-12-03): the fields Comfy's router lists as BFL's native body, which
 * fal's page confirms. Path, the layout field's name and Safety Tolerance are inferred.
 */
export const flux31 = rowBuilder({
	family: 'flux3',
	legacy: false,
	path: '/v1/flux-3.1-image',
	unconfirmed: {
		source:
			"Comfy Router's and fal's FLUX 3.1 model pages, Vercel AI SDK 2.0.92 release note (2026-12-03); read 2026-12-05",
		fields: [FLUX31_BOXES_FIELD, 'safety_tolerance'],
	},
	fields: {
		prompt: required,
		aspectRatio: { values: ['match_first_image', ...FLUX3_ASPECT_RATIO_VALUES] },
		resolution: { values: ['1k', '2k', '4k'], default: '1k' },
		// Exact pixels override ratio and resolution; BFL caps them at 16 MP and 8:1.
		width: { range: { min: 64, max: 8192 }, default: 0 },
		height: { range: { min: 64, max: 8192 }, default: 0 },
		mode: { values: ['quality', 'fast'], default: 'quality' },
		groundingLevel: { default: 'off' },
		safetyTolerance: { range: { min: 0, max: 7 }, default: 2 },
	},
	primary: ['prompt', 'aspectRatio', 'resolution'],
	size: {
		kind: 'aspectRatio',
		widest: '21:9',
		tallest: '9:21',
		ratios: ['match_first_image', ...FLUX3_ASPECT_RATIOS],
	},
	upsampling: 'none',
	defaultOutputFormat: 'jpeg',
	concurrencyCap: DEFAULT_CONCURRENCY_CAP,
	webhooks: false,
	reports: { resolution: '1k', aspectRatio: 'auto' },
	layout: { kind: 'field', field: FLUX31_BOXES_FIELD },
});

/**
 * FLUX 3 Image Klein (seen 2026-10-15): open weights, with a looser body than FLUX 3 Image. Only
 * the AI SDK's release note describes it, so every field but the prompt is an Additional Field.
 */
export const flux3Klein = rowBuilder({
	family: 'flux3',
	legacy: false,
	path: '/v1/flux-3-image-klein',
	unconfirmed: {
		source:
			'Vercel AI SDK 2.0.63 release note (2026-10-15), Vercel AI Gateway model page; read 2026-12-05',
		fields: [
			'images',
			'resolution',
			'width',
			'height',
			'seed',
			'steps',
			'output_format',
			'safety_tolerance',
		],
	},
	fields: {
		prompt: required,
		// Where no source gives BFL's default, the field starts at a value that is never sent.
		resolution: { default: '1k' },
		width: { range: { min: 64, max: 8192 }, default: 0 },
		height: { range: { min: 64, max: 8192 }, default: 0 },
		...SEED,
		steps: { range: { min: 1, max: 50 }, default: 0 },
		outputFormat: optional,
		safetyTolerance: { range: { min: 0, max: 7 }, default: 2 },
	},
	primary: ['prompt'],
	size: { kind: 'none' },
	upsampling: 'none',
	defaultOutputFormat: 'jpeg',
	concurrencyCap: DEFAULT_CONCURRENCY_CAP,
	webhooks: false,
});
