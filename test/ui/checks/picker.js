// @ts-check
'use strict';

/**
 * The node picker as a user meets it: the trigger picker ("What triggers this workflow?") and the node picker
 * ("What happens next?") find our nodes by what people type, and the node's actions are its real operations.
 */

const {
	tid,
	openPicker,
	clickUntil,
	retype,
	clickText,
	visibleTexts,
	closeNode,
} = require('../lib/dom');
const { newWorkflow } = require('./auth');
const {
	nodeName,
	nodeDescription,
	triggerDescription,
	pickerActions,
} = require('../lib/description');

const NODE_QUERIES = ['Black Forest', 'FLUX', 'BFL', 'image generation'];
const SEARCH_WAIT_MS = 30000;

/**
 * Types `query` into the picker and waits until `want` is listed or n8n says "No results".
 * @param {import('puppeteer-core').Page} page @param {string} query @param {string} want
 */
async function search(page, query, want) {
	await retype(page, tid('node-creator-search-bar'), query);
	await page
		.waitForFunction(
			(s, w) =>
				[...document.querySelectorAll(s.item)].some(
					(e) =>
						/** @type {HTMLElement} */ (e).offsetParent !== null && e.textContent?.trim() === w,
				) || document.querySelector(s.none),
			{ timeout: SEARCH_WAIT_MS },
			{ item: tid('node-creator-item-name'), none: tid('node-creator-no-results') },
			want,
		)
		.catch(() => undefined);
	const names = await visibleTexts(page, tid('node-creator-item-name'));
	return { found: names.includes(want), names };
}

/**
 * The description the picker shows under the visible entry named `name`.
 * @param {import('puppeteer-core').Page} page @param {string} name
 */
async function entryDescription(page, name) {
	return await page.evaluate(
		(s, want) => {
			const label = [...document.querySelectorAll(s.name)].find(
				(e) =>
					/** @type {HTMLElement} */ (e).offsetParent !== null && e.textContent?.trim() === want,
			);
			for (let el = label?.parentElement; el; el = el.parentElement) {
				const text = el.querySelector(s.description)?.textContent;
				if (text !== undefined && text !== null) return text.replace(/\s+/g, ' ').trim();
			}
			return '';
		},
		{ name: tid('node-creator-item-name'), description: tid('node-creator-item-description') },
		name,
	);
}

/**
 * n8n shows one entry for the node and its trigger, with the trigger's description: it must open with what the
 * action node does, and in the trigger picker say what the trigger does.
 * @param {import('../run').Ctx} ctx @param {string} shown @param {'node' | 'trigger'} picker
 */
function checkDescription(ctx, shown, picker) {
	const own = nodeDescription().description;
	const trigger = triggerDescription().description;
	// n8n 1.x lists a community node in search results by its name alone: no text to mislead, none to check
	const noneIn1x = shown === '' && ctx.label.startsWith('n8n 1.');
	const ok = noneIn1x || (picker === 'node' ? shown.startsWith(own) : shown === trigger);
	ctx.check(
		`${ctx.label}: the ${picker} picker shows no other node's description for the entry (${picker === 'node' ? "it opens with the action node's own" : "the trigger's"})`,
		ok,
		noneIn1x ? 'no description shown (n8n 1.x)' : `shown: "${shown.slice(0, 160)}"`,
	);
}

/** @param {string[]} names */
const listed = (names) => (names.length ? names.slice(0, 6).join(', ') : 'No results');

