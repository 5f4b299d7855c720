// @ts-check
'use strict';

/**
 * One n8n release's run of the examples: a fresh home, examples 01–06 and 09–10 in one execute-batch with each snapshot
 * judged, then 08a/08b with `n8n start` serving the Black Forest Labs Trigger (webhookCompletion.js).
 */

const { N8nHome, withCredential } = require('./n8n');
const { EXAMPLES, SEEDED_FINETUNES, loadExample } = require('./examples');
const { webhookWorkflows, runWebhookCompletion } = require('./webhookCompletion');
const { startFakeBfl } = require('../../fake-bfl');

const BATCH_TIMEOUT_MS = 8 * 60000;

/**
 * Imports the credential and examples 01–06, 09–10, 08a and 08b into a fresh n8n home, runs 01–06 and 09–10 in one
 * execute-batch and judges each snapshot, then runs 08a/08b in a running n8n.
 * @param {import('./cache').N8nRelease} rel @param {string} dir @param {string} tgz
 * @param {(l: string) => void} say @param {(name: string, ok: boolean, detail: string) => void} check
 */
async function runExamples(rel, dir, tgz, say, check) {
	const apiKey = 'e2e-test-key';
	const fake = await startFakeBfl({ apiKey, latencyMs: 1000, finetunes: SEEDED_FINETUNES });
	try {
		const home = new N8nHome(rel, dir);
		await home.allocatePorts();
		await home.installPackage(tgz);
		await home.importCredential(fake.apiBase, apiKey);
		/** @type {import('./examples/judge').Ctx} */
		const ctx = { home, fake, apiKey, bytesVerified: 0 };
		const workflows = EXAMPLES.map((ex) => {
			const wf = withCredential(loadExample(ex.file));
			if (ex.adapt) ex.adapt(wf, ctx);
			return wf;
		});
		const hook = webhookWorkflows(home);
		await home.importWorkflows([...workflows, hook.generate, hook.trigger, hook.video]);
		check(
			`package installed with the README's commands, credential and ${workflows.length + 3} workflows imported`,
			true,
			`${home.installCommands.join(' && ').replace(/~/g, home.home)}`,
		);

		say(`[${rel.version}] execute-batch ${workflows.map((w) => w.id).join(',')}`);
		const batch = await home.executeBatch(
			workflows.map((w) => w.id),
			BATCH_TIMEOUT_MS,
		);
		const b = batch.result;
		check(
			// judged by the snapshots below, not the exit code: n8n 1.x on Node 20 may segfault (139) while
			// exiting after a complete run, and some failures exit 0 (test/e2e/README.md)
			'execute-batch finished',
			!b.timedOut,
			`exit ${b.code ?? b.signal} in ${(b.ms / 1000).toFixed(1)} s${b.timedOut ? ' (timed out)' : ''} (log ${b.logFile})`,
		);
		if (/Unrecognized node type|Unknown node type/i.test(b.stdout + b.stderr)) {
			check(
				'package loaded by n8n',
				false,
				'n8n did not recognise n8n-nodes-bfl.bfl; see the execute-batch log',
			);
		}
		EXAMPLES.forEach((ex, i) => {
			const id = workflows[i].id;
			const s = batch.summary && batch.summary.summary;
			const reported =
				s && [...(s.errors || []), ...(s.warnings || [])].find((e) => e.workflowId === id);
			ctx.noSnapshotReason = reported ? String(reported.error) : undefined;
			for (const [name, ok, detail] of ex.check(batch.snapshots[id], ctx, workflows[i]))
				check(name, ok, detail);
		});
		check(
			'stored binaries byte-identical to the served images',
			(ctx.bytesVerified || 0) > 0,
			`${ctx.bytesVerified || 0} binaries read back from n8n's binary data and compared`,
		);
		try {
			await runWebhookCompletion({ home, fake, apiKey, hook, say, check });
		} catch (err) {
			check('08 webhook completion', false, String(err && /** @type {Error} */ (err).message));
		}
		const leaks = fake.stats().keyLeaks;
		check(
			'API key never sent to the delivery or an untrusted host',
			leaks.length === 0,
			leaks.length ? JSON.stringify(leaks.slice(0, 3)) : 'no leaks',
		);
	} finally {
		await fake.close();
	}
}

module.exports = { runExamples };
