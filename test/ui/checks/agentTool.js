// @ts-check
'use strict';

/**
 * The node as an AI agent's tool in the editor: an AI Agent with an OpenAI Chat Model (its credential's base
 * URL is the e2e suite's scripted fake model) and the Black Forest Labs tool with nothing set by hand. The
 * tool's panel renders with no console error and shows its tool-mode fields (docs/ai-agent.md's picture).
 * Then "Execute workflow", as a user runs it: the model calls the tool once, the simulator gets one submit,
 * every node ends green, and the Logs panel shows the tool's run, the model's prompt in and the answer out
 * (the README's picture).
 */

const { tid, openNode, closeNode, clickText } = require('../lib/dom');
const { newWorkflow } = require('./auth');
const { writeWorkflow, importFromMenu, executeWorkflow } = require('../lib/workflows');
const { startFakeModel } = require('../../e2e/lib/agent/fakeModel');
const { SCENARIOS, scenarioWorkflow } = require('../../e2e/lib/agent/workflows');

const TOOL = 'Black Forest Labs';
const SCENARIO = SCENARIOS[1];

/**
 * Creates the fake model's OpenAI credential through the editor's own REST API, as the signed-in user;
 * returns the HTTP status and the new credential's id and name.
 * @param {import('puppeteer-core').Page} page @param {string} baseUrl
 */
async function createModelCredential(page, baseUrl) {
	return await page.evaluate(async (url) => {
		const browserId = window.localStorage.getItem('n8n-browserId') ?? '';
		const name = 'Fake model (UI)';
		const res = await fetch('/rest/credentials', {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': browserId },
			body: JSON.stringify({
				name,
				type: 'openAiApi',
				data: { apiKey: 'sk-fake-model-ui-0001', url },
			}),
		});
		const body = await res.json().catch(() => ({}));
		return { status: res.status, id: String(body?.data?.id ?? ''), name };
	}, baseUrl);
}

/** @param {import('../run').Ctx} ctx */
async function agentTool(ctx) {
	const { page } = ctx;
	const model = await startFakeModel();
	try {
		// On import the editor drops every credential its store does not know, and it fills the store when
		// it loads: the credential is made first and the editor loaded after it. (The other way round, the
		// chat model ran with no credential: "Node does not have any credentials set".)
		const credential = await createModelCredential(page, model.baseUrl);
		await newWorkflow(ctx);
		const workflow = scenarioWorkflow(SCENARIO);
		for (const node of workflow.nodes)
			if (node.credentials && 'openAiApi' in node.credentials)
				node.credentials.openAiApi = { id: credential.id, name: credential.name };
		workflow.name = 'An AI agent with the Black Forest Labs tool';
		const file = writeWorkflow(ctx.dir, 'ui-agent-tool.json', workflow);
		await importFromMenu(page, file, workflow.nodes.length);

		const mark = ctx.mark();
		await openNode(page, TOOL);
		const shown = await page.$$eval(`${tid('ndv')} [data-test-id^="parameter-input-"]`, (els) =>
			els.map((e) => String(e.getAttribute('data-test-id')).replace('parameter-input-', '')),
		);
		await ctx.shot('agent-tool-panel');
		await closeNode(page);
		const panelErrors = ctx.errorsSince(mark);
		ctx.check(
			`${ctx.label}: the Black Forest Labs tool's panel under an AI Agent renders with no console error`,
			panelErrors.length === 0 && shown.includes('toolDescription'),
			`credential ${credential.status}; fields ${shown.join(', ')}${panelErrors.length ? `; console: ${panelErrors.join(' | ').slice(0, 200)}` : ''}`,
		);
		await runAgent(ctx, workflow.nodes.length, model);
	} finally {
		await model.close();
	}
}

/**
 * "Execute workflow" on the imported agent, judged from the fake model's log, the simulator's submits and
 * what the canvas and the Logs panel show.
 * @param {import('../run').Ctx} ctx @param {number} nodes
 * @param {{ requests: import('../../e2e/lib/agent/fakeModel').ModelRequest[] }} model
 */
