// @ts-check
/**
 * `npm run bench`: throughput of the Black Forest Labs node against the offline fake BFL, side by
 * side with the HTTP Request + Wait loop users build today, on the same fake server:
 *   (a) our node, N prompts in ONE execution of n8n-core's WorkflowExecute (built dist/);
 *   (b) the loop as a workflow in the real n8n 2.41.1 of the e2e suite (skipped if not installed);
 *   (c) our node with Concurrency 1, at the smallest N only (its time grows linearly).
 * Prints a table and the issue's targets (never asserted), writes results JSON and an SVG chart.
 * Exits 1 only when our node lost images (a correctness failure), never because of timings.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { parseArgs, USAGE } = require('./args');
const { runOurNode } = require('./ours');
const { loopUnavailable, prepareLoop, runLoop, RELEASE } = require('./loop');
const { summarize, judgeTargets } = require('./measure');
const { textTable, markdownTable, targetLines, writeSection, FOOTNOTES } = require('./report');
const { renderSvg } = require('./svg');
const { startFakeBfl } = require('../fake-bfl');

const REPO = path.resolve(__dirname, '..', '..');
const API_KEY = `bench-${Math.random().toString(36).slice(2)}-key`;
const say = (/** @type {string} */ line) => process.stderr.write(`bench: ${line}\n`);

/** Waits until the fake has nothing in flight, so one scenario does not slow the next. */
async function drained(/** @type {any} */ fake, /** @type {number} */ latencyMs) {
	const deadline = Date.now() + latencyMs * 6 + 5000;
	while (fake.stats().inFlight > 0 && Date.now() < deadline)
		await new Promise((resolve) => setTimeout(resolve, 50));
}

function machine() {
	const cpus = os.cpus();
	return {
		nproc: os.availableParallelism ? os.availableParallelism() : cpus.length,
		cpu: cpus[0]?.model ?? 'unknown',
		ramGb: Math.round(os.totalmem() / 1024 ** 3),
		node: process.version,
		os: `${os.type()} ${os.release()}`,
	};
}

/**
 * Scenario (b) at every --loop-n; records why when it cannot run, and keeps the other results when
 * it breaks (its scratch folder, with n8n's logs, is then kept).
 * @param {ReturnType<typeof parseArgs>} cfg @param {any} fake
 * @param {{ latencyMs: number, pollIntervalMs: number, imageBytes: number }} base
 * @param {object} size @param {any[]} results @param {string[]} skipped
 */
async function runLoops(cfg, fake, base, size, results, skipped) {
	const why = loopUnavailable();
	if (why) return void skipped.push(`(b) skipped: ${why}`);
	/** @type {Awaited<ReturnType<typeof prepareLoop>> | undefined} */
	let loop;
	try {
		say(`(b) preparing n8n ${RELEASE.version} (import credential and workflows)`);
		loop = await prepareLoop({
			...size,
			apiBase: fake.apiBase,
			apiKey: API_KEY,
			ns: cfg.loopNs,
			model: cfg.model,
			waitSeconds: cfg.pollIntervalMs / 1000,
		});
		// (b3) takes about N × 2 latencies, so it runs at the smallest N only, like (c).
		for (const variant of /** @type {const} */ (['b', 'b2', 'b3']))
			for (const n of variant === 'b3' ? [Math.min(...cfg.loopNs)] : cfg.loopNs) {
				say(`(${variant}) HTTP Request + Wait loop in n8n ${RELEASE.version}, N=${n}`);
				const m = await runLoop(loop, n, cfg.loopTimeoutMs, fake, variant);
				const sc = { ...base, label: `${variant}-${n}`, variant, prefix: m.prefix, cap: cfg.cap };
				results.push(summarize(sc, m, fake.stats(), fake.tasks));
				await drained(fake, cfg.latencyMs);
			}
		fs.rmSync(loop.dir, { recursive: true, force: true });
	} catch (err) {
		const message = err instanceof Error ? err.message : String(err);
		skipped.push(`(b) failed: ${message}${loop ? ` (n8n home and logs kept in ${loop.dir})` : ''}`);
	}
}

