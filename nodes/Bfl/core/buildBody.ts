import type { ModelSpec } from '../catalog/types';
import type { GenerateInput } from './validate';

export type RequestBody = Record<string, string | number | boolean>;

/**
 * Builds BFL's snake_case body for a validated request. Only fields the endpoint accepts are
 * included, and unset values are omitted so BFL's own defaults apply.
 */
export function buildGenerateBody(spec: ModelSpec, input: GenerateInput): RequestBody {
	const body: RequestBody = {};
	const set = (key: string, value: string | number | boolean | undefined) => {
		if (value !== undefined && value !== '') body[key] = value;
	};
	const has = (option: ModelSpec['options'][number]) => spec.options.includes(option);

	set('prompt', input.prompt);
	if (spec.size.kind === 'pixels') {
		set('width', input.width);
		set('height', input.height);
	} else {
		set('aspect_ratio', input.aspectRatio?.replace(/\s+/g, ''));
	}
	if (has('seed')) set('seed', input.seed);
	if (has('safetyTolerance')) set('safety_tolerance', input.safetyTolerance);
	if (has('outputFormat')) set('output_format', input.outputFormat);
	if (has('steps')) set('steps', input.steps);
	if (has('guidance')) set('guidance', input.guidance);
	if (has('raw')) set('raw', input.raw);
	if (has('promptUpsampling') && input.promptUpsampling !== undefined) {
		// FLUX.2 pro/max upsample by default and only offer an opt-out; the others offer an opt-in.
		if (spec.upsampling === 'disable_pup') body.disable_pup = !input.promptUpsampling;
		if (spec.upsampling === 'prompt_upsampling') body.prompt_upsampling = input.promptUpsampling;
	}
	return body;
}

/** The output format BFL will use for this body: the one asked for, else the model's default. */
export function expectedOutputFormat(spec: ModelSpec, body: RequestBody): string {
	return typeof body.output_format === 'string' ? body.output_format : spec.defaultOutputFormat;
}
