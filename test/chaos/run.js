// @ts-check
/**
 * `npm run test:chaos`: drives many items through the built node, in n8n's engine, against the fake
 * BFL under injected faults, and checks the invariants after every scenario. Prints the figures;
 * `--write` also puts them in RELIABILITY.md. Usage: node test/chaos/run.js [--items 48] [--write]
 */
const fs = require('node:fs');
const path = require('node:path');

require('../helpers/scratchUserFolder').scratchUserFolder('chaos');
// Debug logs are captured and searched for the key, never shown.
process.env.N8N_LOG_LEVEL = 'debug';

const { startFakeBfl } = require('../fake-bfl');
const { outputOf, errorOf } = require('../helpers/engine');
const { SCENARIOS } = require('./scenarios');
const { checkItems, duplicateSubmits, keyLeaks } = require('./invariants');
const { captureOutput, sampleMemory, startChaosRun } = require('./probes');
const { cancelMidPoll } = require('./cancel');
const { renderReport } = require('./report');
const { runTrustCases, KEY: TRUST_KEY } = require('./trust');

const args = process.argv.slice(2);
const items = Number(args[args.indexOf('--items') + 1]) || 48;
const KEY = `chaos-${Math.random().toString(36).slice(2)}-key`;
const MEMORY_BOUND_MB = 400;

/**
 * @param {import('./scenarios').Scenario} scenario
 * @param {number} index
 */
async function runScenario(scenario, index) {
	const fake = await startFakeBfl({ apiKey: KEY, latencyMs: 300 });
	try {
		scenario.setup(fake, items);
		const prompts = Array.from(
			{ length: items },
			(_, i) => `chaos ${index} item ${i}${scenario.tag?.(i) ?? ''}`,
		);
		const memory = sampleMemory();
		const capture = captureOutput();
		const started = Date.now();
		const options = { pollInterval: 0.3, timeout: 120, ...scenario.options };
		const run = await startChaosRun({ fake, key: KEY, prompts, options }).done;
		const logs = capture.stop();
		const peakMb = memory.stop();
		const out = outputOf(run, 'BFL') ?? [];
		const error = errorOf(run, 'BFL');
		const violations = checkItems(out, items, scenario.allowedErrors);
		const errors = out.filter((item) => item.json.error !== undefined).length;
		if (scenario.exactErrors && errors !== scenario.exactErrors(items)) {
			violations.push(`expected ${scenario.exactErrors(items)} error items, got ${errors}`);
		}
		const duplicates = duplicateSubmits(fake, prompts);
		const leaks = keyLeaks(fake, KEY, out, logs, error);
		if (error) violations.push(`the execution failed: ${error.message}`);
		if (duplicates) violations.push(`${duplicates} items were accepted twice`);
		if (leaks.length) violations.push(`key leaks: ${leaks.join(', ')}`);
		if (peakMb > MEMORY_BOUND_MB)
			violations.push(`memory grew by ${peakMb} MB (bound ${MEMORY_BOUND_MB} MB)`);
		const stats = fake.stats();
		const submittedPrompts = Object.keys(stats.submitsByPrompt).length;
		const failedGets = stats.requests.filter(
			(r) => r.method === 'GET' && (r.status === 0 || r.status === 429 || r.status >= 500),
		).length;
		return {
			retries: stats.submits - submittedPrompts + failedGets,
			name: scenario.name,
			items,
			faults: stats.faultsInjected,
			status429: stats.status429,
			requests: stats.requests.length,
			images: out.filter((item) => item.json.status === 'Ready' && item.binary).length,
			errors,
			lost: Math.max(0, items - out.length),
			duplicates,
			leaks: leaks.length,
			memoryMb: peakMb,
			seconds: (Date.now() - started) / 1000,
			violations,
		};
	} finally {
		await fake.close();
	}
}

async function main() {
	const results = [];
	for (const [index, scenario] of SCENARIOS.entries()) {
		const result = await runScenario(scenario, index);
		results.push(result);
		const verdict = result.violations.length
			? `FAILED\n    ${result.violations.join('\n    ')}`
			: 'ok';
		console.log(
			`${result.name}: ${result.images} images, ${result.errors} clear errors, ${result.faults} faults, ${result.status429} 429s, ${result.seconds.toFixed(1)} s: ${verdict}`,
		);
	}
	// n8n's debug log (the limiter's line per run) is captured here too: searched for the key, never shown
	let quiet = captureOutput();
	const cancel = await cancelMidPoll(KEY);
	quiet.stop(); // cancelMidPoll searches its own logs for the key
	console.log(
		`cancel mid-poll: ${cancel.requestsAfterCancel} requests after the cancel, ${cancel.submitsAfterCancel} submits: ${cancel.violations.length ? `FAILED ${cancel.violations.join('; ')}` : 'ok'}`,
	);
	quiet = captureOutput();
	const trust = await runTrustCases();
	const trustLogs = quiet.stop();
	for (const row of trust)
		if (trustLogs.includes(TRUST_KEY)) row.violations.push('the key appeared in the logs');
	for (const row of trust) {
		const verdict = row.violations.length ? `FAILED ${row.violations.join('; ')}` : 'ok';
		console.log(`trust: ${row.name}: ${row.did}: ${verdict}`);
	}
	const report = renderReport(results, cancel, trust, {
		items,
		command: `node test/chaos/run.js ${args.join(' ')}`.trim(),
	});
	console.log(`\n${report.table}`);
	if (args.includes('--write'))
		fs.writeFileSync(path.join(__dirname, '..', '..', 'RELIABILITY.md'), report.markdown);
	const failed =
		results.filter((result) => result.violations.length).length +
		(cancel.violations.length ? 1 : 0) +
		trust.filter((row) => row.violations.length).length;
	const total = results.length + 1 + trust.length;
	console.log(`chaos: ${total - failed} passed, ${failed} failed`);
	process.exitCode = failed ? 1 : 0;
	// n8n-core logs its shutdown at debug level as the process exits, after the summary line; hidden too
	captureOutput();
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
