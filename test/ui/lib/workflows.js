// @ts-check
'use strict';

/** Workflow files the suite imports through the editor's menu, as a user would (Import → From file). */

const fs = require('node:fs');
const path = require('node:path');
const { tid } = require('./dom');
const { CREDENTIAL_ID, CREDENTIAL_NAME } = require('../../e2e/lib/n8n');

/** Options that only matter while the node waits; set here so that the panel shows them as inputs. */
const WAITING_OPTIONS = ['download', 'pollInterval', 'timeout', 'binaryPropertyName'];

/** The Completion modes a panel is opened in, by node name. */
const COMPLETION_NODES = {
	Wait: 'Generate',
	'Return Immediately': 'Generate (Return Immediately)',
	Webhook: 'Generate (Webhook)',
};

/**
 * Manual trigger → "Generate" (Image → Generate, Completion Wait), plus two unconnected copies with Completion
 * Return Immediately and Webhook; all with the waiting options set.
 */
function panelsWorkflow() {
	const completion = { Wait: 'wait', 'Return Immediately': 'return', Webhook: 'webhook' };
	const nodes = Object.entries(COMPLETION_NODES).map(([mode, name], i) => ({
		id: `ui-generate-${i}`,
		name,
		type: 'n8n-nodes-bfl.bfl',
		typeVersion: 1,
		position: [260, i * 200],
		parameters: {
			resource: 'image',
			operation: 'generate',
			prompt: 'A red fox in a snowy forest',
			completion: completion[/** @type {keyof typeof completion} */ (mode)],
			...(mode === 'Webhook' ? { webhookUrl: 'https://hooks.example.com/bfl' } : {}),
			options: { download: true, pollInterval: 1, timeout: 120, binaryPropertyName: 'data' },
		},
		credentials: { bflApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
	}));
	return {
		name: 'UI suite: panels',
		nodes: [
			{
				id: 'ui-start',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			...nodes,
		],
		connections: { Start: { main: [[{ node: 'Generate', type: 'main', index: 0 }]] } },
		settings: {},
	};
}

/** @param {string} dir @param {string} name @param {object} workflow */
function writeWorkflow(dir, name, workflow) {
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(dir, name);
	fs.writeFileSync(file, JSON.stringify(workflow, null, 2));
	return file;
}

/**
 * Workflow menu → Import → From file, on the current (empty) workflow; waits for `nodes` nodes on the canvas.
 * @param {import('puppeteer-core').Page} page @param {string} file @param {number} nodes
 */
async function importFromMenu(page, file, nodes) {
	await page.click(tid('workflow-menu'));
	await page.waitForSelector(tid('workflow-menu-item-import'), { visible: true });
	await page.hover(tid('workflow-menu-item-import'));
	await page.waitForSelector(tid('workflow-menu-item-import-from-file'), { visible: true });
	const [chooser] = await Promise.all([
		page.waitForFileChooser(),
		page.click(tid('workflow-menu-item-import-from-file')),
	]);
	await chooser.accept([file]);
	await page.waitForFunction(
		(sel, n) => document.querySelectorAll(sel).length >= n,
		{},
		tid('canvas-node'),
		nodes,
	);
}

/**
 * "Execute workflow", then waits until `nodes` nodes show success, or one shows an error (3 minutes).
 * @param {import('puppeteer-core').Page} page @param {number} nodes
 * @returns {Promise<string>} 'success', 'error' or 'timeout'
 */
async function executeWorkflow(page, nodes) {
	await page.click(tid('execute-workflow-button'));
	return await page
		.waitForFunction(
			(s, n) =>
				document.querySelectorAll(s.ok).length >= n
					? 'success'
					: document.querySelector(s.error)
						? 'error'
						: false,
			{ timeout: 180000 },
			{ ok: tid('canvas-node-status-success'), error: tid('canvas-node-status-mark-error') },
			nodes,
		)
		.then((h) => /** @type {Promise<string>} */ (h.jsonValue()))
		.catch(() => 'timeout');
}

module.exports = {
	executeWorkflow,
	WAITING_OPTIONS,
	COMPLETION_NODES,
	panelsWorkflow,
	writeWorkflow,
	importFromMenu,
};
