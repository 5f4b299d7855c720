// @ts-check
'use strict';

/**
 * The n8n the browser talks to: a fresh home with the npm-packed package, the offline BFL simulator and a credential
 * pointing at it, then `n8n start`. Reuses the e2e suite's install, pack and home helpers.
 */

const fs = require('node:fs');
const path = require('node:path');
const { ensureN8n } = require('../../e2e/lib/install');
const { waitReady, fetchWithTimeout, n8nReady } = require('../../e2e/lib/proc');
const { buildAndPack } = require('../../e2e/lib/pack');
const { N8nHome } = require('../../e2e/lib/n8n');
const { SEEDED_FINETUNES } = require('../../e2e/lib/examples');
const { startFakeBfl } = require('../../fake-bfl');

const API_KEY = 'ui-test-key';

/**
 * Packs once per run (the tarball is shared by every release started).
 * @param {string} dir @param {boolean} build @param {(l: string) => void} say
 */
async function packOnce(dir, build, say) {
	const pack = await buildAndPack({ outDir: path.join(dir, 'pack'), build, say });
	if (pack.stale) say('note: sources are newer than dist/; pass --build to load your changes');
	return pack.tgz;
}

/**
 * Starts the simulator (fast images, so an execution in the editor finishes quickly).
 */
async function startSimulator() {
	return await startFakeBfl({ apiKey: API_KEY, latencyMs: 300, finetunes: SEEDED_FINETUNES });
}

/**
 * A fresh n8n home for `release` with the package and the simulator credential, serving the editor.
 * @param {import('../../e2e/lib/cache').N8nRelease} release @param {string} dir @param {string} tgz
 * @param {{ apiBase: string }} fake @param {(l: string) => void} say
 */
async function startN8n(release, dir, tgz, fake, say) {
	await ensureN8n(release, say);
	fs.mkdirSync(dir, { recursive: true });
	const home = new N8nHome(release, dir);
	await home.allocatePorts();
	await home.installPackage(tgz);
	await home.importCredential(fake.apiBase, API_KEY);
	const n8n = home.daemon('n8n-start', ['start']);
	const url = `http://127.0.0.1:${home.port}`;
	// n8n 1.x answers /healthz before it serves the editor ("Cannot GET /"), so wait for the page as well
	const healthy = async () =>
		(await n8nReady(url)) && (await fetchWithTimeout(`${url}/`, {}, 5000)).status === 200;
	await waitReady(n8n, healthy, `n8n ${release.version} on port ${home.port}`, 300000);
	return { home, n8n, url };
}

module.exports = { API_KEY, packOnce, startSimulator, startN8n };
