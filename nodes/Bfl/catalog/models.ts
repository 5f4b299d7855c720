import {
	FILL_SAMPLING,
	FLUX1_PIXELS,
	FLUX1_SIZE,
	KONTEXT_MAX_CONCURRENCY_CAP,
	WIDE_RATIOS,
	flux1,
	flux2,
	optional,
	referenceImages,
	required,
	tool,
} from './families';
import { FINETUNE_MODELS } from './finetuneModels';
import type { ImageInputs, ModelOperation, ModelSpec } from './types';

export { DEFAULT_CONCURRENCY_CAP, KONTEXT_MAX_CONCURRENCY_CAP } from './families';

const KLEIN = { upsampling: 'none', fields: { promptUpsampling: undefined } } as const;
const FLEX = {
	upsampling: 'prompt_upsampling',
	fields: { steps: { range: { min: 1, max: 50 } }, guidance: { range: { min: 1.5, max: 10 } } },
} as const;
/** FLUX.1 "Redux": an optional image prompt, documented as base64 only. */
const IMAGE_PROMPT: ImageInputs = {
	slots: ['image_prompt'],
	labels: ['Image Prompt'],
	required: 0,
	urlAllowed: false,
};
const KONTEXT = {
	fields: { prompt: required, aspectRatio: optional },
	primary: ['prompt', 'aspectRatio'],
	size: WIDE_RATIOS,
	defaultOutputFormat: 'png',
} as const;
const KONTEXT_MAX = { ...KONTEXT, concurrencyCap: KONTEXT_MAX_CONCURRENCY_CAP } as const;
const EDIT_SIZE = { primary: ['prompt'] } as const;
/** Expand adds up to 2048 pixels per side. */
const SIDE = { range: { min: 0, max: 2048 } };

/** Text to image: one row per BFL endpoint. Adding a model is adding a row. */
const GENERATE: ModelSpec[] = [
	flux2(
		'generate',
		'flux-2-pro',
		'FLUX.2 [pro]',
		'Best balance of quality and speed; the recommended default',
	),
	flux2(
		'generate',
		'flux-2-pro-preview',
		'FLUX.2 [pro] Preview',
		'Newest FLUX.2 [pro] weights before release',
	),
	flux2(
		'generate',
		'flux-2-max',
		'FLUX.2 [max]',
		'Highest quality, slower; can ground prompts with web search',
	),
	flux2(
		'generate',
		'flux-2-flex',
		'FLUX.2 [flex]',
		'Typography and control over steps and guidance',
		FLEX,
	),
	flux2('generate', 'flux-2-klein-4b', 'FLUX.2 [klein] 4B', 'Fastest and cheapest FLUX.2', KLEIN),
	flux2(
		'generate',
		'flux-2-klein-9b',
		'FLUX.2 [klein] 9B',
		'Fast FLUX.2 with better quality than 4B',
		KLEIN,
	),
	flux2(
		'generate',
		'flux-2-klein-9b-preview',
		'FLUX.2 [klein] 9B Preview',
		'FLUX.2 [klein] 9B with KV caching',
		KLEIN,
	),
	flux1('generate', 'flux-pro-1.1', 'FLUX1.1 [pro] (Legacy)', 'FLUX.1 text-to-image', {
		fields: FLUX1_SIZE,
		primary: ['prompt', 'width', 'height'],
		size: FLUX1_PIXELS,
		images: IMAGE_PROMPT,
	}),
	flux1(
		'generate',
		'flux-pro-1.1-ultra',
		'FLUX1.1 [pro] Ultra (Legacy)',
		'Up to 4 MP, with an optional raw look',
		{
			fields: {
				aspectRatio: optional,
				raw: optional,
				imagePromptStrength: { range: { min: 0, max: 1 } },
			},
			primary: ['prompt', 'aspectRatio'],
			size: WIDE_RATIOS,
			images: IMAGE_PROMPT,
		},
	),
	flux1('generate', 'flux-dev', 'FLUX.1 [dev] (Legacy)', 'Open-weights FLUX.1 model', {
		fields: {
			...FLUX1_SIZE,
			steps: { range: { min: 1, max: 50 } },
			guidance: { range: { min: 1.5, max: 5 } },
		},
		primary: ['prompt', 'width', 'height'],
		size: FLUX1_PIXELS,
		images: IMAGE_PROMPT,
	}),
	flux1(
		'generate',
		'flux-kontext-pro',
		'FLUX.1 Kontext [pro] (Legacy)',
		'Kontext without an input image',
		KONTEXT,
	),
	flux1(
		'generate',
		'flux-kontext-max',
		'FLUX.1 Kontext [max] (Legacy)',
		'At most 6 tasks in flight',
		KONTEXT_MAX,
	),
];

