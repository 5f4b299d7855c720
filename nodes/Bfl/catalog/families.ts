/** Builders for the catalog rows: what each family of BFL endpoints has in common. Pure data. */
import { MAX_SEED, USER_ID_LENGTH, type FieldName } from './fields';
import type { FieldRule, ImageInputs, ModelOperation, ModelSpec } from './types';

/** BFL's default account limit of tasks in flight; kontext-max has its own, lower one. */
export const DEFAULT_CONCURRENCY_CAP = 24;
export const KONTEXT_MAX_CONCURRENCY_CAP = 6;

export type Fields = Partial<Record<FieldName, FieldRule>>;

const optional: FieldRule = {};
const required: FieldRule = { required: true };

/**
 * FLUX.2 prompts: BFL's OpenAPI gives no maxLength for any image endpoint; BFL notes "up to 32K
 * tokens" for FLUX.2. At about 4 characters per token that is 131,072 characters; longer text
 * is refused before any request. FLUX.1 and the tools document no limit (BFL truncates there).
 */
export const FLUX2_PROMPT_MAX_LENGTH = 32_768 * 4;

export const SEED: Fields = { seed: { range: { min: 0, max: MAX_SEED } } };
/** BFL's opaque end-user id for abuse tracking, 1–256 characters, on nearly every schema since mid-2026. */
export const USER: Fields = { user: { range: USER_ID_LENGTH } };
const OUTPUT: Fields = { outputFormat: optional };
export const FLUX2_SAFETY: Fields = { safetyTolerance: { range: { min: 0, max: 5 }, default: 2 } };
export const FLUX1_SAFETY: Fields = { safetyTolerance: { range: { min: 0, max: 6 }, default: 2 } };

/** FLUX.2 sizes: any multiple of 16 from 64 up to 4 megapixels in total. */
export const FLUX2_SIZE: Fields = {
	width: { range: { min: 64, max: 8192 }, default: 0 },
	height: { range: { min: 64, max: 8192 }, default: 0 },
};
export const FLUX1_SIZE: Fields = {
	width: { range: { min: 256, max: 1440 } },
	height: { range: { min: 256, max: 1440 } },
};

/** FLUX.1 Fill and Expand share their sampler settings. */
export const FILL_SAMPLING: Fields = {
	steps: { range: { min: 15, max: 50 }, default: 50 },
	guidance: { range: { min: 1.5, max: 100 }, default: 60 },
	promptUpsampling: { default: false },
};

/**
 * Reference images input_image, input_image_2, ... up to `max`, of which the first `required` are
 * required; BFL takes a URL for each unless `urlAllowed` is false.
 */
export function referenceImages({
	max,
	required: requiredCount,
	urlAllowed = true,
}: {
	max: number;
	required: number;
	urlAllowed?: boolean;
}): ImageInputs {
	const slots = Array.from({ length: max }, (_, i) =>
		i === 0 ? 'input_image' : `input_image_${i + 1}`,
	);
	return {
		slots,
		labels: slots.map((_, i) => `Reference Image ${i + 1}`),
		required: requiredCount,
		urlAllowed,
	};
}

/** A row drops a family field by setting it to undefined. */
function withoutUnset(fields: Fields): Fields {
	return Object.fromEntries(Object.entries(fields).filter(([, rule]) => rule !== undefined));
}

/** What a row names itself; `operation` and `id` give its path. */
export interface RowIdentity {
	operation: ModelOperation;
	/** BFL's endpoint name, e.g. 'flux-2-pro'; the row's path is /v1/<id>. */
	id: string;
	displayName: string;
	description: string;
}

/** One catalog row: its identity, plus whatever it changes in its family's settings. */
export type Row = RowIdentity & Partial<Omit<ModelSpec, keyof RowIdentity>>;

/** A family's settings; `path` only where BFL's path is not /v1/<id> (an inferred one, say). */
type FamilySettings = Omit<ModelSpec, keyof RowIdentity | 'path'> & { path?: string };

/** A family's row builder: `flux2({ operation, id, displayName, description, ...changes })`. */
export function rowBuilder(base: FamilySettings): (row: Row) => ModelSpec {
	return ({ fields, ...row }: Row): ModelSpec => ({
		...base,
		...row,
		path: row.path ?? base.path ?? `/v1/${row.id}`,
		fields: withoutUnset({ ...base.fields, ...fields }),
	});
}

/** FLUX.2 [pro]/[max]/[flex]/[klein]: multiples of 16, safety 0–5, prompt required. */
export const flux2 = rowBuilder({
	family: 'flux2',
	legacy: false,
	fields: {
		prompt: { ...required, maxLength: FLUX2_PROMPT_MAX_LENGTH },
		...FLUX2_SIZE,
		...SEED,
		...FLUX2_SAFETY,
		...OUTPUT,
		...USER,
		promptUpsampling: optional,
	},
	primary: ['prompt', 'width', 'height'],
	size: { kind: 'pixels', multiple: 16, maxMegapixels: 4 },
	upsampling: 'disable_pup',
	defaultOutputFormat: 'jpeg',
	concurrencyCap: DEFAULT_CONCURRENCY_CAP,
});

/** FLUX.1-era endpoints, labelled legacy: safety 0–6, prompt_upsampling opt-in. */
export const flux1 = rowBuilder({
	family: 'flux1',
	legacy: true,
	fields: {
		prompt: optional,
		...SEED,
		...FLUX1_SAFETY,
		...OUTPUT,
		...USER,
		promptUpsampling: { default: false },
	},
	primary: ['prompt'],
	size: { kind: 'none' },
	upsampling: 'prompt_upsampling',
	defaultOutputFormat: 'jpeg',
	concurrencyCap: DEFAULT_CONCURRENCY_CAP,
});

/** The FLUX tools (erase, deblur, outpainting, try-on): safety 0–5, no prompt upsampling switch. */
export const tool = rowBuilder({
	family: 'tools',
	legacy: false,
	fields: { ...SEED, ...FLUX2_SAFETY, ...OUTPUT, ...USER },
	primary: [],
	size: { kind: 'none' },
	upsampling: 'none',
	defaultOutputFormat: 'png',
	concurrencyCap: DEFAULT_CONCURRENCY_CAP,
});

/** Ultra and Kontext take any W:H from 21:9 to 9:21; the list offers the common ones. */
export const WIDE_RATIOS = {
	kind: 'aspectRatio',
	widest: '21:9',
	tallest: '9:21',
	ratios: [
		'21:9',
		'2:1',
		'16:9',
		'3:2',
		'4:3',
		'5:4',
		'1:1',
		'4:5',
		'3:4',
		'2:3',
		'9:16',
		'1:2',
		'9:21',
	],
} as const;
export const FLUX1_PIXELS = { kind: 'pixels', multiple: 32 } as const;
export { optional, required };
