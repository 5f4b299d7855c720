import type { ModelSpec, NumberRange } from '../catalog/types';

/** The user's request for one item, in the node's camelCase terms. Unset fields are undefined. */
export interface GenerateInput {
	prompt?: string;
	width?: number;
	height?: number;
	aspectRatio?: string;
	seed?: number;
	safetyTolerance?: number;
	outputFormat?: string;
	promptUpsampling?: boolean;
	steps?: number;
	guidance?: number;
	raw?: boolean;
}

export interface Problem {
	/** The field as the user sees it in the node. */
	field: string;
	message: string;
}

const MEGAPIXEL = 1024 * 1024;
const MAX_SEED = 4_294_967_295;
export const OUTPUT_FORMATS = ['jpeg', 'png', 'webp'] as const;

function checkRange(field: string, value: number | undefined, range: NumberRange, integer: boolean): Problem[] {
	if (value === undefined) return [];
	const kind = integer ? 'a whole number' : 'a number';
	if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < range.min || value > range.max) {
		return [{ field, message: `${field} must be ${kind} from ${range.min} to ${range.max} (got ${value})` }];
	}
	return [];
}

/** Parses "W:H" into a ratio; undefined when malformed. */
export function parseAspectRatio(text: string): number | undefined {
	const match = /^\s*(\d+(?:\.\d+)?)\s*:\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
	if (!match) return undefined;
	const [width, height] = [Number(match[1]), Number(match[2])];
	return width > 0 && height > 0 ? width / height : undefined;
}

function checkSize(spec: ModelSpec, input: GenerateInput): Problem[] {
	const rule = spec.size;
	if (rule.kind === 'aspectRatio') {
		if (input.aspectRatio === undefined) return [];
		const ratio = parseAspectRatio(input.aspectRatio);
		const widest = parseAspectRatio(rule.widest) as number;
		const tallest = parseAspectRatio(rule.tallest) as number;
		if (ratio === undefined || ratio > widest + 1e-9 || ratio < tallest - 1e-9) {
			return [
				{
					field: 'Aspect Ratio',
					message: `Aspect Ratio must look like 16:9 and lie between ${rule.widest} and ${rule.tallest} for ${spec.displayName} (got "${input.aspectRatio}")`,
				},
			];
		}
		return [];
	}
	const problems: Problem[] = [];
	const max = rule.max ?? Number.MAX_SAFE_INTEGER;
	const allowed = rule.max ? `${rule.min}–${rule.max}` : `at least ${rule.min}`;
	for (const [field, value] of [
		['Width', input.width],
		['Height', input.height],
	] as const) {
		if (value === undefined) continue;
		if (!Number.isInteger(value) || value < rule.min || value > max || value % rule.multiple !== 0) {
			problems.push({
				field,
				message: `${field} must be a multiple of ${rule.multiple}, ${allowed} pixels, for ${spec.displayName} (got ${value})`,
			});
		}
	}
	if (!problems.length && rule.maxMegapixels && input.width && input.height) {
		if (input.width * input.height > rule.maxMegapixels * MEGAPIXEL) {
			problems.push({
				field: 'Width',
				message: `Width × Height must be at most ${rule.maxMegapixels} megapixels (${rule.maxMegapixels * MEGAPIXEL} pixels) for ${spec.displayName} (got ${input.width}×${input.height})`,
			});
		}
	}
	return problems;
}

/**
 * Checks one request against the model's catalog row before anything is sent, so a typo never
 * costs credits. Options the model does not take are ignored here and never sent.
 */
export function validateGenerate(spec: ModelSpec, input: GenerateInput): Problem[] {
	const problems: Problem[] = [];
	if (spec.promptRequired && !input.prompt?.trim()) {
		problems.push({ field: 'Prompt', message: `Prompt is required for ${spec.displayName} and must not be empty` });
	}
	problems.push(...checkSize(spec, input));
	const has = (option: ModelSpec['options'][number]) => spec.options.includes(option);
	if (has('seed')) problems.push(...checkRange('Seed', input.seed, { min: 0, max: MAX_SEED }, true));
	if (has('safetyTolerance')) {
		problems.push(...checkRange('Safety Tolerance', input.safetyTolerance, spec.safetyTolerance, true));
	}
	if (has('steps') && spec.steps) problems.push(...checkRange('Steps', input.steps, spec.steps, true));
	if (has('guidance') && spec.guidance) problems.push(...checkRange('Guidance', input.guidance, spec.guidance, false));
	if (has('outputFormat') && input.outputFormat !== undefined) {
		if (!(OUTPUT_FORMATS as readonly string[]).includes(input.outputFormat)) {
			problems.push({
				field: 'Output Format',
				message: `Output Format must be one of ${OUTPUT_FORMATS.join(', ')} (got "${input.outputFormat}")`,
			});
		}
	}
	return problems;
}
