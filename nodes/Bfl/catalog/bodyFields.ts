import { FIELDS, type FieldName } from './fields';
import type { ModelSpec } from './types';

/**
 * Every field name a row may put in BFL's body, as BFL spells it: its fields (upsampling under the
 * name the model takes), its image fields, mask and layout field, and the webhook fields where its
 * schema has them. The catalog check compares these with an OpenAPI document.
 */
export function bodyFieldsOf(spec: ModelSpec): string[] {
	const names = (Object.keys(spec.fields) as FieldName[]).flatMap((name): string[] => {
		if (name !== 'promptUpsampling') return [FIELDS[name].body];
		return spec.upsampling === 'none' ? [] : [spec.upsampling];
	});
	const images = spec.images;
	if (images) names.push(...(images.listField ? [images.listField] : images.slots));
	if (images?.mask) names.push(images.mask.field);
	if (spec.layout?.kind === 'field') names.push(spec.layout.field);
	if (spec.webhooks !== false) names.push('webhook_url', 'webhook_secret');
	return [...new Set(names)];
}
