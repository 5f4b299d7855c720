import { FIELDS, type FieldName } from '../../catalog/fields';
import type { ModelSpec } from '../../catalog/types';
import { isUnset, type RequestInput } from './validate';

export type RequestBody = Record<string, string | number | boolean | string[] | object[]>;

/**
 * Builds BFL's snake_case body for a validated request. Only fields the endpoint accepts are
 * included, and unset values are omitted so BFL's own defaults apply. `images` maps BFL image
 * fields (input_image, mask, ...) to base64 or URLs; `structured` adds fields that are not user
 * values, such as FLUX 3.1's layout boxes (core/request/layout).
 */
export function buildBody(
	spec: ModelSpec,
	input: RequestInput,
	images: Record<string, string | string[]> = {},
	structured: Record<string, object[]> = {},
): RequestBody {
	const body: RequestBody = {};
	for (const name of Object.keys(spec.fields) as FieldName[]) {
		const value = input[name];
		if (value === undefined || isUnset(name, value)) continue;
		if (name === 'promptUpsampling') {
			// FLUX.2 pro/max upsample by default and only offer an opt-out; the others offer an opt-in.
			if (spec.upsampling === 'disable_pup') body.disable_pup = !value;
			if (spec.upsampling === 'prompt_upsampling') body.prompt_upsampling = Boolean(value);
			continue;
		}
		body[FIELDS[name].body] = name === 'aspectRatio' ? String(value).replace(/\s+/g, '') : value;
	}
	return { ...body, ...images, ...structured };
}
