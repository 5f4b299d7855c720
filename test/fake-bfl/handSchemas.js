// @ts-check
'use strict';

/**
 * JSON Schemas for endpoints missing from BFL's OpenAPI copy of October 2026: the FLUX.2 [klein] LoRA
 * endpoints (BFL documents them as the base schema plus two fields), the retired training endpoint,
 * and FLUX 3.1 Image and FLUX 3 Image Klein, written from the secondary sources of API-NOTES §3.17
 * and §3.18 (closed, like FLUX 3 Image's, so an extra field is a 422). These two stand alone, with
 * no $ref into the document, so the unit tests can compile them too.
 */

const SPEC_ID = 'https://fake-bfl.invalid/openapi.json';
/** @param {string} name */
const ref = (name) => ({ $ref: `${SPEC_ID}#/components/schemas/${name}` });
const nullable = (/** @type {object} */ schema) => ({ anyOf: [schema, { type: 'null' }] });

const common = {
	webhook_url: nullable({ type: 'string', minLength: 1, maxLength: 2083, format: 'uri' }),
	webhook_secret: nullable({ type: 'string' }),
};

/** FLUX 3 Image's ratios, as the October document lists them. */
const FLUX3_RATIOS = /** @type {string[]} */ (
	require('./openapi-2026-10.json').components.schemas.Flux3ImageInputs.properties.aspect_ratio
		.anyOf[0].enum
);
/** One image or a list of 1–10: base64 or an http(s) URL (checked further in media.js). */
const images = nullable({
	anyOf: [
		{ type: 'string' },
		{ type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 10 },
	],
});
const pixels = nullable({ type: 'integer', minimum: 64, maximum: 8192 });
const fraction = { type: 'number', minimum: 0, maximum: 1 };
const box = nullable({ type: 'array', items: fraction, minItems: 4, maxItems: 4 });

/** A closed FLUX 3 body: the prompt, reference images, exact pixels, 0–7 safety, and `own` fields. */
const flux3Body = (/** @type {Record<string, object>} */ own) => ({
	type: 'object',
	additionalProperties: false,
	required: ['prompt'],
	properties: {
		prompt: { type: 'string', minLength: 1 },
		images,
		width: pixels,
		height: pixels,
		safety_tolerance: { type: 'integer', minimum: 0, maximum: 7, default: 2 },
		...own,
	},
});

const FLUX3_NEW_SCHEMAS = {
	Flux31ImageInputs: flux3Body({
		mask: nullable({ type: 'string' }),
		aspect_ratio: { enum: ['auto', 'match_first_image', ...FLUX3_RATIOS], default: 'auto' },
		resolution: { enum: ['1k', '2k', '4k'], default: '1k' },
		mode: { enum: ['quality', 'fast'], default: 'quality' },
		grounding: { enum: ['off', 'auto', 'force'], default: 'off' },
		bounding_boxes: nullable({
			type: 'array',
			maxItems: 32,
			items: {
				type: 'object',
				additionalProperties: false,
				properties: {
					name: { type: 'string' },
					from: { type: 'string', pattern: '^(ref_image_\\d+|target)$' },
					bbox: box,
					src_bbox: box,
					tgt_bbox: box,
					desc: { type: 'string' },
				},
			},
		}),
	}),
	Flux3KleinInputs: flux3Body({
		resolution: { enum: ['768sq', '1k', '1.5k', '2k', '4k'], default: '1k' },
		seed: nullable({ type: 'integer' }),
		steps: nullable({ type: 'integer', minimum: 1, maximum: 50 }),
		output_format: { enum: ['jpeg', 'png', 'webp'], default: 'jpeg' },
	}),
};

const HAND_SCHEMAS = {
	...FLUX3_NEW_SCHEMAS,
	KleinFinetunedInputs: {
		allOf: [ref('Flux2KleinInputs')],
		required: ['finetune_id'],
		properties: {
			finetune_id: { type: 'string', minLength: 1 },
			finetune_strength: { type: 'number', minimum: 0, maximum: 2 },
		},
	},
	FinetuneInputs: {
		type: 'object',
		required: ['file_data', 'finetune_comment', 'mode'],
		properties: {
			file_data: { type: 'string', minLength: 1 },
			finetune_comment: { type: 'string' },
			trigger_word: { type: 'string' },
			mode: { enum: ['general', 'character', 'style', 'product'] },
			iterations: { type: 'integer', minimum: 100, maximum: 1000 },
			learning_rate: nullable({ type: 'number', minimum: 0.000001, maximum: 0.005 }),
			captioning: { type: 'boolean' },
			priority: { enum: ['speed', 'quality', 'high_res_only'] },
			finetune_type: { enum: ['full', 'lora'] },
			lora_rank: { enum: [16, 32] },
			webhook_url: common.webhook_url,
			webhook_secret: common.webhook_secret,
		},
	},
};

module.exports = { SPEC_ID, ref, HAND_SCHEMAS, FLUX3_NEW_SCHEMAS };
