import {
	FLUX1_PIXELS,
	FLUX1_SIZE,
	WIDE_RATIOS,
	flux1,
	flux2,
	flux3,
	flux3Images,
	optional,
} from './families';
import { FLEX, IMAGE_PROMPT, KLEIN, KONTEXT, KONTEXT_MAX } from './presets';
import type { ModelSpec } from './types';

/** Text to image: one row per BFL endpoint. Adding a model is adding a row. */
export const GENERATE_MODELS: ModelSpec[] = [
	flux3(
		'generate',
		'flux-3-image',
		'FLUX 3 Image',
		'Newest and most capable; up to 10 reference images, tiers up to 4K, web-grounded prompts',
		{ images: flux3Images(0) },
	),
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
				raw: { default: false },
				imagePromptStrength: { range: { min: 0, max: 1 }, default: 0.1 },
			},
			primary: ['prompt', 'aspectRatio'],
			size: WIDE_RATIOS,
			images: IMAGE_PROMPT,
		},
	),
	flux1('generate', 'flux-dev', 'FLUX.1 [dev] (Legacy)', 'Open-weights FLUX.1 model', {
		fields: {
			...FLUX1_SIZE,
			steps: { range: { min: 1, max: 50 }, default: 28 },
			guidance: { range: { min: 1.5, max: 5 }, default: 3 },
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
