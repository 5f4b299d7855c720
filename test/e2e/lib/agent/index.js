// @ts-check
'use strict';

/**
 * The agent phase: n8n's real Tools Agent, an OpenAI Chat Model whose credential points at a scripted fake
 * model (fakeModel.js), and the packed Black Forest Labs node as its tool, against the BFL simulator. Judged
 * from the simulator's records (one submit per scenario, with the model's prompt), the fake model's log
 * (what it was offered, what the tool answered, never the BFL key) and n8n's run data (judge.js); example
 * 16 then turns the agent's answer into a file whose bytes are those the simulator served. Last, under
 * `n8n start`, a streaming Webhook in front of the agent (streaming.js).
 */

const fs = require('node:fs');
const path = require('node:path');
const { N8nHome } = require('../n8n');
const { n8nDir, n8nEnv } = require('../cache');
const { run } = require('../proc');
const { itemsOf, short } = require('../examples/judge');
const { startFakeBfl } = require('../../../fake-bfl');
const { startFakeModel } = require('./fakeModel');
const { judgeScenario } = require('./judge');
const { STREAM_SCENARIOS, streamWorkflow, runStreaming } = require('./streaming');
const w = require('./workflows');

const BATCH_TIMEOUT_MS = 6 * 60000;

/**
 * @typedef {[string, boolean, string]} Check
 */

/** The fake speaks both APIs, streamed and not, to the release's own openai SDK (probe.js). */
async function probeModel(
	/** @type {any} */ rel,
	/** @type {string} */ baseUrl,
	/** @type {string} */ logFile,
) {
	const r = await run(
		'node',
		[path.join(__dirname, 'probe.js'), path.join(n8nDir(rel), 'node_modules'), baseUrl],
		{ env: n8nEnv(rel), timeoutMs: 120000, logFile },
	);
	const lines = r.stdout
		.split('\n')
		.filter((l) => l.startsWith('{'))
		.map((l) => JSON.parse(l));
	return /** @type {Check[]} */ (
		['chat', 'responses'].flatMap((api) =>
			[false, true].map((streaming) => {
				const got = lines.find((l) => l.api === api && l.streaming === streaming);
				const ok = Boolean(
					got &&
						got.call &&
						got.call.args.prompt === 'a probe picture' &&
						got.text.includes('https://probe.invalid/p.jpeg'),
				);
				return [
					`fake model: ${api === 'chat' ? 'Chat Completions' : 'Responses API'}${streaming ? ', streamed' : ''}, read by the openai SDK`,
					ok,
					got ? short(got) : `no answer (exit ${r.code}; log ${logFile})`,
				];
			}),
		)
	);
}

/** Example 16: the picture the agent made, as a file written by a later node. */
function judgeExample(/** @type {any} */ snap, /** @type {any} */ ctx) {
	const checks = judgeScenario(
		{ label: '16 agent to file', scene: w.exampleScene(), byHand: false },
		snap,
		ctx,
	);
	const item = (itemsOf(snap, 'Get the Picture') || [])[0];
	const id = item && item.json && item.json.id;
	const served = id ? ctx.fake.imageFor(id) : null;
	const file =
		item && item.binary && item.binary.data && path.join(ctx.home.files, item.binary.data.fileName);
	const written = file && fs.existsSync(file) ? fs.readFileSync(file) : null;
	checks.push([
		'agent 16 agent to file: the file a later node wrote holds the served bytes',
		Boolean(served && written && written.equals(served)),
		written
			? `${file}: ${written.length} bytes, served ${served ? served.length : 'none'}`
			: `no file (Get the Picture: ${short(item?.json)})`,
	]);
	return checks;
}

/**
 * Runs the phase on one release.
 * @param {{ release: any, dir: string, tgz: string, say: (l: string) => void, check: (n: string, ok: boolean, d: string) => void }} o
 */
async function runAgentPhase({ release, dir, tgz, say, check }) {
	const label = `[${release.version} agent]`;
	const apiKey = 'e2e-agent-bfl-key-4242';
	const fake = await startFakeBfl({ apiKey, latencyMs: 500 });
	const model = await startFakeModel();
	try {
		const home = new N8nHome(release, dir);
		for (const [name, ok, detail] of await probeModel(
			release,
			model.baseUrl,
			path.join(home.logs, 'probe.log'),
		))
			check(`${label} ${name}`, ok, detail);
		await home.allocatePorts();
		await home.installPackage(tgz);
		await home.importCredential(fake.apiBase, apiKey);
		await w.importModelCredential(home, model.baseUrl);
		const workflows = [...w.SCENARIOS.map(w.scenarioWorkflow), w.exampleWorkflow(home.files)];
		await home.importWorkflows([...workflows, ...STREAM_SCENARIOS.map(streamWorkflow)]);
		say(`${label} execute-batch ${workflows.map((wf) => wf.id).join(',')}`);
		const batch = await home.executeBatch(
			workflows.map((wf) => wf.id),
			BATCH_TIMEOUT_MS,
		);
		check(
			`${label} execute-batch finished`,
			!batch.result.timedOut,
			`exit ${batch.result.code ?? batch.result.signal} (log ${batch.result.logFile})`,
		);
		const ctx = { fake, model, apiKey, home };
		for (const s of w.SCENARIOS)
			for (const [name, ok, detail] of judgeScenario(s, batch.snapshots[s.id], ctx))
				check(`${label} ${name}`, ok, detail);
		for (const [name, ok, detail] of judgeExample(batch.snapshots[w.EXAMPLE_ID], ctx))
			check(`${label} ${name}`, ok, detail);
		say(`${label} n8n start: a streaming webhook in front of the agent`);
		await runStreaming({ home, fake, model, apiKey, say, check, label });
		fs.writeFileSync(
			path.join(dir, 'model-requests.json'),
			JSON.stringify(model.requests, null, 2),
		);
		const leaks = fake.stats().keyLeaks;
		check(
			`${label} API key never sent to the delivery or an untrusted host`,
			leaks.length === 0,
			leaks.length ? short(leaks) : 'no leaks',
		);
	} finally {
		await Promise.all([fake.close(), model.close()]);
	}
}

module.exports = { runAgentPhase };
