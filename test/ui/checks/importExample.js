// @ts-check
'use strict';

/**
 * An example from examples/ imported as shipped through the workflow menu (Import → From file) and executed with
 * "Execute workflow": every node ends green. n8n assigns the only Black Forest Labs credential to the imported nodes.
 */

const path = require('node:path');
const { newWorkflow } = require('./auth');
const { importFromMenu, executeWorkflow } = require('../lib/workflows');
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
	const outcome = await executeWorkflow(page, count);
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
