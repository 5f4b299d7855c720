// @ts-check
'use strict';

/**
 * The node as an AI agent's tool in the editor: an AI Agent with an OpenAI Chat Model (its credential's base
 * URL is the e2e suite's scripted fake model) and the Black Forest Labs tool with nothing set by hand. The
 * tool's panel renders with no console error and shows its tool-mode fields. Its screenshot is the one
 * docs/ai-agent.md shows. (Running it from the editor is left to the e2e agent phases: here the chat model
 * failed with the credential made through the REST API, before any request reached the fake model.)
 */

const { tid, openNode, closeNode } = require('../lib/dom');
const { newWorkflow } = require('./auth');
const { writeWorkflow, importFromMenu } = require('../lib/workflows');
const { startFakeModel } = require('../../e2e/lib/agent/fakeModel');
const { SCENARIOS, scenarioWorkflow } = require('../../e2e/lib/agent/workflows');

const TOOL = 'Black Forest Labs';

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
		await newWorkflow(ctx);
		const credential = await createModelCredential(page, model.baseUrl);
		const workflow = scenarioWorkflow(SCENARIOS[1]);
		for (const node of workflow.nodes)
			if (node.credentials && 'openAiApi' in node.credentials)
				node.credentials.openAiApi = { id: credential.id, name: credential.name };
		workflow.name = 'UI suite: an AI agent with the Black Forest Labs tool';
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
	} finally {
		await model.close();
	}
}

module.exports = { agentTool };
