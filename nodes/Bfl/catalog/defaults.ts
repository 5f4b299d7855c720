import type { FieldName } from './fields';
import type { ModelSpec } from './types';

/**
 * What BFL does for a field the node does not send, in the node's terms: the row's own default,
 * the model's output format, or upsampling on where BFL only offers an opt-out (disable_pup).
 * Undefined where BFL's schema has no default (a random seed, a centred offset).
 */
export function bflDefault(
	spec: ModelSpec,
	name: FieldName,
): string | number | boolean | undefined {
	const rule = spec.fields[name];
	if (!rule) return undefined;
	if (rule.default !== undefined) return rule.default;
	if (name === 'outputFormat') return spec.defaultOutputFormat;
	if (name === 'promptUpsampling' && spec.upsampling === 'disable_pup') return true;
	return undefined;
}