async function runAgent(ctx, nodes, model) {
	const { page } = ctx;
	const mark = ctx.mark();
	const outcome = await executeWorkflow(page, nodes);
	const green = await page.$$eval(
		`${tid('canvas-node')}:has(${tid('canvas-node-status-success')})`,
		(els) => els.map((e) => String(e.getAttribute('data-node-name'))),
	);
	const log = outcome === 'success' ? await toolLog(page) : { input: '', output: '', items: '' };
	const notes = await closeNotifications(page);
	await ctx.shot('agent-run');
	const errors = ctx.errorsSince(mark);
	const calls = model.requests.filter((r) => r.reply === 'tool_call').length;
	const answered = model.requests.filter((r) => r.toolResults.length > 0).length;
	const submits = ctx.fake.stats().submitsByPrompt[SCENARIO.scene] ?? 0;
	const taskId = (log.output.match(
		/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
	) ?? [''])[0];
	ctx.check(
		`${ctx.label}: the agent run from the editor calls the tool once; one submit at the simulator`,
		outcome === 'success' && calls === 1 && answered >= 1 && submits === 1,
		`${outcome}${outcome === 'success' ? '' : ` (${notes.slice(0, 200)})`}; ${model.requests.length} model requests, ${calls} tool call, ${answered} with the tool's answer; ${submits} submit`,
	);
	ctx.check(
		`${ctx.label}: the canvas shows the agent and the tool executed, the Logs panel the tool's run`,
		['AI Agent', 'OpenAI Chat Model', TOOL].every((n) => green.includes(n)) &&
			log.input.includes(SCENARIO.scene) &&
			log.items === '1 item' &&
			/imageUrl/.test(log.output) &&
			Boolean(taskId && ctx.fake.imageFor(taskId)) &&
			errors.length === 0,
		`green: ${green.join(', ')}; tool output ${log.items || 'not shown'}, task ${taskId || 'none'}${errors.length ? `; console: ${errors.join(' | ').slice(0, 200)}` : ''}`,
	);
}

/**
 * Opens the Logs panel under the canvas on the tool's run; returns its input and output as shown and the
 * output's item count.
 * @param {import('puppeteer-core').Page} page
 */
async function toolLog(page) {
	if (!(await page.$(tid('logs-overview-body')))) {
		await page.click(tid('logs-overview-header'));
		await page.waitForSelector(tid('logs-overview-body'), { visible: true });
	}
	const entry = `${tid('logs-overview-body')} [role="treeitem"]`;
	const selected = await page.$$eval(
		entry,
		(els, name) =>
			els.some((e) => e.textContent?.trim() === name && e.getAttribute('aria-selected') === 'true'),
		TOOL,
	);
	if (!selected) await clickText(page, entry, TOOL);
	const details = {
		header: tid('log-details-header'),
		output: `${tid('log-details-output')} ${tid('ndv-data-container')}`,
	};
	await page.waitForFunction(
		(s, name) =>
			document.querySelector(s.header)?.textContent?.includes(name) &&
			document.querySelector(s.output)?.textContent?.includes('imageUrl'),
		{},
		details,
		TOOL,
	);
	// the schema view lists the answer's fields one per line, as the input beside it, so the picture shows them
	await page.click(`${tid('log-details-output')} ${tid('radio-button-schema')}`);
	await page.waitForFunction(
		(sel) => [...document.querySelectorAll(sel)].some((e) => /^imageUrl/.test(e.textContent ?? '')),
		{},
		`${tid('log-details-output')} ${tid('run-data-schema-item')}`,
	);
	const text = (/** @type {string} */ sel) =>
		page.$eval(sel, (e) => /** @type {HTMLElement} */ (e).innerText.replace(/\s+/g, ' ').trim());
	return {
		input: await text(tid('log-details-input')),
		output: await text(details.output),
		items: await text(`${tid('log-details-output')} ${tid('run-data-item-count')}`),
	};
}

/**
 * Closes the toasts ("Workflow executed successfully" would cover the panel in the picture); returns their text.
 * @param {import('puppeteer-core').Page} page
 */
async function closeNotifications(page) {
	const notes = await page.$$eval('.el-notification', (els) =>
		els.map((e) => /** @type {HTMLElement} */ (e).innerText.replace(/\s+/g, ' ')).join(' | '),
	);
	await page.$$eval('.el-notification__closeBtn', (els) =>
		els.forEach((e) => /** @type {HTMLElement} */ (e).click()),
	);
	await page.waitForFunction(() => !document.querySelector('.el-notification'));
	return notes;
}

module.exports = { agentTool };
