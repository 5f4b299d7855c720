// @ts-check
'use strict';

/** The shipped examples/*.json, checked before anything is imported. */

const fs = require('node:fs');
const { EXAMPLES_DIR, loadExample } = require('./load');

const OUR_TYPES = ['n8n-nodes-bfl.bfl', 'n8n-nodes-bfl.bflTool', 'n8n-nodes-bfl.bflTrigger'];

/**
 * Every examples/*.json as shipped to users: importable ids (a digit, at most 21 characters, unique), our nodes
 * as `n8n-nodes-bfl.bfl` / `n8n-nodes-bfl.bflTrigger` v1 with a placeholder bflApi credential reference (and a
 * webhookId on the trigger), connections that name real nodes and reach every node but the triggers, and
 * every file in `expected` present.
 * @param {string[]} expected
 * @returns {string[]} problems
 */
function lintExamples(expected) {
	const problems = [];
	const ids = new Set();
	const files = fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json'));
	for (const file of files) {
		let wf;
		try {
			wf = loadExample(file);
		} catch (err) {
			problems.push(`${file}: not JSON (${/** @type {Error} */ (err).message})`);
			continue;
		}
		const id = String(wf.id || '');
		if (!/\d/.test(id) || id.length > 21)
			problems.push(`${file}: id "${id}" needs a digit and at most 21 characters`);
		if (ids.has(id)) problems.push(`${file}: id "${id}" used twice`);
		ids.add(id);
		const names = new Set((wf.nodes || []).map((/** @type {any} */ n) => n.name));
		for (const node of wf.nodes || []) {
			if (/bfl/i.test(node.type) && !OUR_TYPES.includes(node.type))
				problems.push(`${file}: node type ${node.type}`);
			if (!OUR_TYPES.includes(node.type)) continue;
			if (node.type === 'n8n-nodes-bfl.bflTrigger' && !/^[0-9a-f-]{36}$/.test(node.webhookId || ''))
				problems.push(`${file}: ${node.name} needs a webhookId (a UUID)`);
			if (node.typeVersion !== 1)
				problems.push(`${file}: ${node.name} typeVersion ${node.typeVersion}`);
			const ref = node.credentials && node.credentials.bflApi;
			if (!ref || !ref.id || !ref.name)
				problems.push(`${file}: ${node.name} lacks a bflApi credential reference`);
		}
		const reached = new Set();
		for (const [from, outputs] of Object.entries(wf.connections || {})) {
			if (!names.has(from)) problems.push(`${file}: connection from unknown node ${from}`);
			for (const [kind, lists] of Object.entries(/** @type {Record<string, any[]>} */ (outputs))) {
				for (const c of (lists || []).flat()) {
					if (!c) continue;
					// main: the target runs; ai_tool, ai_languageModel, …: the sub-node runs for its parent.
					reached.add(kind === 'main' ? c.node : from);
					if (!names.has(c.node)) problems.push(`${file}: connection to unknown node ${c.node}`);
				}
			}
		}
		// Every node but a trigger (or a sticky note) runs only when a connection leads to it, or,
		// for an AI Agent's model and tools, when it is attached to its parent.
		for (const node of wf.nodes || [])
			if (!/trigger|webhook|stickyNote/i.test(node.type) && !reached.has(node.name))
				problems.push(`${file}: no connection leads to ${node.name}`);
	}
	for (const f of expected) if (!files.includes(f)) problems.push(`${f} missing`);
	return problems;
}

module.exports = { lintExamples };
