import {
	FILL_SAMPLING,
	flux1,
	flux2,
	flux3,
	flux3Images,
	optional,
	referenceImages,
	required,
	tool,
} from './families';
import { EDIT_SIZE, FLEX, KLEIN, KONTEXT, KONTEXT_MAX, SIDE } from './presets';
import type { ModelSpec } from './types';

/** Image editing: every endpoint that takes input images. */
export const EDIT_MODELS: ModelSpec[] = [
	flux3('edit', 'flux-3-image', 'FLUX 3 Image', 'Edit or combine 1–10 reference images, up to 4K', {
		images: flux3Images(1),
	}),
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
			fields: { dilatePixels: { range: { min: 0, max: 25 }, default: 10 } },
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
				autoCrop: { default: false },
				referenceOffsetX: { range: { min: -8192, max: 8192 } },
				referenceOffsetY: { range: { min: -8192, max: 8192 } },
				mode: { default: 'high' },
				promptUpsampling: optional,
			},
			primary: ['width', 'height', 'prompt'],
			upsampling: 'disable_pup',
			webhooks: false,
			images: { slots: ['input_image'], labels: ['Image'], required: 1, urlAllowed: true },
		},
	),
	tool(
		'edit',
		'flux-tools/vto-v2',
		'FLUX Tools Virtual Try-On v2',
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
	tool(
		'edit',
		'flux-tools/vto-v1',
		'FLUX Tools Virtual Try-On v1',
		'The first try-on model; same inputs as v2',
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
