// @ts-check
'use strict';

/** JSON Schemas for endpoints missing from the April-2026 OpenAPI copy, from API-NOTES §3.13, §6.2 and §6.4. */

const SPEC_ID = 'https://fake-bfl.invalid/openapi.json';
/** @param {string} name */
const ref = (name) => ({ $ref: `${SPEC_ID}#/components/schemas/${name}` });
const nullable = (/** @type {object} */ schema) => ({ anyOf: [schema, { type: 'null' }] });

const common = {
	user: nullable({ type: 'string', minLength: 1, maxLength: 256 }),
	seed: nullable({ type: 'integer' }),
	safety_tolerance: { type: 'integer', minimum: 0, maximum: 5 },
	output_format: nullable(ref('OutputFormat')),
	webhook_url: nullable({ type: 'string', minLength: 1, maxLength: 2083, format: 'uri' }),
	webhook_secret: nullable({ type: 'string' }),
};

const HAND_SCHEMAS = {
	FluxOutpaintingInputs: {
		type: 'object',
		additionalProperties: false,
		required: ['input_image', 'width', 'height'],
		properties: {
			user: common.user,
			input_image: { type: 'string' },
			width: { type: 'integer', minimum: 64 },
			height: { type: 'integer', minimum: 64 },
			auto_crop: { type: 'boolean' },
			safety_tolerance: common.safety_tolerance,
			output_format: common.output_format,
			prompt: nullable({ type: 'string' }),
			reference_offset_x: nullable({ type: 'integer' }),
			reference_offset_y: nullable({ type: 'integer' }),
			mode: { enum: ['high', 'fast'] },
			disable_pup: { type: 'boolean' },
		},
	},
	Flux2EraseInputs: {
		type: 'object',
		required: ['image', 'mask'],
		properties: {
			...common,
			image: { type: 'string' },
			mask: { type: 'string' },
			dilate_pixels: { type: 'integer', minimum: 0, maximum: 25 },
		},
	},
	Flux2DeblurInputs: {
		type: 'object',
		required: ['image'],
		properties: { ...common, image: { type: 'string' } },
	},
	Flux2KleinTryonInputs: {
		type: 'object',
		required: ['prompt', 'person', 'garment'],
		properties: {
			...common,
			prompt: { type: 'string' },
			person: { type: 'string' },
			garment: { type: 'string' },
		},
	},
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

module.exports = { SPEC_ID, ref, HAND_SCHEMAS };
