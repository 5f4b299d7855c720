// @ts-check
'use strict';

/**
 * A Generate step executed in the editor against the simulator: the image shows in the Binary view with its file
 * name and MIME type. The credential modal is checked from the same panel first (it leaves the right key saved).
 */

const { tid, openNode, closeNode } = require('../lib/dom');
const { newWorkflow } = require('./auth');
const { credentialModal } = require('./credential');
const { panelsWorkflow, writeWorkflow, importFromMenu } = require('../lib/workflows');

const NDV = tid('ndv');

/** @param {import('../run').Ctx} ctx */
async function executeGenerate(ctx) {
	const { page } = ctx;
	await newWorkflow(ctx);
	await importFromMenu(page, writeWorkflow(ctx.dir, 'ui-execute.json', panelsWorkflow()), 4);
	await openNode(page, 'Generate');
	await credentialModal(ctx);
	if (!(await page.$(NDV))) await openNode(page, 'Generate');
	const mark = ctx.mark();
	await page.click(`${NDV} ${tid('node-execute-button')}`);
	await page.waitForSelector(
		`${NDV} ${tid('radio-button-binary')}, ${NDV} ${tid('node-error-message')}`,
		{ visible: true, timeout: 180000 },
	);
	const error = await page.$(`${NDV} ${tid('node-error-message')}`);
	let binary = '';
	if (!error) {
		await page.click(`${NDV} ${tid('radio-button-binary')}`);
		await page.waitForSelector(`${NDV} ${tid('ndv-binary-data_0')}`, { visible: true });
		binary = await page.$eval(
			`${NDV} ${tid('ndv-binary-data_0')}`,
			(e) => /** @type {HTMLElement} */ (e).innerText,
		);
	}
	await ctx.shot('generate-binary-view');
	const lines = binary.split('\n').map((l) => l.trim());
	const after = (/** @type {string} */ label) => lines[lines.indexOf(label) + 1] ?? '';
	const fileName = after('File Name:');
	const mime = after('Mime Type:');
	const errors = ctx.errorsSince(mark);
	ctx.check(
		`${ctx.label}: executing Generate shows the image in the Binary view with file name and MIME type`,
		/^[\w-]+\.(jpg|jpeg|png|webp)$/.test(fileName) && /^image\//.test(mime) && errors.length === 0,
		error
			? `node error: ${(await error.evaluate((e) => /** @type {HTMLElement} */ (e).innerText)).slice(0, 200)}`
			: `${fileName || 'no file name'}, ${mime || 'no MIME type'}${errors.length ? `; console: ${errors.join(' | ').slice(0, 200)}` : ''}`,
	);
	await closeNode(page);
}

module.exports = { executeGenerate };
