/**
 * Traits: settings several catalog rows share beyond their family's, named after the endpoints
 * that use them (spread into a row). Output sizes offered in the node are size presets, in
 * sizes.ts. Pure data.
 */
import { KONTEXT_MAX_CONCURRENCY_CAP, WIDE_RATIOS, optional, required } from './families';
import type { ImageInputs } from './types';

export const KLEIN = { upsampling: 'none', fields: { promptUpsampling: undefined } } as const;
export const FLEX = {
	upsampling: 'prompt_upsampling',
	fields: {
		steps: { range: { min: 1, max: 50 }, default: 50 },
		guidance: { range: { min: 1.5, max: 10 }, default: 5 },
		promptUpsampling: { default: true },
	},
} as const;
/** FLUX.1 "Redux": an optional image prompt, documented as base64 only. */
export const IMAGE_PROMPT: ImageInputs = {
	slots: ['image_prompt'],
	labels: ['Image Prompt'],
	required: 0,
	urlAllowed: false,
};
export const KONTEXT = {
	fields: { prompt: required, aspectRatio: optional },
	primary: ['prompt', 'aspectRatio'],
	size: WIDE_RATIOS,
	defaultOutputFormat: 'png',
} as const;
export const KONTEXT_MAX = { ...KONTEXT, concurrencyCap: KONTEXT_MAX_CONCURRENCY_CAP } as const;
export const EDIT_SIZE = { primary: ['prompt'] } as const;
/** Expand adds up to 2048 pixels per side. */
export const SIDE = { range: { min: 0, max: 2048 } };
