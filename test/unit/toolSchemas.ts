/**
 * The FLUX tools are not in BFL's OpenAPI copy of 2026-04. These schemas transcribe the tables of
 * shared/bfl/API-NOTES.md §3.13 (BFL's own pages, September 2026), closed to unknown fields so a
 * field the catalog invents fails the conformance test.
 */
const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });
const image = { type: 'string', minLength: 1 };
const safety = { type: 'integer', minimum: 0, maximum: 5 };
const format = nullable({ enum: ['jpeg', 'png', 'webp'] });
const user = nullable({ type: 'string', minLength: 1, maxLength: 256 });
const webhook = {
	webhook_url: nullable({ type: 'string', format: 'uri', minLength: 1, maxLength: 2083 }),
	webhook_secret: nullable({ type: 'string' }),
};
const seed = nullable({ type: 'integer' });

const closed = (required: string[], properties: Record<string, object>) => ({
	type: 'object',
	additionalProperties: false,
	required,
	properties,
});

export const TOOL_SCHEMAS: Record<string, object> = {
	'/v1/flux-tools/outpainting-v1': closed(['input_image', 'width', 'height'], {
		user,
		input_image: image,
		width: { type: 'integer', minimum: 64 },
		height: { type: 'integer', minimum: 64 },
		auto_crop: { type: 'boolean' },
		safety_tolerance: safety,
		output_format: format,
		prompt: nullable({ type: 'string' }),
		reference_offset_x: nullable({ type: 'integer' }),
		reference_offset_y: nullable({ type: 'integer' }),
		mode: { enum: ['high', 'fast'] },
		disable_pup: { type: 'boolean' },
	}),
	'/v1/flux-tools/erase-v1': closed(['image', 'mask'], {
		user,
		image,
		mask: image,
		dilate_pixels: { type: 'integer', minimum: 0, maximum: 25 },
		seed,
		safety_tolerance: safety,
		output_format: format,
		...webhook,
	}),
	'/v1/flux-tools/deblur-v1': closed(['image'], {
		user,
		image,
		seed,
		safety_tolerance: safety,
		output_format: format,
		...webhook,
	}),
	'/v1/flux-tools/vto-v2': closed(['prompt', 'person', 'garment'], {
		user,
		prompt: { type: 'string', minLength: 1 },
		person: image,
		garment: image,
		seed,
		safety_tolerance: safety,
		output_format: format,
		...webhook,
	}),
};
