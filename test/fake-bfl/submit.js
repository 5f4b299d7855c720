// @ts-check
'use strict';

const { sendJson } = require('./exchange');
const { validateSubmit, parseJsonBody } = require('./validation');
const { finetuneExists } = require('./finetunes');
const { createTask, inFlightCount } = require('./tasks');

/**
 * @param {import('./state').State} state
 * @param {import('./exchange').Exchange} ex
 * @param {string} detail
 */
function paymentRequired(state, ex, detail) {
	state.stats.status402++;
	sendJson(ex, 402, { detail });
}

/**
 * @param {import('./state').State} state
 * @param {string} model
 * @param {boolean} video video tasks also share the account's video cap
 * @returns {{ limit: number, what: string } | null} the exceeded limit, if any
 */
function exceededCap(state, model, video) {
	const { capOverrides, concurrencyCap, videoCap } = state.options;
	if (video && inFlightCount(state, (task) => task.video) >= videoCap)
		return { limit: videoCap, what: 'active video generations' };
	const modelCap = capOverrides[model];
	if (modelCap !== undefined && inFlightCount(state, model) >= modelCap)
		return { limit: modelCap, what: 'active tasks' };
	if (inFlightCount(state) >= concurrencyCap)
		return { limit: concurrencyCap, what: 'active tasks' };
	return null;
}

/**
 * POST /v1/<model>
 * @param {import('./state').State} state
 * @param {import('./exchange').Exchange} ex
 * @param {string} model
 * @param {import('./endpoints').Endpoint} info
 * @param {string} text raw request body
 */
function handleSubmit(state, ex, model, info, text) {
	const parsed = parseJsonBody(text);
	const errors = parsed.ok
		? validateSubmit(model, info, parsed.value, state.options.openapi)
		: parsed.errors;
	if (errors.length || !parsed.ok) {
		state.stats.status422++;
		return sendJson(ex, 422, { detail: errors });
	}
	const body = /** @type {Record<string, any>} */ (parsed.value);
	if (info.finetuned && !finetuneExists(state, body.finetune_id)) {
		return sendJson(ex, 404, { detail: 'Finetune not found' });
	}
	const prompt = typeof body.prompt === 'string' ? body.prompt : '';
	if (prompt.includes('[402]')) {
		return paymentRequired(
			state,
			ex,
			'Insufficient credits. Add credits to your account at https://dashboard.bfl.ai',
		);
	}
	const video = info.family === 'video';
	const cap = exceededCap(state, model, video);
	if (cap !== null) {
		state.stats.status429++;
		const { retryAfterSeconds } = state.options;
		/** @type {Record<string, string>} */
		const headers =
			typeof retryAfterSeconds === 'number' ? { 'retry-after': String(retryAfterSeconds) } : {};
		const detail = `Too many ${cap.what}: the limit is ${cap.limit} ${cap.what}. Wait until one of your previous tasks has finished.`;
		return sendJson(ex, 429, { detail }, headers);
	}
	const price = info.price(body);
	if (state.options.credits < price.cost) {
		return paymentRequired(
			state,
			ex,
			`Insufficient credits: this request costs ${price.cost} credits but the balance is ${state.options.credits}.`,
		);
	}
	state.options.credits = Math.round((state.options.credits - price.cost) * 100) / 100;
	const costOnResult = info.family === 'flux1' || info.family === 'flux3' || video;
	const task = createTask(state, {
		model,
		body,
		defaultFormat: info.defaultFormat,
		price,
		costOnResult,
		video,
	});
	state.stats.accepted++;
	const billing = costOnResult
		? { cost: null, input_mp: null, output_mp: null }
		: { cost: price.cost, input_mp: price.inputMp, output_mp: price.outputMp };
	if (task.webhookUrl) {
		return sendJson(ex, 200, {
			id: task.id,
			status: 'Pending',
			webhook_url: task.webhookUrl,
			...billing,
		});
	}
	sendJson(ex, 200, { id: task.id, polling_url: task.pollingUrl, ...billing });
}

module.exports = { handleSubmit };
