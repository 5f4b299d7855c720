// @ts-check
'use strict';

/**
 * Every resource → operation panel of the node, switched the way a user does it, with no console error; the
 * options that do not apply to a Completion mode are hidden; the canvas subtitle reads like n8n's own nodes.
 */

const { tid, selectParameter, openNode, closeNode } = require('../lib/dom');
const { newWorkflow } = require('./auth');
const { operationsByResource } = require('../lib/description');
const {
	WAITING_OPTIONS,
	COMPLETION_NODES,
	panelsWorkflow,
	writeWorkflow,
	importFromMenu,
} = require('../lib/workflows');

const NDV = tid('ndv');

/** The subtitle under the node's name on the canvas. @param {import('puppeteer-core').Page} page */
async function subtitle(page) {
	return await page.$eval(`${tid('canvas-node')}[data-node-name="Generate"]`, (e) => {
		const lines = /** @type {HTMLElement} */ (e).innerText.split('\n').map((l) => l.trim());
		return lines[lines.indexOf('Generate') + 1] ?? '';
	});
}

/** Which of the waiting-only options show as inputs. @param {import('puppeteer-core').Page} page */
async function shownWaitingOptions(page) {
	const shown = [];
	for (const name of WAITING_OPTIONS)
		if (await page.$(`${NDV} ${tid(`parameter-input-${name}`)}`)) shown.push(name);
	return shown;
}

/** Each Completion mode in its own node, opened as saved. @param {import('../run').Ctx} ctx */
async function hiddenOptions(ctx) {
	const { page } = ctx;
	const seen = /** @type {Record<string, string[]>} */ ({});
	for (const [mode, node] of Object.entries(COMPLETION_NODES)) {
		await openNode(page, node);
		seen[mode] = await shownWaitingOptions(page);
		await ctx.shot(`panel-completion-${mode}`);
		await closeNode(page);
	}
	const leaks = ['Return Immediately', 'Webhook'].filter((m) => seen[m].length);
	ctx.check(
		`${ctx.label}: Completion → Return Immediately / Webhook hide Download Image, Poll Interval, Timeout and the output field`,
		leaks.length === 0 && seen.Wait.length === WAITING_OPTIONS.length,
		`Wait shows ${seen.Wait.join(', ') || 'none'}${leaks.map((m) => `; ${m} still shows ${seen[m].join(', ')}`).join('')}`,
	);
}

/** @param {import('../run').Ctx} ctx */
async function panels(ctx) {
	const { page } = ctx;
	await newWorkflow(ctx);
	const file = writeWorkflow(ctx.dir, 'ui-panels.json', panelsWorkflow());
	await importFromMenu(page, file, 4);
	await hiddenOptions(ctx);
	await openNode(page, 'Generate');
	const model = await page.$eval(
		`${NDV} ${tid('parameter-input-model')} input`,
		(e) => /** @type {HTMLInputElement} */ (e).value,
	);
	await closeNode(page);
	const sub = await subtitle(page);
	await ctx.shot('canvas-subtitle');
	ctx.check(
		`${ctx.label}: canvas subtitle reads "Generate: <model>"`,
		sub === `Generate: ${model}`,
		`"${sub}"`,
	);
	await openNode(page, 'Generate');
	for (const { resource, operations } of operationsByResource()) {
		for (const op of operations) {
			const mark = ctx.mark();
			let problem = '';
			try {
				await selectParameter(page, NDV, 'resource', resource);
				await selectParameter(page, NDV, 'operation', op.name);
				await page.waitForSelector(`${NDV} ${tid('node-parameters')}`, { visible: true });
			} catch (err) {
				problem = String(/** @type {Error} */ (err).message).split('\n')[0];
			}
			const inputs = await page.$$eval(
				`${NDV} [data-test-id^="parameter-input-"]`,
				(e) => e.length,
			);
			await ctx.shot(`panel-${resource}-${op.name}`);
			const errors = ctx.errorsSince(mark);
			ctx.check(
				`${ctx.label}: panel ${resource} → ${op.name} renders with no console error`,
				!problem && errors.length === 0,
				problem || (errors.length ? errors.join(' | ').slice(0, 300) : `${inputs} inputs`),
			);
		}
	}
	await closeNode(page);
}

module.exports = { panels };
