// @ts-check
'use strict';

const { openExchange, readBody, sendJson, sendText, azureErrorXml } = require('./exchange');
const { takeFault, applyFault } = require('./faults');
const { handleSubmit } = require('./submit');
const { pollBody } = require('./tasks');
const { deliver, DELIVERY_PATH } = require('./delivery');
const finetunes = require('./finetunes');

/**
 * @typedef {import('./state').State} State
 * @typedef {import('./exchange').Exchange} Exchange
 * @typedef {{ target: 'submit' | 'poll' | 'delivery' | 'credits' | 'finetune' | 'other', model?: string, status?: number }} Endpoint
 */

const FINETUNE_ROUTES = {
	'POST /v1/finetune': 'create',
	'GET /v1/my_finetunes': 'list',
	'GET /v1/finetune_details': 'details',
	'POST /v1/delete_finetune': 'delete',
};

/**
 * @param {State} state
 * @param {import('./state').ServerName} server
 * @param {string} method
 * @param {string} path
 * @returns {Endpoint}
 */
function classify(state, server, method, path) {
	if (server === 'delivery')
		return DELIVERY_PATH.test(path) ? { target: 'delivery' } : { target: 'other', status: 404 };
	if (path === '/v1/get_result')
		return method === 'GET' ? { target: 'poll' } : { target: 'other', status: 405 };
	if (server !== 'api') return { target: 'other', status: 404 };
	if (path === '/v1/credits')
		return method === 'GET' ? { target: 'credits' } : { target: 'other', status: 405 };
	if (`${method} ${path}` in FINETUNE_ROUTES) return { target: 'finetune' };
	const model = path.slice('/v1/'.length);
	if (path.startsWith('/v1/') && Object.hasOwn(state.endpoints, model)) {
		return method === 'POST' ? { target: 'submit', model } : { target: 'other', status: 405 };
	}
	return { target: 'other', status: 404 };
}

/**
 * What a fault's `match` and the stats need to know about this request.
 * @param {State} state
 * @param {Exchange} ex
 * @param {Endpoint} endpoint
 * @param {string} text
 * @returns {import('./faults').RequestFacts}
 */
function factsFor(state, ex, endpoint, text) {
	if (endpoint.target === 'submit') {
		let prompt = '';
		try {
			const body = JSON.parse(text);
			if (body && typeof body.prompt === 'string') prompt = body.prompt;
		} catch {
			// invalid JSON is answered with a 422 later
		}
		return { model: endpoint.model, prompt };
	}
	const taskId =
		endpoint.target === 'poll'
			? ex.url.searchParams.get('id') || undefined
			: endpoint.target === 'delivery'
				? (DELIVERY_PATH.exec(ex.url.pathname) || [])[1]
				: undefined;
	const task = taskId ? state.tasks.get(taskId) : undefined;
	return { taskId, model: task && task.model, prompt: task && task.prompt };
}

/**
 * @param {State} state
 * @param {Endpoint} endpoint
 * @param {import('./faults').RequestFacts} facts
 */
function countArrival(state, endpoint, facts) {
	const { stats } = state;
	if (endpoint.target === 'submit') {
		stats.submits++;
		const prompt = facts.prompt || '';
		stats.submitsByPrompt[prompt] = (stats.submitsByPrompt[prompt] || 0) + 1;
	} else if (endpoint.target === 'poll') {
		stats.polls++;
		if (facts.taskId) stats.pollsByTask[facts.taskId] = (stats.pollsByTask[facts.taskId] || 0) + 1;
	} else if (endpoint.target === 'delivery') {
		stats.downloads++;
	}
}

/**
 * @param {State} state
 * @param {import('./state').ServerName} server
 * @param {import('http').IncomingMessage} req
 * @param {import('http').ServerResponse} res
 */
async function handleRequest(state, server, req, res) {
	const ex = openExchange(state, server, req, res);
	try {
		await route(state, ex);
	} catch (err) {
		if (!res.headersSent && !res.destroyed) sendJson(ex, 500, { detail: 'Internal Server Error' });
	}
}

/**
 * @param {State} state
 * @param {Exchange} ex
 */
async function route(state, ex) {
	const method = ex.req.method || 'GET';
	let text = '';
	if (method !== 'GET' && method !== 'HEAD') {
		const body = await readBody(ex);
		if (body === null) return;
		text = body;
	}
	const endpoint = classify(state, ex.server, method, ex.url.pathname);
	const facts = factsFor(state, ex, endpoint, text);
	countArrival(state, endpoint, facts);
	const fault = takeFault(state.faults, endpoint.target, facts);
	if (fault && !(await applyFault(state, ex, fault))) return;

	if (endpoint.target === 'other') {
		if (ex.server === 'delivery') {
			return sendText(
				ex,
				404,
				azureErrorXml('ResourceNotFound', 'The specified resource does not exist.'),
				'application/xml',
			);
		}
		return sendJson(ex, endpoint.status || 404, {
			detail: endpoint.status === 405 ? 'Method Not Allowed' : 'Not Found',
		});
	}
	if (endpoint.target === 'delivery') return deliver(state, ex);
	// The untrusted host answers without a key on purpose: what matters is whether the client sent one.
	if (ex.server !== 'untrusted' && ex.req.headers['x-key'] !== state.options.apiKey) {
		return sendJson(ex, 401, { detail: 'Invalid or missing API key' });
	}
	switch (endpoint.target) {
		case 'submit':
			return handleSubmit(
				state,
				ex,
				/** @type {string} */ (endpoint.model),
				state.endpoints[/** @type {string} */ (endpoint.model)],
				text,
			);
		case 'poll':
			return poll(state, ex);
		case 'credits':
			return sendJson(ex, 200, { credits: state.options.credits });
		case 'finetune':
			return finetuneRoute(state, ex, text);
	}
}

/**
 * @param {State} state
 * @param {Exchange} ex
 * @param {string} text
 */
function finetuneRoute(state, ex, text) {
	const action = /** @type {Record<string, string>} */ (FINETUNE_ROUTES)[
		`${ex.req.method} ${ex.url.pathname}`
	];
	if (action === 'create') return finetunes.createFinetune(state, ex, text);
	if (action === 'list') return finetunes.listFinetunes(state, ex);
	if (action === 'details') return finetunes.finetuneDetails(state, ex);
	return finetunes.deleteFinetune(state, ex, text);
}

/**
 * GET /v1/get_result?id=
 * @param {State} state
 * @param {Exchange} ex
 */
function poll(state, ex) {
	const id = ex.url.searchParams.get('id');
	if (!id) {
		state.stats.status422++;
		return sendJson(ex, 422, {
			detail: [{ loc: ['query', 'id'], msg: 'Field required', type: 'missing' }],
		});
	}
	const task = state.tasks.get(id);
	if (task) {
		task.pollCount++;
		if (task.pollCount <= state.options.notFoundPolls)
			return sendJson(ex, 200, { id, status: 'Task not found' });
		return sendJson(ex, 200, pollBody(task));
	}
	const finetune = state.finetunes.get(id);
	if (finetune) return sendJson(ex, 200, finetunes.finetunePollBody(state, finetune));
	sendJson(ex, 200, { id, status: 'Task not found' });
}

module.exports = { handleRequest };
