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
	if (!error) await viewPicture(ctx);
	await closeNode(page);
}

/**
 * The Binary view's "View": n8n shows the image itself, which is the README's picture.
 * @param {import('../run').Ctx} ctx
 */
async function viewPicture(ctx) {
	const { page } = ctx;
	await page.click(`${NDV} ${tid('ndv-view-binary-data')}`);
	const size = await page
		.waitForFunction(
			() => {
				const img = [...document.querySelectorAll('img')].find(
					(i) => i.complete && i.naturalWidth >= 256 && i.offsetParent !== null,
				);
				return img && `${img.naturalWidth}×${img.naturalHeight}`;
			},
			{ timeout: 60000 },
		)
		.then((handle) => handle.jsonValue())
		.catch(() => '');
	await ctx.shot('generate-binary-picture');
	ctx.check(
		`${ctx.label}: the Binary view's View shows the picture itself`,
		Boolean(size),
		size ? `an image of ${size}` : 'no image appeared',
	);
	// back to the file list, so the panel closes as usual
	const back = await page.$('.binary-data-window-back');
	if (back) await back.click();
}

module.exports = { executeGenerate };
