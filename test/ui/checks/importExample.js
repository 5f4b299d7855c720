// @ts-check
'use strict';

/**
 * An example from examples/ imported as shipped through the workflow menu (Import → From file) and executed with
 * "Execute workflow": every node ends green. n8n assigns the only Black Forest Labs credential to the imported nodes.
 */

const path = require('node:path');
const { tid } = require('../lib/dom');
const { newWorkflow } = require('./auth');
const { importFromMenu } = require('../lib/workflows');
const { EXAMPLES_DIR, loadExample } = require('../../e2e/lib/examples');

const EXAMPLE = '02-generate-then-edit.json';

/** @param {import('../run').Ctx} ctx */
async function importExample(ctx) {
	const { page } = ctx;
	const count = loadExample(EXAMPLE).nodes.length;
	await newWorkflow(ctx);
	await importFromMenu(page, path.join(EXAMPLES_DIR, EXAMPLE), count);
	await ctx.shot('example-imported');
	const mark = ctx.mark();
	await page.click(tid('execute-workflow-button'));
	const outcome = await page
		.waitForFunction(
			(s, n) =>
				document.querySelectorAll(s.ok).length >= n
					? 'success'
					: document.querySelector(s.error)
						? 'error'
						: false,
			{ timeout: 180000 },
			{ ok: tid('canvas-node-status-success'), error: tid('canvas-node-status-mark-error') },
			count,
		)
		.then((h) => /** @type {Promise<string>} */ (h.jsonValue()))
		.catch(() => 'timeout');
	const notes = await page.$$eval('.el-notification', (els) =>
		els.map((e) => /** @type {HTMLElement} */ (e).innerText.replace(/\s+/g, ' ')).join(' | '),
	);
	await ctx.shot('example-executed');
	const errors = ctx.errorsSince(mark);
	ctx.check(
		`${ctx.label}: example ${EXAMPLE} imported through the workflow menu runs successfully`,
		outcome === 'success' && errors.length === 0,
		`${outcome}${notes ? `; ${notes.slice(0, 200)}` : ''}${errors.length ? `; console: ${errors.join(' | ').slice(0, 200)}` : ''}`,
	);
}

module.exports = { importExample, EXAMPLE };
