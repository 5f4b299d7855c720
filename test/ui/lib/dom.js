// @ts-check
'use strict';

/**
 * Small steps a user takes in n8n's editor, by data-test-id (the names n8n's own e2e tests use). Every wait is on a
 * DOM condition with a generous timeout; nothing relies on a fixed pause.
 */

/** @typedef {import('puppeteer-core').Page} Page */

/** @param {string} id */
const tid = (id) => `[data-test-id="${id}"]`;

/**
 * Clicks the first visible element matching `selector` whose trimmed text is `text` (or one of them; waits for it).
 * A list that re-renders between finding the element and clicking it leaves a detached element that cannot be
 * clicked; it is then found again (at most three times).
 * @param {Page} page @param {string} selector @param {string | string[]} text @param {{ timeout?: number, count?: number }} [opts]
 */
async function clickText(page, selector, text, opts = {}) {
	for (let attempt = 1; ; attempt++) {
		const handle = await page.waitForFunction(
			(sel, want) =>
				[...document.querySelectorAll(sel)].find(
					(e) =>
						/** @type {HTMLElement} */ (e).offsetParent !== null &&
						want.includes(e.textContent?.trim() ?? ''),
				),
			{ timeout: opts.timeout },
			selector,
			[text].flat(),
		);
		const el = /** @type {import('puppeteer-core').ElementHandle<Element>} */ (handle);
		try {
			return await el.click({ count: opts.count ?? 1 });
		} catch (error) {
			if (attempt === 3) throw error;
		}
	}
}

/** Trimmed texts of the visible elements matching `selector`. @param {Page} page @param {string} selector */
async function visibleTexts(page, selector) {
	return await page.$$eval(selector, (els) =>
		els
			.filter((e) => /** @type {HTMLElement} */ (e).offsetParent !== null)
			.map((e) => (e.textContent || '').trim()),
	);
}

/** Replaces an input's value as typed by a user. @param {Page} page @param {string} selector @param {string} text */
async function retype(page, selector, text) {
	await page.waitForSelector(selector, { visible: true });
	await page.$eval(selector, (e) => {
		const input = /** @type {HTMLInputElement} */ (e);
		input.focus();
		input.select();
	});
	await page.keyboard.press('Backspace');
	await page.keyboard.type(text);
	await page.waitForFunction(
		(sel, want) =>
			/** @type {HTMLInputElement | null} */ (document.querySelector(sel))?.value === want,
		{},
		selector,
		text,
	);
}

/**
 * Picks `option` in the options parameter `name` inside `scope` (the NDV or the credential modal) and waits until
 * the input shows it.
 * @param {Page} page @param {string} scope @param {string} name @param {string} option
 */
async function selectParameter(page, scope, name, option) {
	const input = `${scope} ${tid(`parameter-input-${name}`)} input`;
	await page.waitForSelector(input, { visible: true });
	const current = await page.$eval(input, (e) => /** @type {HTMLInputElement} */ (e).value);
	if (current === option) return;
	await page.click(`${scope} ${tid(`parameter-input-${name}`)}`);
	// the list animates in; a DOM click on the option is what element-plus listens to and needs no geometry
	const item = await page.waitForFunction(
		(sel, want) =>
			[...document.querySelectorAll(sel)].find((li) => {
				if (/** @type {HTMLElement} */ (li).offsetParent === null) return false;
				const headline = li.querySelector('.option-headline');
				return (headline ?? li).textContent?.trim() === want;
			}),
		{},
		tid('parameter-input-item'),
		option,
	);
	await /** @type {import('puppeteer-core').ElementHandle<HTMLElement>} */ (item).evaluate((li) =>
		li.click(),
	);
	await page.waitForFunction(
		(sel, want) =>
			/** @type {HTMLInputElement | null} */ (document.querySelector(sel))?.value === want,
		{},
		input,
		option,
	);
}

/** Visible option headlines of the options parameter `name` (opens and closes its list). @param {Page} page @param {string} scope @param {string} name */
async function parameterOptions(page, scope, name) {
	await page.click(`${scope} ${tid(`parameter-input-${name}`)}`);
	await page.waitForSelector(`${tid('parameter-input-item')}`, { visible: true });
	const names = await visibleTexts(page, `${tid('parameter-input-item')} .option-headline`);
	await page.keyboard.press('Escape');
	return names;
}

/** Opens a node's panel by double-clicking it on the canvas. @param {Page} page @param {string} nodeName */
async function openNode(page, nodeName) {
	const node = `${tid('canvas-node')}[data-node-name="${nodeName}"]`;
	await page.waitForSelector(node, { visible: true });
	await page.click(node, { count: 2 });
	await page.waitForSelector(`${tid('ndv')} ${tid('node-parameters')}`, { visible: true });
}

/** Closes the node panel. @param {Page} page */
async function closeNode(page) {
	if (!(await page.$(tid('ndv-close-button')))) return;
	await page.click(tid('ndv-close-button'));
	await page.waitForFunction((sel) => !document.querySelector(sel), {}, tid('ndv'));
}

/**
 * Clicks a "+" (`button`) until the node picker's search field shows: a click that lands while the canvas is
 * still mounting is lost, so it is repeated (see clickUntil).
 * @param {Page} page @param {string} button
 */
async function openPicker(page, button) {
	await clickUntil(page, button, tid('node-creator-search-bar'));
}

/**
 * Clicks `target` until `opened` shows, as a user clicks again when nothing happened: a panel that
 * is still sliding in re-renders its items, and a click then meets an element without a box
 * ("Node is either not clickable or not an Element") or lands on nothing. At most three clicks,
 * each after waiting for `target` to be visible again.
 * @param {Page} page @param {string} target @param {string} opened
 */
async function clickUntil(page, target, opened) {
	for (let attempt = 1; ; attempt++) {
		await page.waitForSelector(target, { visible: true });
		const clicked = await page.click(target).then(
			() => null,
			(/** @type {Error} */ error) => error,
		);
		const open = await page
			.waitForSelector(opened, { visible: true, timeout: clicked ? 2000 : 20000 })
			.catch(() => null);
		if (open) return;
		if (attempt === 3)
			throw new Error(
				`${opened} did not show after ${attempt} clicks on ${target}${clicked ? ` (last: ${clicked.message})` : ''}`,
			);
	}
}

module.exports = {
	tid,
	openPicker,
	clickUntil,
	clickText,
	visibleTexts,
	retype,
	selectParameter,
	parameterOptions,
	openNode,
	closeNode,
};