async function main() {
	const cfg = parseArgs(process.argv.slice(2));
	if (cfg.help) return void console.log(USAGE);
	if (!fs.existsSync(path.join(REPO, 'dist', 'nodes', 'Bfl', 'Bfl.node.js')))
		throw new Error('dist/ is missing: run `npm run build` first (npm run bench does)');
	const fake = await startFakeBfl({
		apiKey: API_KEY,
		latencyMs: cfg.latencyMs,
		imageBytes: cfg.imageBytes,
		credits: 1e9, // a full run generates ~1,000 images
		concurrencyCap: 24,
		capOverrides: { 'flux-kontext-max': 6 },
	});
	const jitter = cfg.jitter
		? setInterval(() => {
				const f = 1 - cfg.jitter + 2 * cfg.jitter * Math.random();
				fake.configure({ latencyMs: Math.round(cfg.latencyMs * f) });
			}, 10)
		: null;
	const base = {
		latencyMs: cfg.latencyMs,
		pollIntervalMs: cfg.pollIntervalMs,
		imageBytes: cfg.imageBytes,
	};
	const size = cfg.model === 'flux-kontext-max' ? {} : { width: 1024, height: 1024 };
	/** @type {any[]} */
	const results = [];
	/** @type {string[]} */
	const skipped = [];
	const started = Date.now();
	try {
		for (const n of cfg.ns) {
			say(`(a) our node, N=${n}`);
			const prefix = `bench-a-${n}`;
			const m = await runOurNode(fake, {
				...size,
				apiKey: API_KEY,
				n,
				prefix,
				pollIntervalMs: cfg.pollIntervalMs,
				model: cfg.model,
				timeoutMs: Math.max(120_000, n * cfg.latencyMs * 3),
			});
			results.push(
				summarize(
					{ ...base, label: `a${n}`, variant: 'a', prefix, cap: cfg.cap },
					m,
					fake.stats(),
					fake.tasks,
				),
			);
			await drained(fake, cfg.latencyMs);
		}
		if (cfg.loopNs.length) await runLoops(cfg, fake, base, size, results, skipped);
		for (const n of cfg.serialNs) {
			say(
				`(c) our node with Concurrency 1, N=${n} (about ${Math.round((n * cfg.latencyMs) / 1000)} s)`,
			);
			const prefix = `bench-c-${n}`;
			const m = await runOurNode(fake, {
				...size,
				apiKey: API_KEY,
				n,
				prefix,
				pollIntervalMs: cfg.pollIntervalMs,
				concurrency: 1,
				model: cfg.model,
				timeoutMs: Math.max(120_000, n * cfg.latencyMs * 3),
			});
			results.push(
				summarize(
					{ ...base, label: `c${n}`, variant: 'c', prefix, cap: 1 },
					m,
					fake.stats(),
					fake.tasks,
				),
			);
			await drained(fake, cfg.latencyMs);
		}
	} finally {
		if (jitter) clearInterval(jitter);
		await fake.close();
	}

	const targets = results
		.filter((r) => r.variant === 'a')
		.map((r) => ({ n: r.n, checks: judgeTargets(r, cfg) }));
	const data = {
		date: new Date().toISOString(),
		command: cfg.command,
		machine: machine(),
		config: { ...cfg, outDir: undefined, command: undefined, help: undefined, write: undefined },
		loopN8n: RELEASE.version,
		totalSeconds: Math.round((Date.now() - started) / 1000),
		results,
		targets,
		skipped,
	};
	const mc = data.machine;
	console.log(
		`\n${cfg.command}\n${mc.nproc} cores (${mc.cpu}), ${mc.ramGb} GB RAM, Node ${mc.node}`,
	);
	console.log(
		`latency ${cfg.latencyMs} ms${cfg.jitter ? ` ±${cfg.jitter * 100} %` : ''}, cap ${cfg.cap} (${cfg.model}), ` +
			`${cfg.imageBytes} B images, poll interval ${cfg.pollIntervalMs / 1000} s\n`,
	);
	console.log(textTable(results));
	console.log(`\n${FOOTNOTES.join('\n')}`);
	for (const line of skipped) console.log(line);
	for (const r of results) if (r.note) console.log(`note ${r.label}: ${r.note}`);
	console.log(`\ntargets${cfg.quick ? ' (--quick: small N and latency, not a measurement)' : ''}:`);
	for (const line of targetLines(targets)) console.log(`  ${line}`);

	fs.mkdirSync(cfg.outDir, { recursive: true });
	const jsonFile = path.join(cfg.outDir, 'throughput.json');
	const svgFile = path.join(cfg.outDir, 'throughput.svg');
	fs.writeFileSync(jsonFile, `${JSON.stringify(data, null, 2)}\n`);
	fs.writeFileSync(svgFile, renderSvg(data));
	console.log(
		`\nwrote ${path.relative(process.cwd(), jsonFile)} and ${path.relative(process.cwd(), svgFile)}`,
	);
	if (cfg.write) {
		const md = [
			`Measured ${data.date.slice(0, 10)} with \`${cfg.command}\` on ${mc.nproc} cores (${mc.cpu}), ${mc.ramGb} GB RAM, Node ${mc.node}; latency ${cfg.latencyMs} ms, cap ${cfg.cap}, ${cfg.imageBytes} B images, poll interval ${cfg.pollIntervalMs / 1000} s; (b) in n8n ${RELEASE.version}.`,
			'',
			markdownTable(results),
			'',
			...FOOTNOTES.map((l) => l),
			...skipped.map((l) => `\n${l}`),
		].join('\n');
		writeSection(path.join(REPO, 'BENCHMARKS.md'), md);
		console.log('updated BENCHMARKS.md');
	}
	const lost = results.filter((r) => !r.variant.startsWith('b') && r.delivered < r.n);
	for (const r of lost)
		console.error(`FAIL ${r.label}: only ${r.delivered} of ${r.n} images came back`);
	return lost.length ? 1 : 0;
}

main().then(
	(code) => process.exit(code ?? 0),
	(err) => {
		console.error(`bench: ${err instanceof Error ? err.message : err}`);
		process.exit(2);
	},
);
