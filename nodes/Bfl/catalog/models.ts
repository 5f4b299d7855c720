import type { ModelOption, ModelSpec, SizeRule } from './types';

/** BFL's default account limit of tasks in flight; kontext-max has its own, lower one. */
export const DEFAULT_CONCURRENCY_CAP = 24;
export const KONTEXT_MAX_CONCURRENCY_CAP = 6;

const FLUX2_SIZE: SizeRule = {
	kind: 'pixels',
	multiple: 16,
	min: 64,
	maxMegapixels: 4,
	default: { width: 1024, height: 1024 },
};
const FLUX1_SIZE: SizeRule = {
	kind: 'pixels',
	multiple: 32,
	min: 256,
	max: 1440,
	default: { width: 1024, height: 768 },
};
const WIDE_RANGE_RATIO = { kind: 'aspectRatio', widest: '21:9', tallest: '9:21' } as const;

const FLUX2_SAFETY = { min: 0, max: 5 };
const FLUX1_SAFETY = { min: 0, max: 6 };
const BASE_OPTIONS: ModelOption[] = ['seed', 'safetyTolerance', 'outputFormat'];

function flux2(id: string, displayName: string, description: string, extra: Partial<ModelSpec> = {}): ModelSpec {
	return {
		id,
		displayName,
		description,
		path: `/v1/${id}`,
		family: 'flux2',
		legacy: false,
		promptRequired: true,
		size: FLUX2_SIZE,
		options: [...BASE_OPTIONS, 'promptUpsampling'],
		safetyTolerance: FLUX2_SAFETY,
		upsampling: 'disable_pup',
		defaultOutputFormat: 'jpeg',
		concurrencyCap: DEFAULT_CONCURRENCY_CAP,
		...extra,
	};
}

function flux1(id: string, displayName: string, description: string, extra: Partial<ModelSpec>): ModelSpec {
	return {
		id,
		displayName,
		description,
		path: `/v1/${id}`,
		family: 'flux1',
		legacy: true,
		promptRequired: false,
		size: FLUX1_SIZE,
		options: [...BASE_OPTIONS, 'promptUpsampling'],
		safetyTolerance: FLUX1_SAFETY,
		upsampling: 'prompt_upsampling',
		defaultOutputFormat: 'jpeg',
		concurrencyCap: DEFAULT_CONCURRENCY_CAP,
		...extra,
	};
}

const KLEIN = { upsampling: 'none', options: BASE_OPTIONS } as const;

/** One row per BFL text-to-image endpoint. Adding a model is adding a row. */
export const GENERATE_MODELS: readonly ModelSpec[] = [
	flux2('flux-2-pro', 'FLUX.2 [pro]', 'Best balance of quality and speed; the recommended default'),
	flux2('flux-2-pro-preview', 'FLUX.2 [pro] Preview', 'Newest FLUX.2 [pro] weights before release'),
	flux2('flux-2-max', 'FLUX.2 [max]', 'Highest quality, slower; can ground prompts with web search'),
	flux2('flux-2-flex', 'FLUX.2 [flex]', 'Typography and fine control over steps and guidance', {
		upsampling: 'prompt_upsampling',
		options: [...BASE_OPTIONS, 'promptUpsampling', 'steps', 'guidance'],
		steps: { min: 1, max: 50 },
		guidance: { min: 1.5, max: 10 },
	}),
	flux2('flux-2-klein-4b', 'FLUX.2 [klein] 4B', 'Fastest and cheapest FLUX.2', KLEIN),
	flux2('flux-2-klein-9b', 'FLUX.2 [klein] 9B', 'Fast FLUX.2 with better quality than 4B', KLEIN),
	flux2('flux-2-klein-9b-preview', 'FLUX.2 [klein] 9B Preview', 'FLUX.2 [klein] 9B with KV caching', KLEIN),
	flux1('flux-pro-1.1', 'FLUX1.1 [pro] (Legacy)', 'FLUX.1 text-to-image', {}),
	flux1('flux-pro-1.1-ultra', 'FLUX1.1 [pro] Ultra (Legacy)', 'Up to 4 MP, with an optional raw look', {
		size: { ...WIDE_RANGE_RATIO, default: '16:9' },
		options: [...BASE_OPTIONS, 'promptUpsampling', 'raw'],
	}),
	flux1('flux-dev', 'FLUX.1 [dev] (Legacy)', 'Open-weights FLUX.1 model', {
		options: [...BASE_OPTIONS, 'promptUpsampling', 'steps', 'guidance'],
		steps: { min: 1, max: 50 },
		guidance: { min: 1.5, max: 5 },
	}),
	flux1('flux-kontext-pro', 'FLUX.1 Kontext [pro] (Legacy)', 'Kontext without an input image', {
		promptRequired: true,
		size: WIDE_RANGE_RATIO,
		defaultOutputFormat: 'png',
	}),
	flux1('flux-kontext-max', 'FLUX.1 Kontext [max] (Legacy)', 'Kontext [max]; at most 6 tasks in flight', {
		promptRequired: true,
		size: WIDE_RANGE_RATIO,
		defaultOutputFormat: 'png',
		concurrencyCap: KONTEXT_MAX_CONCURRENCY_CAP,
	}),
];

export const DEFAULT_GENERATE_MODEL = 'flux-2-pro';

export function findModel(models: readonly ModelSpec[], id: string): ModelSpec | undefined {
	return models.find((model) => model.id === id);
}
