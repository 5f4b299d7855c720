#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * End-to-end suite: the npm-packed package inside real n8n releases, against the offline BFL simulator.
 *
 *   node test/e2e/run.js                 # everything: n8n 2.41.1, n8n 1.123.81, queue mode on 2.41.1
 *   node test/e2e/run.js --only=2,queue  # a subset (2, 1, queue)
 *   node test/e2e/run.js --build         # run `npm run build` first (otherwise only when dist/ is missing)
 *   node test/e2e/run.js --keep          # keep the scratch dir (n8n homes, logs, snapshots) even on success
 *
 * Installs n8n into the cache when missing (see lib/install.js: 5 to 30+ minutes cold; a release's tests start as
 * soon as that release is installed). Prints one line per check on
 * stdout, progress on stderr, and ends with `e2e: N passed, N failed`; exits 1 on any failure.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { RELEASES, ensureN8n, cacheRoot } = require('./lib/install');
const { installExitHooks, killAll } = require('./lib/proc');
const { buildAndPack } = require('./lib/pack');
const { lintExamples } = require('./lib/examples');
const { runExamples } = require('./lib/release');
const { runQueueMode } = require('./lib/queue');
const { runAgentPhase } = require('./lib/agent');
const { runRealTraffic } = require('./lib/realTraffic');
const { parseArgs } = require('./lib/args');

async function main() {
	installExitHooks();
	const opts = parseArgs(process.argv.slice(2));
	const t0 = Date.now();
	const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(0)} s`;
	const say = (/** @type {string} */ line) => process.stderr.write(`[e2e ${elapsed()}] ${line}\n`);
	let passed = 0;
	let failed = 0;
	const check = (
		/** @type {string} */ name,
		/** @type {boolean} */ ok,
		/** @type {string} */ detail,
	) => {
		if (ok) passed++;
		else failed++;
		process.stdout.write(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}\n`);
	};
	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-bfl-e2e-'));
	say(`scratch ${scratch}; n8n cache ${cacheRoot()}`);

	try {
		const exampleProblems = lintExamples();
		check(
			'examples/*.json importable as shipped',
			exampleProblems.length === 0,
			exampleProblems.slice(0, 5).join('; ') || 'ids, node types and credential references',
		);

		// 1. the installs start (both at once); 2. the package tarball meanwhile
		const releaseOf = (/** @type {string} */ p) => (p === 'queue' ? '2' : p.replace('agent', ''));
		const wanted = [...new Set([...opts.phases].map(releaseOf))].map((k) => RELEASES[k]);
		/** @type {Record<string, Promise<boolean>>} */
		const installed = {};
		for (const rel of wanted) {
			const node = rel.needsNode24 ? 'Node 24' : `Node ${process.versions.node.split('.')[0]}`;
			installed[rel.key] = ensureN8n(rel, say).then(
				(r) => {
					check(
						`install n8n ${rel.version} (${node})`,
						true,
						r.cached ? 'cached' : `installed in ${r.seconds.toFixed(0)} s`,
					);
					return true;
				},
				(err) => {
					check(`install n8n ${rel.version} (${node})`, false, String(err && err.message));
					return false;
				},
			);
		}

		let tgz = '';
		try {
			const pack = await buildAndPack({
				outDir: path.join(scratch, 'pack'),
				build: opts.build,
				say,
			});
			tgz = pack.tgz;
			if (pack.stale)
				say(
					'WARNING: sources are newer than dist/; pass --build (or run npm run build) to test them',
				);
			check(
				'npm run package',
				true,
				`${path.basename(tgz)}, ${pack.files} files, ${(pack.size / 1024).toFixed(0)} kB${pack.built ? ', freshly built' : ''}${pack.stale ? ', dist/ older than sources' : ''}`,
			);
		} catch (err) {
			check('npm run package', false, String(err && /** @type {Error} */ (err).message));
		}

		// 3. each release's tests start as soon as that release is installed: 2.41.1 (examples, then queue
		// mode) usually runs while 1.123.81 still compiles; 1.123.81's examples wait for the 2.x tests to end
		// so that two n8n test runs never share the 2 cores.
		const ready = (/** @type {string} */ key) => installed[key] ?? Promise.resolve(false);
		const release2 = (async () => {
			if (opts.phases.has('2')) await examplesOn('2', await ready('2'));
			if (opts.phases.has('queue')) await queueOn(await ready('2'));
			if (opts.phases.has('agent2')) await agentOn('2', await ready('2'));
		})();
		const release1 = (async () => {
			const ok = await ready('1');
			await release2;
			if (opts.phases.has('1')) await examplesOn('1', ok);
			if (opts.phases.has('agent1')) await agentOn('1', ok);
		})();
		await Promise.all([release2, release1]);

		/** @param {string} key @param {boolean} ok */
		async function examplesOn(key, ok) {
			const rel = RELEASES[key];
			const label = `[${rel.version}]`;
			if (!ok || !tgz) return check(`${label} examples`, false, 'not run: install or pack failed');
			say(`${label} examples`);
			try {
				await runExamples(
					rel,
					path.join(scratch, `n8n-${rel.version}`),
					tgz,
					say,
					(name, pass, detail) => check(`${label} ${name}`, pass, detail),
				);
			} catch (err) {
				check(`${label} examples`, false, String(err && /** @type {Error} */ (err).message));
			}
			try {
				await runRealTraffic({
					release: rel,
					dir: path.join(scratch, `real-traffic-${rel.version}`),
					tgz,
					say,
					check,
				});
			} catch (err) {
				check(`${label} real traffic`, false, String(err && /** @type {Error} */ (err).message));
			}
		}

		/** 5. n8n's Tools Agent with the node as its tool (lib/agent). @param {string} key @param {boolean} ok */
		async function agentOn(key, ok) {
			const rel = RELEASES[key];
			const label = `[${rel.version} agent]`;
			if (!ok || !tgz) return check(`${label} agent`, false, 'not run: install or pack failed');
			say(`${label} Tools Agent + fake model + the tool`);
			try {
				await runAgentPhase({
					release: rel,
					dir: path.join(scratch, `agent-${rel.version}`),
					tgz,
					say,
					check,
				});
			} catch (err) {
				check(`${label} agent`, false, String(err && /** @type {Error} */ (err).message));
			}
		}

		/** 4. queue mode on 2.x. @param {boolean} ok */
		async function queueOn(ok) {
			const rel = RELEASES['2'];
			if (!ok || !tgz)
				return check(`[${rel.version} queue] queue mode`, false, 'not run: install or pack failed');
			say(`[${rel.version} queue] redis + main + 2 workers`);
			try {
				await runQueueMode({
					release: rel,
					dir: path.join(scratch, `queue-${rel.version}`),
					tgz,
					say,
					check,
				});
			} catch (err) {
				check(
					`[${rel.version} queue] queue mode`,
					false,
					String(err && /** @type {Error} */ (err).message),
				);
			}
		}
	} finally {
		await killAll();
	}

	say(`finished in ${elapsed()}`);
	if (failed === 0 && !opts.keep) fs.rmSync(scratch, { recursive: true, force: true });
	else say(`logs, n8n homes and snapshots kept in ${scratch}`);
	process.stdout.write(`e2e: ${passed} passed, ${failed} failed\n`);
	process.exitCode = failed ? 1 : 0;
}

main().catch(async (err) => {
	process.stderr.write(`e2e crashed: ${err && err.stack}\n`);
	await killAll();
	process.stdout.write('e2e: 0 passed, 1 failed\n');
	process.exit(1);
});
