#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * `npm run n8n`: a local n8n 2.41.1 with the npm-packed n8n-nodes-bfl loaded, the offline BFL simulator running,
 * a "Black Forest Labs (offline simulator)" credential and the examples/ workflows imported (08b, the Black Forest
 * Labs Trigger, published, and 08a pointed at it). Prints the editor URL and runs until Ctrl-C.
 *
 *   npm run n8n                       # editor on http://127.0.0.1:5678
 *   npm run n8n -- --port 5700        # another port
 *   npm run n8n -- --build            # npm run build first (otherwise only when dist/ is missing)
 *   npm run n8n -- --fresh            # forget the saved n8n home (owner account, workflows, executions)
 *   npm run n8n -- --latency 5000     # simulator latency per image in ms (default 2000)
 *
 * n8n is installed into the cache on first use (see test/e2e/README.md). Its home is kept in
 * <cache>/dev-n8n-<version>/ so the owner account and your edits survive restarts.
 */

const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { RELEASES, cacheRoot, ensureN8n } = require('../../test/e2e/lib/install');
const { installExitHooks, killAll, waitReady, n8nReady, tail } = require('../../test/e2e/lib/proc');
const { buildAndPack } = require('../../test/e2e/lib/pack');
const { N8nHome, freePort, withCredential, CREDENTIAL_NAME } = require('../../test/e2e/lib/n8n');
const { EXAMPLES, SEEDED_FINETUNES, loadExample } = require('../../test/e2e/lib/examples');
const { webhookWorkflows } = require('../../test/e2e/lib/webhookCompletion');
const { startFakeBfl } = require('../../test/fake-bfl');

const API_KEY = 'test-key';

function parseArgs(/** @type {string[]} */ argv) {
	const opts = { port: 5678, build: false, fresh: false, latency: 2000 };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const [flag, inline] = arg.split('=', 2);
		const value = () => (inline !== undefined ? inline : argv[++i]);
		if (flag === '--build') opts.build = true;
		else if (flag === '--fresh') opts.fresh = true;
		else if (flag === '--port') opts.port = Number(value());
		else if (flag === '--latency') opts.latency = Number(value());
		else {
			process.stderr.write(
				'usage: npm run n8n -- [--port 5678] [--latency 2000] [--build] [--fresh]\n',
			);
			process.exit(2);
		}
	}
	if (!Number.isInteger(opts.port) || !Number.isFinite(opts.latency)) {
		process.stderr.write('--port and --latency take numbers\n');
		process.exit(2);
	}
	return opts;
}

/** @param {number} port */
function portIsFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

async function main() {
	installExitHooks();
	const opts = parseArgs(process.argv.slice(2));
	const say = (/** @type {string} */ line) => process.stderr.write(`[n8n] ${line}\n`);
	const release = RELEASES['2'];
	if (!(await portIsFree(opts.port))) {
		throw new Error(`port ${opts.port} is in use; pick another with --port`);
	}
	await ensureN8n(release, say);

	const dir = path.join(cacheRoot(), `dev-n8n-${release.version}`);
	if (opts.fresh) fs.rmSync(dir, { recursive: true, force: true });
	const packDir = path.join(dir, 'pack');
	fs.rmSync(packDir, { recursive: true, force: true });
	const pack = await buildAndPack({ outDir: packDir, build: opts.build, say });
	if (pack.stale) say('note: sources are newer than dist/; run with --build to load your changes');
	const firstRun = !fs.existsSync(path.join(dir, 'home', '.n8n', 'database.sqlite'));
	const home = new N8nHome(release, dir);
	home.port = opts.port;
	home.brokerPort = await freePort();

	const fake = await startFakeBfl({
		apiKey: API_KEY,
		latencyMs: opts.latency,
		finetunes: SEEDED_FINETUNES,
	});
	say(`BFL simulator: API ${fake.apiBase}, key "${API_KEY}", ${opts.latency} ms per image`);
	try {
		await home.installPackage(pack.tgz);
		say('importing the simulator credential (its base URL changes on every start)');
		await home.importCredential(fake.apiBase, API_KEY);
		if (firstRun) {
			const ctx = { home, fake, apiKey: API_KEY };
			const workflows = EXAMPLES.map((ex) => {
				const wf = withCredential(loadExample(ex.file));
				if (ex.adapt) ex.adapt(wf, ctx);
				return wf;
			});
			workflows.push(withCredential(loadExample('07-webhook-generate.json')));
			// 08a posts to 08b's trigger on this port; 08b is published so that n8n start serves it
			const hook = webhookWorkflows(home);
			workflows.push(hook.generate, hook.trigger);
			say(`importing ${workflows.length} example workflows`);
			await home.importWorkflows(workflows);
			await home.publish(hook.trigger.id);
		}

		const n8n = home.daemon('n8n-start', ['start']);
		const url = `http://127.0.0.1:${home.port}`;
		await waitReady(n8n, () => n8nReady(url), `n8n on port ${home.port}`, 180000);
		process.stdout.write(
			[
				'',
				`n8n ${release.version} with n8n-nodes-bfl (${path.basename(pack.tgz)}) is running:`,
				`  editor      ${url}${firstRun ? '   (first visit: create the owner account)' : ''}`,
				`  credential  "${CREDENTIAL_NAME}" -> BFL simulator at ${fake.apiBase}`,
				'  workflows   "BFL example 01..08b" (examples/; 08b is active, 08a sends it its results)',
				`  files       Read/Write Files may write to ${home.files}`,
				`  n8n log     ${n8n.logFile}`,
				'Press Ctrl-C to stop.',
				'',
			].join('\n'),
		);
		const exit = /** @type {{ code: number | null, signal: string | null }} */ (await n8n.exited);
		say(`n8n exited (${exit.code ?? exit.signal}); last log lines:\n${tail(n8n.logFile, 15)}`);
		process.exitCode = 1;
	} finally {
		await killAll();
		await fake.close();
	}
}

main().catch(async (err) => {
	process.stderr.write(`npm run n8n failed: ${err && err.message}\n`);
	await killAll();
	process.exit(1);
});