/** Image editing: every endpoint that takes input images. */
const EDIT: ModelSpec[] = [
	flux2('edit', 'flux-2-pro', 'FLUX.2 [pro]', 'Edit with up to 8 reference images', {
		...EDIT_SIZE,
		images: referenceImages(8, 1),
	}),
	flux2('edit', 'flux-2-pro-preview', 'FLUX.2 [pro] Preview', 'Up to 8 reference images', {
		...EDIT_SIZE,
		images: referenceImages(8, 1),
	}),
	flux2('edit', 'flux-2-max', 'FLUX.2 [max]', 'Highest quality, up to 8 reference images', {
		...EDIT_SIZE,
		images: referenceImages(8, 1),
	}),
	flux2('edit', 'flux-2-flex', 'FLUX.2 [flex]', 'Up to 8 reference images, steps and guidance', {
		...FLEX,
		...EDIT_SIZE,
		images: referenceImages(8, 1),
	}),
	flux2('edit', 'flux-2-klein-4b', 'FLUX.2 [klein] 4B', 'Up to 4 reference images', {
		...KLEIN,
		...EDIT_SIZE,
		images: referenceImages(4, 1),
	}),
	flux2('edit', 'flux-2-klein-9b', 'FLUX.2 [klein] 9B', 'Up to 4 reference images', {
		...KLEIN,
		...EDIT_SIZE,
		images: referenceImages(4, 1),
	}),
	flux2(
		'edit',
		'flux-2-klein-9b-preview',
		'FLUX.2 [klein] 9B Preview',
		'Up to 4 reference images',
		{
			...KLEIN,
			...EDIT_SIZE,
			images: referenceImages(4, 1),
		},
	),
	flux1(
		'edit',
		'flux-kontext-pro',
		'FLUX.1 Kontext [pro] (Legacy)',
		'One image; 2–4 are experimental',
		{
			...KONTEXT,
			images: referenceImages(4, 1),
		},
	),
	flux1(
		'edit',
		'flux-kontext-max',
		'FLUX.1 Kontext [max] (Legacy)',
		'One image; 2–4 experimental; 6 in flight',
		{
			...KONTEXT_MAX,
			images: referenceImages(4, 1),
		},
	),
	flux1(
		'edit',
		'flux-pro-1.0-fill',
		'FLUX.1 Fill [pro] (Legacy)',
		'Inpaint where the mask is white',
		{
			fields: FILL_SAMPLING,
			images: {
				slots: ['image', 'mask'],
				labels: ['Image', 'Mask'],
				required: 1,
				urlAllowed: false,
			},
		},
	),
	flux1(
		'edit',
		'flux-pro-1.0-expand',
		'FLUX.1 Expand [pro] (Legacy)',
		'Extend the canvas on any side',
		{
			fields: { ...FILL_SAMPLING, top: SIDE, bottom: SIDE, left: SIDE, right: SIDE },
			primary: ['prompt', 'top', 'bottom', 'left', 'right'],
			images: { slots: ['image'], labels: ['Image'], required: 1, urlAllowed: false },
		},
	),
	tool(
		'edit',
		'flux-tools/erase-v1',
		'FLUX Tools Erase',
		'Remove what the mask covers (white = remove)',
		{
			fields: { dilatePixels: { range: { min: 0, max: 25 } } },
			images: {
				slots: ['image', 'mask'],
				labels: ['Image', 'Mask'],
				required: 2,
				urlAllowed: true,
			},
		},
	),
	tool('edit', 'flux-tools/deblur-v1', 'FLUX Tools Deblur', 'Sharpen a blurry image', {
		images: { slots: ['image'], labels: ['Image'], required: 1, urlAllowed: true },
	}),
	tool(
		'edit',
		'flux-tools/outpainting-v1',
		'FLUX Tools Outpainting',
		'Place the image on a larger canvas',
		{
			// This endpoint rejects unknown fields (no seed, no webhooks), so its list is exact.
			fields: {
				seed: undefined,
				width: { range: { min: 64, max: 8192 }, required: true },
				height: { range: { min: 64, max: 8192 }, required: true },
				prompt: optional,
				autoCrop: optional,
				referenceOffsetX: { range: { min: -8192, max: 8192 } },
				referenceOffsetY: { range: { min: -8192, max: 8192 } },
				mode: optional,
				promptUpsampling: optional,
			},
			primary: ['width', 'height', 'prompt'],
			upsampling: 'disable_pup',
			images: { slots: ['input_image'], labels: ['Image'], required: 1, urlAllowed: true },
		},
	),
	tool(
		'edit',
		'flux-tools/vto-v2',
		'FLUX Tools Virtual Try-On',
		'Dress the person in the garment, up to 4 MP',
		{
			fields: { prompt: required },
			primary: ['prompt'],
			defaultOutputFormat: 'jpeg',
			images: {
				slots: ['person', 'garment'],
				labels: ['Person', 'Garment'],
				required: 2,
				urlAllowed: true,
			},
		},
	),
];

export const MODELS: readonly ModelSpec[] = [...GENERATE, ...EDIT, ...FINETUNE_MODELS];

export const DEFAULT_MODEL = 'flux-2-pro';

export function modelsFor(operation: ModelOperation): ModelSpec[] {
	return MODELS.filter((model) => model.operation === operation);
}

export function findModel(operation: ModelOperation, id: string): ModelSpec | undefined {
	return MODELS.find((model) => model.operation === operation && model.id === id);
}
