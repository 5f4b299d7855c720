#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * `npm run test:ui`: the editor as a user sees it. Real n8n 2.41.1 with the npm-packed package, the offline BFL
 * simulator and a matching credential, driven by headless Chromium (see test/ui/README.md). Then the picker
 * searches once more in n8n 1.123.81's editor when that release is installed. One PASS/FAIL line per check on
 * stdout, progress on stderr, screenshots in a folder the run prints; ends with `ui: N passed, N failed` and exits
 * 1 on any failure.
 *
 *   node test/ui/run.js [--only=2,1] [--build] [--keep] [--shots DIR] [--tgz FILE] [--headful] [--write-docs]
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { RELEASES, n8nDir, readMarker } = require('../e2e/lib/cache');
const { installExitHooks, killAll } = require('../e2e/lib/proc');
const { REPO } = require('../e2e/lib/pack');
const { API_KEY, packOnce, startSimulator, startN8n } = require('./lib/server');
const { launch, openPage, screenshotter } = require('./lib/browser');
const { usePackage } = require('./lib/description');
const { signIn } = require('./checks/auth');
const { triggerPicker, nodePicker } = require('./checks/picker');
const { panels } = require('./checks/panels');
const { executeGenerate } = require('./checks/execute');
const { importExample } = require('./checks/importExample');
const { agentTool } = require('./checks/agentTool');
const { DOC_IMAGES } = require('./lib/docImages');

/**
 * @typedef {object} Ctx
 * @property {import('puppeteer-core').Page} page
 * @property {string} url
 * @property {string} label
 * @property {string} dir
 * @property {string} apiKey
 * @property {import('../fake-bfl').FakeBfl} fake the simulator, for what it received
 * @property {boolean} searchOnly
 * @property {(name: string, ok: boolean, detail?: string) => void} check
 * @property {(name: string) => Promise<string>} shot
 * @property {() => number} mark
 * @property {(mark: number) => string[]} errorsSince
 */

function parseArgs(/** @type {string[]} */ argv) {
	const opts = {
		only: new Set(['2', '1']),
		build: false,
		keep: false,
		shots: '',
		tgz: '',
		headful: false,
		writeDocs: false,
	};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2);
		const value = () => (inline !== undefined ? inline : argv[++i]);
		if (flag === '--build') opts.build = true;
		else if (flag === '--keep') opts.keep = true;
		else if (flag === '--headful') opts.headful = true;
		else if (flag === '--write-docs') opts.writeDocs = true;
		else if (flag === '--only') opts.only = new Set(value().split(','));
		else if (flag === '--shots') opts.shots = path.resolve(value());
		else if (flag === '--tgz') opts.tgz = path.resolve(value());
		else {
			process.stderr.write(
				'usage: node test/ui/run.js [--only=2,1] [--build] [--keep] [--shots DIR] [--tgz FILE] [--headful] [--write-docs]\n',
			);
			process.exit(2);
		}
	}
	return opts;
}

