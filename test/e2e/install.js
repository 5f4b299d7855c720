#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Installs the n8n releases the e2e suite runs against into the cache (see lib/install.js), both at once.
 *   node test/e2e/install.js          # n8n 2.41.1 (Node 24) and 1.123.81 (Node 20)
 *   node test/e2e/install.js 2        # only 2.41.1
 * Prints the cache location and exits 0 when everything is ready.
 */

const { RELEASES, cacheRoot, ensureN8n } = require('./lib/install');
const { installExitHooks } = require('./lib/proc');

async function main() {
	installExitHooks();
	const keys = process.argv.slice(2).filter((a) => RELEASES[a]);
	const wanted = (keys.length ? keys : ['2', '1']).map((k) => RELEASES[k]);
	const started = Date.now();
	const say = (/** @type {string} */ line) =>
		process.stderr.write(`[install ${((Date.now() - started) / 1000).toFixed(0)} s] ${line}\n`);
	say(`cache: ${cacheRoot()}`);
	const results = await Promise.allSettled(wanted.map((rel) => ensureN8n(rel, say)));
	let failed = 0;
	results.forEach((r, i) => {
		const v = wanted[i].version;
		if (r.status === 'fulfilled')
			say(`n8n ${v}: ${r.value.cached ? 'cached' : `installed (${r.value.seconds.toFixed(0)} s)`}`);
		else {
			failed++;
			say(`n8n ${v}: FAILED: ${r.reason && r.reason.message}`);
		}
	});
	say(`total ${((Date.now() - started) / 1000).toFixed(0)} s`);
	process.exit(failed ? 1 : 0);
}

main().catch((err) => {
	process.stderr.write(`install failed: ${err && err.stack}\n`);
	process.exit(1);
});
