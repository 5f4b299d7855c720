// @ts-check
'use strict';

const crypto = require('node:crypto');
const { sendJson } = require('./exchange');
const { schemaErrors, parseJsonBody } = require('./validation');

/**
 * @typedef {object} Finetune
 * @property {string} finetune_id
 * @property {Record<string, unknown>} details create parameters minus file_data
 * @property {Buffer} [zip] the uploaded training archive, for tests that check its entries
 * @property {number} createdAt
 * @property {number} readyAt training is "Pending" until then
 */

const MAX_ZIP_BYTES = 50 * 1024 * 1024;
const SHARED_LORA = /^[^/\s]+\/[^/\s]+$/; // "org-id/lora-name" names another org's LoRA; always accepted

/** @param {import('./state').State} state */
function seedFinetunes(state) {
	for (const seed of state.options.finetunes) {
		const { finetune_id: id, file_data: _ignored, ...details } = seed;
		state.finetunes.set(id, {
			finetune_id: id,
			details,
			createdAt: state.options.clock.now(),
			readyAt: 0,
		});
	}
}

/**
 * @param {import('./state').State} state
 * @param {string} id
 */
function finetuneExists(state, id) {
	return state.finetunes.has(id) || SHARED_LORA.test(id);
}

/** @param {string} base64 */
function decodedLength(base64) {
	const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
	return Math.floor((base64.length * 3) / 4) - padding;
}

/**
 * POST /v1/finetune
 * @param {import('./state').State} state
 * @param {import('./exchange').Exchange} ex
 * @param {string} text raw body
 */
function createFinetune(state, ex, text) {
	if (state.options.finetuneTraining === 'gone')
		return sendJson(ex, 410, { detail: 'Finetuning has been deprecated' });
	const parsed = parseJsonBody(text);
	const errors = parsed.ok ? schemaErrors('FinetuneInputs', parsed.value) : parsed.errors;
	if (errors.length || !parsed.ok) {
		state.stats.status422++;
		return sendJson(ex, 422, { detail: errors });
	}
	const { file_data: fileData, ...params } = /** @type {Record<string, any>} */ (parsed.value);
	if (decodedLength(fileData) > MAX_ZIP_BYTES) {
		return sendJson(ex, 413, { detail: 'File too large: the decoded ZIP must be at most 50 MB' });
	}
	const magic = Buffer.from(fileData.slice(0, 8), 'base64');
	if (magic.length < 4 || magic.readUInt32BE(0) !== 0x504b0304) {
		state.stats.status422++;
		return sendJson(ex, 422, {
			detail: [
				{
					loc: ['body', 'file_data'],
					msg: 'file_data must be a base64-encoded ZIP archive',
					type: 'value_error',
				},
			],
		});
	}
	const id = crypto.randomUUID();
	const now = state.options.clock.now();
	state.finetunes.set(id, {
		finetune_id: id,
		details: params,
		zip: Buffer.from(fileData, 'base64'),
		createdAt: now,
		readyAt: now + state.options.latencyMs,
	});
	sendJson(ex, 200, { id });
}

/**
 * GET /v1/my_finetunes
 * @param {import('./state').State} state
 * @param {import('./exchange').Exchange} ex
 */
function listFinetunes(state, ex) {
	sendJson(ex, 200, { finetunes: [...state.finetunes.keys()] });
}

/**
 * GET /v1/finetune_details?finetune_id=
 * @param {import('./state').State} state
 * @param {import('./exchange').Exchange} ex
 */
function finetuneDetails(state, ex) {
	const id = ex.url.searchParams.get('finetune_id');
	if (!id) {
		state.stats.status422++;
		return sendJson(ex, 422, {
			detail: [{ loc: ['query', 'finetune_id'], msg: 'Field required', type: 'missing' }],
		});
	}
	const finetune = state.finetunes.get(id);
	if (!finetune) return sendJson(ex, 404, { detail: 'Finetune not found' });
	sendJson(ex, 200, { finetune_details: { ...finetune.details, finetune_id: id } });
}

/**
 * POST /v1/delete_finetune
 * @param {import('./state').State} state
 * @param {import('./exchange').Exchange} ex
 * @param {string} text
 */
function deleteFinetune(state, ex, text) {
	const parsed = parseJsonBody(text);
	const errors = parsed.ok ? schemaErrors('DeleteFinetuneInputs', parsed.value) : parsed.errors;
	if (errors.length || !parsed.ok) {
		state.stats.status422++;
		return sendJson(ex, 422, { detail: errors });
	}
	const id = /** @type {{ finetune_id: string }} */ (parsed.value).finetune_id;
	if (!state.finetunes.delete(id)) return sendJson(ex, 404, { detail: 'Finetune not found' });
	sendJson(ex, 200, {
		status: 'ok',
		message: `Finetune ${id} deleted`,
		deleted_finetune_id: id,
		timestamp: new Date().toISOString(),
	});
}

/**
 * get_result for a training job.
 * @param {import('./state').State} state
 * @param {Finetune} finetune
 */
function finetunePollBody(state, finetune) {
	const now = state.options.clock.now();
	if (now >= finetune.readyAt) {
		return {
			id: finetune.finetune_id,
			status: 'Ready',
			result: {},
			progress: null,
			details: null,
			preview: null,
		};
	}
	const progress =
		Math.round(((now - finetune.createdAt) / (finetune.readyAt - finetune.createdAt)) * 100) / 100;
	return {
		id: finetune.finetune_id,
		status: 'Pending',
		result: null,
		progress,
		details: null,
		preview: null,
	};
}

module.exports = {
	seedFinetunes,
	finetuneExists,
	createFinetune,
	listFinetunes,
	finetuneDetails,
	deleteFinetune,
	finetunePollBody,
};
