// @ts-check
'use strict';

/**
 * JSON Schemas for endpoints missing from BFL's OpenAPI copy of October 2026: the FLUX.2 [klein] LoRA
 * endpoints (BFL documents them as the base schema plus two fields) and the retired training endpoint.
 */

const SPEC_ID = 'https://fake-bfl.invalid/openapi.json';
/** @param {string} name */
const ref = (name) => ({ $ref: `${SPEC_ID}#/components/schemas/${name}` });
const nullable = (/** @type {object} */ schema) => ({ anyOf: [schema, { type: 'null' }] });

const common = {
	webhook_url: nullable({ type: 'string', minLength: 1, maxLength: 2083, format: 'uri' }),
	webhook_secret: nullable({ type: 'string' }),
};

const HAND_SCHEMAS = {
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
