// @ts-check
'use strict';

/**
 * Headless Chromium from the npm package @sparticuz/chromium (the binary ships in its tarball), driven by
 * puppeteer-core. Collects console errors and page errors per page and writes numbered screenshots.
 */

const fs = require('node:fs');
const path = require('node:path');

/** Generous: the machine is a busy 2-core box and n8n's editor is a large app. */
const WAIT_MS = 60000;

/** Console noise from n8n itself that is not about our package (checked against the message text). */
const IGNORED_CONSOLE = [
	/Failed to load resource: the server responded with a status of 40[134]/,
	/telemetry|posthog|rudderstack|sentry/i,
	/net::ERR_/,
];

/** @param {{ headless?: boolean }} [opts] */
async function launch(opts = {}) {
	/** @type {any} */
	const chromium = require('@sparticuz/chromium').default ?? require('@sparticuz/chromium');
	const puppeteer = require('puppeteer-core');
	const executablePath = await chromium.executablePath();
	return await puppeteer.launch({
		executablePath,
		headless: opts.headless ?? true,
		defaultViewport: { width: 1440, height: 900 },
		protocolTimeout: 180000,
		args: [
			...chromium.args,
			'--no-sandbox',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
		],
	});
}

/**
 * A page that remembers its console errors; `errorsSince(mark)` returns the ones after a mark.
 * @param {import('puppeteer-core').Browser} browser
 */
async function openPage(browser) {
	const page = await browser.newPage();
	page.setDefaultTimeout(WAIT_MS);
	page.setDefaultNavigationTimeout(WAIT_MS * 2);
	/** @type {string[]} */
	const errors = [];
	page.on('console', (msg) => {
		if (msg.type() !== 'error') return;
		const text = msg.text();
		if (!IGNORED_CONSOLE.some((re) => re.test(text))) errors.push(text);
	});
	// leaving a workflow with unsaved changes asks "leave the page?"; a new workflow is what the suite wants
	page.on('dialog', (dialog) => void dialog.accept().catch(() => undefined));
	page.on('pageerror', (err) =>
		errors.push(`pageerror: ${String(err && /** @type {Error} */ (err).message)}`),
	);
	return {
		page,
		errors,
		mark: () => errors.length,
		/** @param {number} mark */
		errorsSince: (mark) => errors.slice(mark),
	};
}

/** Numbered screenshots in one folder. @param {string} dir */
function screenshotter(dir) {
	fs.mkdirSync(dir, { recursive: true });
	let n = 0;
	/** @param {import('puppeteer-core').Page} page @param {string} name */
	return async (page, name) => {
		const file = path.join(
			dir,
			`${String(++n).padStart(2, '0')}-${name.replace(/[^a-z0-9-]+/gi, '-')}.png`,
		);
		// let slide-in panels finish (a picture taken mid-animation is only cosmetic, so a timeout is no failure)
		await page
			.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), {
				timeout: 5000,
			})
			.catch(() => undefined);
		try {
			await page.screenshot({ path: /** @type {`${string}.png`} */ (file) });
		} catch {
			return '';
		}
		return file;
	};
}

module.exports = { WAIT_MS, launch, openPage, screenshotter };