/** Trigger picker on an empty workflow, then the trigger's panel. @param {import('../run').Ctx} ctx */
async function triggerPicker(ctx) {
	const { page } = ctx;
	await newWorkflow(ctx);
	await openPicker(page, tid('canvas-plus-button'));
	const r = await search(page, 'Black Forest', nodeName());
	await ctx.shot('trigger-picker-black-forest');
	ctx.check(
		`${ctx.label}: trigger picker ("What triggers this workflow?") finds the trigger for "Black Forest"`,
		r.found,
		`listed: ${listed(r.names)}`,
	);
	if (r.found) checkDescription(ctx, await entryDescription(page, nodeName()), 'trigger');
	if (!r.found || ctx.searchOnly) return;
	const mark = ctx.mark();
	await clickText(page, tid('node-creator-item-name'), nodeName());
	// the picker shows the node's details; its trigger event is listed first
	const event = 'On new ';
	await clickUntil(
		page,
		`${tid('node-creator')} ::-p-text(${event})`,
		`${tid('ndv')} ${tid('node-parameters')}`,
	);
	const text = await page.$eval(
		`${tid('ndv')} ${tid('node-parameters')}`,
		(e) => /** @type {HTMLElement} */ (e).innerText,
	);
	await ctx.shot('panel-trigger');
	const errors = ctx.errorsSince(mark);
	ctx.check(
		`${ctx.label}: Trigger panel renders with no console error`,
		/Production URL|Webhook URL/i.test(text) && errors.length === 0,
		errors.length
			? errors.join(' | ').slice(0, 300)
			: text.split('\n').slice(0, 2).join(' / ').slice(0, 160),
	);
	await closeNode(page);
}

/** Adds "Trigger manually" and opens the node picker after it. @param {import('../run').Ctx} ctx */
async function openNodePicker(ctx) {
	const { page } = ctx;
	await newWorkflow(ctx);
	await openPicker(page, tid('canvas-plus-button'));
	await retype(page, tid('node-creator-search-bar'), 'manual');
	// "Trigger manually" in 2.x, "Manual Trigger" in 1.x
	await clickText(page, tid('node-creator-item-name'), ['Trigger manually', 'Manual Trigger']);
	await page.waitForSelector(
		`${tid('canvas-node')}[data-node-type="n8n-nodes-base.manualTrigger"]`,
		{ visible: true },
	);
	await closeNode(page);
	await openPicker(page, tid('canvas-handle-plus'));
}

/** Node picker searches and the actions list. @param {import('../run').Ctx} ctx */
async function nodePicker(ctx) {
	const { page } = ctx;
	await openNodePicker(ctx);
	let foundOnce = false;
	for (const query of NODE_QUERIES) {
		const r = await search(page, query, nodeName());
		foundOnce ||= r.found;
		await ctx.shot(`node-picker-${query}`);
		ctx.check(
			`${ctx.label}: node picker ("What happens next?") finds the node for "${query}"`,
			r.found,
			`listed: ${listed(r.names)}`,
		);
	}
	if (foundOnce) {
		await search(page, 'Black Forest', nodeName());
		checkDescription(ctx, await entryDescription(page, nodeName()), 'node');
	}
	if (ctx.searchOnly) return;
	const expected = pickerActions();
	if (!foundOnce) {
		ctx.check(
			`${ctx.label}: actions list shows only real operations`,
			false,
			'the node was not found, so its actions could not be opened',
		);
		return;
	}
	await search(page, 'Black Forest', nodeName());
	await clickText(page, tid('node-creator-item-name'), nodeName());
	await page.waitForSelector(tid('node-creator-action-item'), { visible: true });
	// the panel's header repeats the node's name
	const shown = (
		await visibleTexts(page, `${tid('node-creator')} ${tid('node-creator-item-name')}`)
	).filter((n) => n !== nodeName());
	await ctx.shot('node-actions');
	const missing = expected.filter((a) => !shown.includes(a));
	const extra = shown.filter((a) => !expected.includes(a));
	ctx.check(
		`${ctx.label}: actions list shows only real operations (no General/Character/Style/Product)`,
		missing.length === 0 && extra.length === 0,
		`${shown.length} actions${extra.length ? `; not operations: ${extra.join(', ')}` : ''}${missing.length ? `; missing: ${missing.join(', ')}` : ''}`,
	);
}

module.exports = { triggerPicker, nodePicker, search };
