// @ts-check
'use strict';

const { sendJson, sendText, nginxErrorHtml } = require('./exchange');

/**
 * @typedef {'submit' | 'poll' | 'delivery' | 'credits' | 'finetune' | 'any'} FaultTarget
 * @typedef {'respond' | 'reset' | 'reset-before' | 'reset-after' | 'stall' | 'malformed-json' | 'html'} FaultAction
 *
 * @typedef {object} Fault
 * @property {FaultTarget} target
 * @property {number} [count] how many matching requests get it (default 1)
 * @property {FaultAction} [action] default 'respond'
 * @property {number} [status]
 * @property {string | object} [body]
 * @property {string} [contentType]
 * @property {Record<string, string>} [headers]
 * @property {number} [stallMs] for 'stall': answer after this long; omitted = never answer
 * @property {{ model?: string, promptIncludes?: string, taskId?: string }} [match]
 *
 * @typedef {{ model?: string, prompt?: string, taskId?: string }} RequestFacts what a fault's `match` is checked against
 * @typedef {{ id: string, fault: Fault, remaining: number }} ActiveFault
 * @typedef {{ active: ActiveFault[], nextId: number }} FaultStore
 */

const TARGETS = ['submit', 'poll', 'delivery', 'credits', 'finetune', 'any'];
const ACTIONS = [
	'respond',
	'reset',
	'reset-before',
	'reset-after',
	'stall',
	'malformed-json',
	'html',
];

/** @returns {FaultStore} */
function createFaultStore() {
	return { active: [], nextId: 1 };
}

/**
 * @param {FaultStore} store
 * @param {Fault} fault
 * @returns {string}
 */
function addFault(store, fault) {
	if (!fault || !TARGETS.includes(fault.target))
		throw new Error(`fault.target must be one of ${TARGETS.join(', ')}`);
	if (fault.action && !ACTIONS.includes(fault.action))
		throw new Error(`fault.action must be one of ${ACTIONS.join(', ')}`);
	const id = `fault-${store.nextId++}`;
	store.active.push({ id, fault: { ...fault }, remaining: fault.count ?? 1 });
	return id;
}

/**
 * @param {Fault['match']} match
 * @param {RequestFacts} facts
 */
function matches(match, facts) {
	if (!match) return true;
	if (match.model !== undefined && match.model !== facts.model) return false;
	if (match.taskId !== undefined && match.taskId !== facts.taskId) return false;
	if (match.promptIncludes !== undefined && !(facts.prompt || '').includes(match.promptIncludes))
		return false;
	return true;
}

/**
 * Consumes one use of the first fault that applies to this request.
 * @param {FaultStore} store
 * @param {Exclude<FaultTarget, 'any'> | 'other'} target
 * @param {RequestFacts} facts
 * @returns {Fault | null}
 */
function takeFault(store, target, facts) {
	const entry = store.active.find(
		(f) =>
			f.remaining > 0 &&
			(f.fault.target === 'any' || f.fault.target === target) &&
			matches(f.fault.match, facts),
	);
	if (!entry) return null;
	entry.remaining--;
	if (entry.remaining <= 0) store.active.splice(store.active.indexOf(entry), 1);
	return entry.fault;
}

/**
 * @param {import('./state').State} state
 * @param {number} ms
 */
function sleep(state, ms) {
	return new Promise((resolve) => {
		const timer = state.options.clock.setTimer(() => {
			state.timers.delete(timer);
			resolve(undefined);
		}, ms);
		state.timers.add(timer);
	});
}

/**
 * @param {import('./exchange').Exchange} ex
 * @param {Fault} fault
 */
function respond(ex, fault) {
	const status = fault.status ?? 500;
	const headers = fault.headers || {};
	if (fault.body === undefined) return sendJson(ex, status, { detail: 'Injected fault' }, headers);
	if (typeof fault.body !== 'string') return sendJson(ex, status, fault.body, headers);
	const looksJson = /^\s*[[{"]/.test(fault.body);
	sendText(
		ex,
		status,
		fault.body,
		fault.contentType || (looksJson ? 'application/json' : 'text/plain'),
		headers,
	);
}

/**
 * @param {import('./state').State} state
 * @param {import('./exchange').Exchange} ex
 * @param {Fault} fault
 * @returns {Promise<boolean>} true when the request should still be handled normally
 */
async function applyFault(state, ex, fault) {
	state.stats.faultsInjected++;
	switch (fault.action || 'respond') {
		case 'reset':
		case 'reset-before':
			ex.req.socket.destroy();
			return false;
		case 'reset-after':
			ex.resetAfter = true;
			return true;
		case 'stall':
			if (fault.stallMs === undefined) return false; // the socket stays open until the client gives up or close()
			await sleep(state, fault.stallMs);
			if (ex.res.destroyed) return false;
			if (fault.status === undefined && fault.body === undefined) return true;
			respond(ex, fault);
			return false;
		case 'malformed-json':
			sendText(ex, fault.status ?? 200, '{"id": "tr', 'application/json', fault.headers);
			return false;
		case 'html': {
			const status = fault.status ?? 502;
			const html = typeof fault.body === 'string' ? fault.body : nginxErrorHtml(status);
			sendText(ex, status, html, fault.contentType || 'text/html', {
				server: 'nginx',
				...fault.headers,
			});
			return false;
		}
		default:
			respond(ex, fault);
			return false;
	}
}

module.exports = { createFaultStore, addFault, takeFault, applyFault, sleep };
