/** Generation with a finetune or a LoRA: region-pinned endpoints. Pure data. */
import {
	FILL_SAMPLING,
	FLUX1_SAFETY,
	WIDE_RATIOS,
	flux1,
	flux2,
	optional,
	referenceImages,
	required,
} from './families';
import { IMAGE_PROMPT } from './traits';
import type { ModelSpec } from './types';

/**
 * BFL's strength defaults differ per endpoint (1.2 Ultra, 1.1 Fill; the klein LoRA pages give
 * none); the range is 0–2 everywhere.
 */
const FINETUNE = { finetuneId: required, finetuneStrength: { range: { min: 0, max: 2 } } };

const PINNED = { pinnedToFinetuneRegion: true } as const;

const operation = 'finetune';

/** FLUX.2 [klein] LoRAs (public beta): the base endpoint's schema plus finetune_id and finetune_strength. */
function kleinLora({ id, displayName }: { id: string; displayName: string }): ModelSpec {
	return flux2({
		operation,
		id,
		displayName,
		description: 'FLUX.2 [klein] with your LoRA (beta)',
		...PINNED,
		upsampling: 'none',
		fields: { ...FINETUNE, promptUpsampling: undefined },
		primary: ['finetuneId', 'prompt', 'width', 'height'],
		images: referenceImages({ max: 4, required: 0 }),
	});
}

export const FINETUNE_MODELS: ModelSpec[] = [
	flux1({
		operation,
		id: 'flux-pro-1.1-ultra-finetuned',
		displayName: 'FLUX1.1 [pro] Ultra Finetuned (Legacy)',
		description: 'Ultra with your finetune',
		...PINNED,
		fields: {
			...FINETUNE,
			finetuneStrength: { range: { min: 0, max: 2 }, default: 1.2 },
			// The one schema without BFL's end-user id.
			user: undefined,
			aspectRatio: optional,
			imagePromptStrength: { range: { min: 0, max: 1 }, default: 0.1 },
		},
		primary: ['finetuneId', 'prompt', 'aspectRatio'],
		size: WIDE_RATIOS,
		images: IMAGE_PROMPT,
	}),
	flux1({
		operation,
		id: 'flux-pro-1.0-fill-finetuned',
		displayName: 'FLUX.1 Fill [pro] Finetuned (Legacy)',
		description: 'Inpaint with your finetune',
		...PINNED,
		fields: {
			...FINETUNE,
			...FILL_SAMPLING,
			...FLUX1_SAFETY,
			finetuneStrength: { range: { min: 0, max: 2 }, default: 1.1 },
		},
		primary: ['finetuneId', 'prompt'],
		images: { slots: ['image', 'mask'], labels: ['Image', 'Mask'], required: 1, urlAllowed: false },
	}),
	kleinLora({ id: 'flux-2-klein-4b-finetuned', displayName: 'FLUX.2 [klein] 4B LoRA' }),
	kleinLora({ id: 'flux-2-klein-9b-finetuned', displayName: 'FLUX.2 [klein] 9B LoRA' }),
	kleinLora({ id: 'flux-2-klein-9b-kv-finetuned', displayName: 'FLUX.2 [klein] 9B KV LoRA' }),
	kleinLora({
		id: 'flux-2-klein-9b-kv-bf16-finetuned',
		displayName: 'FLUX.2 [klein] 9B KV BF16 LoRA',
	}),
	kleinLora({ id: 'flux-2-klein-base-4b-finetuned', displayName: 'FLUX.2 [klein] Base 4B LoRA' }),
	kleinLora({ id: 'flux-2-klein-base-9b-finetuned', displayName: 'FLUX.2 [klein] Base 9B LoRA' }),
];
