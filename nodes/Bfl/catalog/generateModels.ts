import { FLUX1_PIXELS, FLUX1_SIZE, WIDE_RATIOS, flux1, flux2, optional } from './families';
import { FLUX31_MASK, flux3, flux31, flux3Images, flux3Klein } from './flux3Family';
import { FLEX, IMAGE_PROMPT, KLEIN, KONTEXT, KONTEXT_MAX } from './traits';
import type { ModelSpec } from './types';

const operation = 'generate';

/** Text to image: one row per BFL endpoint. Adding a model is adding a row. */
export const GENERATE_MODELS: ModelSpec[] = [
	flux3({
		operation,
		id: 'flux-3-image',
		displayName: 'FLUX 3 Image',
		description:
			'Newest and most capable; up to 10 reference images, tiers up to 4K, web-grounded prompts',
		images: flux3Images({ required: 0 }),
	}),
	flux31({
		operation,
		id: 'flux-3.1-image',
		displayName: 'FLUX 3.1 Image',
		description:
			'Cheaper than FLUX 3 Image; up to 10 reference images, a mask, layout boxes, a fast mode',
		images: flux3Images({ required: 0, mask: FLUX31_MASK }),
	}),
	flux3Klein({
		operation,
		id: 'flux-3-image-klein',
		displayName: 'FLUX 3 Image Klein',
		description: 'Small open-weights FLUX 3: fast and cheap, with exact sizes and seeds',
		images: flux3Images({ required: 0, pixelLimits: null }),
	}),
	flux2({
		operation,
		id: 'flux-2-pro',
		displayName: 'FLUX.2 [pro]',
		description: 'Best balance of quality and speed; the recommended default',
	}),
	flux2({
		operation,
		id: 'flux-2-pro-preview',
		displayName: 'FLUX.2 [pro] Preview',
		description: 'Newest FLUX.2 [pro] weights before release',
	}),
	flux2({
		operation,
		id: 'flux-2-max',
		displayName: 'FLUX.2 [max]',
		description: 'Highest quality, slower; can ground prompts with web search',
	}),
	flux2({
		operation,
		id: 'flux-2-flex',
		displayName: 'FLUX.2 [flex]',
		description: 'Typography and control over steps and guidance',
		...FLEX,
	}),
	flux2({
		operation,
		id: 'flux-2-klein-4b',
		displayName: 'FLUX.2 [klein] 4B',
		description: 'Fastest and cheapest FLUX.2',
		...KLEIN,
	}),
	flux2({
		operation,
		id: 'flux-2-klein-9b',
		displayName: 'FLUX.2 [klein] 9B',
		description: 'Fast FLUX.2 with better quality than 4B',
		...KLEIN,
	}),
	flux2({
		operation,
		id: 'flux-2-klein-9b-preview',
		displayName: 'FLUX.2 [klein] 9B Preview',
		description: 'FLUX.2 [klein] 9B with KV caching',
		...KLEIN,
	}),
	flux1({
		operation,
		id: 'flux-pro-1.1',
		displayName: 'FLUX1.1 [pro] (Legacy)',
		description: 'FLUX.1 text-to-image',
		fields: FLUX1_SIZE,
		primary: ['prompt', 'width', 'height'],
		size: FLUX1_PIXELS,
		images: IMAGE_PROMPT,
	}),
	flux1({
		operation,
		id: 'flux-pro-1.1-ultra',
		displayName: 'FLUX1.1 [pro] Ultra (Legacy)',
		description: 'Up to 4 MP, with an optional raw look',
		fields: {
			aspectRatio: optional,
			raw: { default: false },
			imagePromptStrength: { range: { min: 0, max: 1 }, default: 0.1 },
		},
		primary: ['prompt', 'aspectRatio'],
		size: WIDE_RATIOS,
		images: IMAGE_PROMPT,
	}),
	flux1({
		operation,
		id: 'flux-dev',
		displayName: 'FLUX.1 [dev] (Legacy)',
		description: 'Open-weights FLUX.1 model',
		fields: {
			...FLUX1_SIZE,
			steps: { range: { min: 1, max: 50 }, default: 28 },
			guidance: { range: { min: 1.5, max: 5 }, default: 3 },
		},
		primary: ['prompt', 'width', 'height'],
		size: FLUX1_PIXELS,
		images: IMAGE_PROMPT,
	}),
	flux1({
		operation,
		id: 'flux-kontext-pro',
		displayName: 'FLUX.1 Kontext [pro] (Legacy)',
		description: 'Kontext without an input image',
		...KONTEXT,
	}),
	flux1({
		operation,
		id: 'flux-kontext-max',
		displayName: 'FLUX.1 Kontext [max] (Legacy)',
		description: 'At most 6 tasks in flight',
		...KONTEXT_MAX,
	}),
];