const tally = { passed: 0, failed: 0, skipped: 0 };
/** @param {string} name @param {boolean} ok @param {string} [detail] */
function check(name, ok, detail = '') {
	if (ok) tally.passed++;
	else tally.failed++;
	process.stdout.write(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}\n`);
}
/** @param {string} name @param {string} why */
function skip(name, why) {
	tally.skipped++;
	process.stdout.write(`SKIP ${name} — ${why}\n`);
}

/**
 * One release: n8n up, a fresh browser page, the steps in order. A step that throws is one FAIL with its
 * screenshot; the later steps still run (each starts from a new workflow), except after a failed sign-in.
 * @param {object} a
 * @param {import('../e2e/lib/cache').N8nRelease} a.release @param {import('puppeteer-core').Browser} a.browser
 * @param {string} a.runDir @param {string} a.tgz @param {import('../fake-bfl').FakeBfl} a.fake
 * @param {(page: any, name: string) => Promise<string>} a.snap @param {boolean} a.searchOnly
 * @param {Array<[string, (ctx: Ctx) => Promise<unknown>]>} a.steps @param {(l: string) => void} a.say
 */
async function runRelease({ release, browser, runDir, tgz, fake, snap, searchOnly, steps, say }) {
	const label = `n8n ${release.version}`;
	const dir = path.join(runDir, `n8n-${release.version}`);
	say(`${label}: starting with the packed package`);
	const { n8n, url } = await startN8n(release, dir, tgz, fake, say);
	say(`${label}: editor at ${url} (log ${n8n.logFile})`);
	const p = await openPage(browser);
	/** @type {Ctx} */
	const ctx = {
		page: p.page,
		url,
		label,
		dir,
		apiKey: API_KEY,
		fake,
		searchOnly,
		check,
		shot: (name) => snap(p.page, `${release.key === '1' ? 'v1-' : ''}${name}`),
		mark: p.mark,
		errorsSince: p.errorsSince,
	};
	try {
		for (const [name, step] of steps) {
			say(`${label}: ${name}`);
			try {
				const ok = await step(ctx);
				if (ok === false && name === 'sign-in') break;
			} catch (err) {
				const file = await ctx.shot(`failed-${name}`);
				check(
					`${label}: ${name} completed`,
					false,
					`${String(/** @type {Error} */ (err).message).split('\n')[0]}${file ? ` (screenshot ${file})` : ''}`,
				);
				if (name === 'sign-in') break;
			}
		}
	} finally {
		await p.page.close().catch(() => undefined);
		await n8n.stop();
	}
}

/**
 * Remembers the file of each screenshot name. @param {(page: any, name: string) => Promise<string>} snap
 */
function keepLatest(snap) {
	/** @type {Map<string, string>} */
	const latest = new Map();
	/** @param {any} page @param {string} name */
	const wrapped = async (page, name) => {
		const file = await snap(page, name);
		if (file) latest.set(name, file);
		return file;
	};
	return Object.assign(wrapped, { latest });
}

/**
 * `--write-docs`: copies the pictures into docs/images, only from a run with no failure, so a broken editor never
 * becomes the README's picture. @param {Map<string, string>} latest @param {(l: string) => void} say
 */
function writeDocs(latest, say) {
	if (tally.failed) return say('--write-docs: not written, the run had failures');
	const images = path.join(REPO, 'docs', 'images');
	for (const [name, target] of Object.entries(DOC_IMAGES)) {
		const file = latest.get(name);
		if (!file) {
			say(`--write-docs: no screenshot "${name}" for docs/images/${target}`);
			continue;
		}
		fs.copyFileSync(file, path.join(images, target));
		say(`--write-docs: docs/images/${target} ← ${path.basename(file)}`);
	}
}

async function main() {
	installExitHooks();
	const opts = parseArgs(process.argv.slice(2));
	const say = (/** @type {string} */ l) => process.stderr.write(`[ui] ${l}\n`);
	const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-bfl-ui-'));
	const shots = opts.shots || path.join(runDir, 'screenshots');
	const snap = keepLatest(screenshotter(shots));
	process.stdout.write(`ui: screenshots in ${shots}\n`);
	const tgz = opts.tgz || (await packOnce(runDir, opts.build, say));
	await usePackage(tgz, path.join(runDir, 'tarball'));
	const fake = await startSimulator();
	const browser = await launch({ headless: !opts.headful });
	try {
		if (opts.only.has('2'))
			await runRelease({
				release: RELEASES['2'],
				browser,
				runDir,
				tgz,
				fake,
				snap,
				say,
				searchOnly: false,
				steps: [
					['sign-in', signIn],
					['trigger picker', triggerPicker],
					['node picker', nodePicker],
					['panels', panels],
					['credential and execution', executeGenerate],
					['import an example', importExample],
					['agent tool', agentTool],
				],
			});
		if (opts.only.has('1')) {
			const v1 = RELEASES['1'];
			const name = `n8n ${v1.version}: picker search ("Black Forest", "FLUX", "BFL", "image generation")`;
			if (!readMarker(n8nDir(v1)))
				skip(name, `n8n ${v1.version} is not installed (npm run e2e:install installs it)`);
			else
				await runRelease({
					release: v1,
					browser,
					runDir,
					tgz,
					fake,
					snap,
					say,
					searchOnly: true,
					steps: [
						['sign-in', signIn],
						['trigger picker', triggerPicker],
						['node picker', nodePicker],
					],
				});
		}
	} finally {
		await browser.close().catch(() => undefined);
		await killAll();
		await fake.close();
	}
	if (opts.writeDocs) writeDocs(snap.latest, say);
	// a passing run leaves nothing in the temp folder; screenshots stay after a failure, or when asked for
	const keepShots = tally.failed > 0 || opts.keep;
	if (!opts.keep)
		for (const entry of fs.readdirSync(runDir))
			if (entry !== 'screenshots' || !keepShots)
				fs.rmSync(path.join(runDir, entry), { recursive: true, force: true });
	if (!fs.existsSync(runDir) || fs.readdirSync(runDir).length === 0)
		fs.rmSync(runDir, { recursive: true, force: true });
	if (!opts.shots)
		say(
			keepShots ? `screenshots kept in ${shots}` : 'screenshots removed (pass --keep to keep them)',
		);
	process.stdout.write(
		`ui: ${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ''}\n`,
	);
	process.exitCode = tally.failed ? 1 : 0;
}

main().catch(async (err) => {
	process.stderr.write(`ui: ${err && err.stack ? err.stack : err}\n`);
	await killAll();
	process.stdout.write(`ui: ${tally.passed} passed, ${tally.failed + 1} failed\n`);
	process.exit(1);
});
