// @ts-check
/**
 * `npm run bench`: the Black Forest Labs node against the workflows users build without it, and
 * several executions at once, all in real n8n 2.41.1 against the offline BFL simulator (latency,
 * BFL's cap of 24 in flight, real JPEG bytes). One n8n (filesystem binary mode) is started once
 * for (a), (b1), (b2), (b3), (c) and E executions at once; a second one with the no-limiter build
 * for E without the limiter; then queue mode (redis, main, 2 workers) with and without it.
 * Prints every scenario side by side and the issue's targets (never asserted), writes JSON and an
 * SVG chart. Exits 1 only when our node, with the limiter, lost images (a correctness failure).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { parseArgs, USAGE } = require('./args');
const { startFakeBfl } = require('../fake-bfl');
const { buildAndPack } = require('../e2e/lib/pack');
const { installExitHooks } = require('../e2e/lib/proc');
const { startBenchN8n, n8nUnavailable, RELEASE } = require('./server');
const { runScenario } = require('./scenario');
const { withoutLimiter } = require('./noLimiter');
const { runInProcess } = require('./ours');
const { judgeTargets } = require('./measure');
const report = require('./report');
const { renderSvg } = require('./svg');
const { prettierBin } = require('../../scripts/prettier');

const REPO = path.resolve(__dirname, '..', '..');
const API_KEY = `bench-${Math.random().toString(36).slice(2)}-key`;
const say = (/** @type {string} */ line) => process.stderr.write(`bench: ${line}\n`);

/** Waits until the simulator has nothing in flight, so one scenario does not slow the next. */
async function drained(/** @type {any} */ fake, /** @type {number} */ latencyMs) {
	const deadline = Date.now() + latencyMs * 6 + 5000;
	while (fake.stats().inFlight > 0 && Date.now() < deadline)
		await new Promise((resolve) => setTimeout(resolve, 50));
}

function machine() {
	const cpus = os.cpus();
	return {
		nproc: os.availableParallelism(),
		cpu: cpus[0]?.model ?? 'unknown',
		ramGb: Math.round(os.totalmem() / 1024 ** 3),
		node: process.version,
		os: `${os.type()} ${os.release()}`,
	};
}

/**
 * Runs scenarios in one started n8n, then stops it; a scenario that breaks is recorded in
 * `skipped` and the others go on.
 * @param {any} ctx @param {object} serverSpec
 * @param {Array<{ key: string, label: string, variant: string, workflow: string, n: number, executions: number, timeoutMs: number }>} plan
 */
async function inOneN8n(ctx, serverSpec, plan) {
	const { cfg, fake, results, skipped } = ctx;
	const name = /** @type {any} */ (serverSpec).workers ? 'queue mode' : 'n8n';
	say(`starting ${name} ${RELEASE.version} for ${plan.map((p) => p.key).join(', ')}`);
	/** @type {Awaited<ReturnType<typeof startBenchN8n>>} */
	let server;
	try {
		server = await startBenchN8n(/** @type {any} */ (serverSpec));
	} catch (err) {
		return void skipped.push(
			`${plan.map((p) => p.key).join(', ')} not run: ${String(err).slice(0, 600)}`,
		);
	}
	try {
		// Warm-up: one image, so loading and JIT do not count against the first scenario.
		await server.call('node', 1, 'bench-warm-up');
		await drained(fake, cfg.latencyMs);
		for (const p of plan) {
			say(`${p.label}`);
			try {
				const jobsBefore = server.workerLogs.map(jobsIn);
				const r = await runScenario(server, fake, { ...p, ...ctx.base });
				const jobs = server.workerLogs.map((file, i) => jobsIn(file) - jobsBefore[i]);
				if (jobs.length)
					r.note = `${r.note ? `${r.note}; ` : ''}executions per worker ${jobs.join(' / ')}`;
				results.push(r);
			} catch (err) {
				skipped.push(`${p.key} failed: ${String(err).slice(0, 400)}`);
			}
			await drained(fake, cfg.latencyMs);
		}
	} finally {
		await server.stop();
	}
}

/** Executions a worker finished, from its log. @param {string} file */
const jobsIn = (file) =>
	(fs.readFileSync(file, 'utf8').match(/Worker finished execution/g) || []).length;

/** @param {ReturnType<typeof parseArgs>} cfg */
function plans(cfg) {
	const t = (/** @type {number} */ n) => Math.max(180000, n * cfg.latencyMs * 4);
	const one = (
		/** @type {string} */ variant,
		/** @type {string} */ workflow,
		/** @type {number} */ n,
		/** @type {string} */ name,
	) => ({
		key: `${variant}-${n}`,
		label: `${name} N=${n}`,
		variant,
		workflow,
		n,
		executions: 1,
		timeoutMs: variant === 'b3' || variant === 'c' ? t(n * 3) : t(n),
	});
	const e = (/** @type {string} */ variant, /** @type {string} */ label) => ({
		key: variant,
		label: `E=${cfg.e} × ${cfg.eN}, ${label}`,
		variant,
		workflow: 'node',
		n: cfg.eN,
		executions: cfg.e,
		timeoutMs: t(cfg.e * cfg.eN),
	});
	return {
		main: [
			...cfg.ns.map((n) => one('a', 'node', n, '(a)')),
			...cfg.loopNs.map((n) => one('b', 'b', n, '(b1)')),
			...cfg.loopNs.map((n) => one('b2', 'b2', n, '(b2)')),
			...cfg.oneByOneNs.map((n) => one('b3', 'b3', n, '(b3)')),
			...cfg.serialNs.map((n) => one('c', 'node-c', n, '(c)')),
			...(cfg.executions ? [e('E', 'one n8n, with the limiter')] : []),
		],
		off: cfg.executions && cfg.off ? [e('E-off', 'one n8n, without the limiter')] : [],
		queue: cfg.queue ? [e('Q', 'queue mode, with the limiter')] : [],
		queueOff: cfg.queue && cfg.off ? [e('Q-off', 'queue mode, without the limiter')] : [],
	};
}

/** @param {ReturnType<typeof parseArgs>} cfg @param {any} ctx */
async function realN8n(cfg, ctx) {
	installExitHooks();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-bfl-bench-'));
	const { tgz } = await buildAndPack({ outDir: dir, build: false, say });
	const p = plans(cfg);
	const common = {
		tgz,
		apiBase: ctx.fake.apiBase,
		apiKey: API_KEY,
		model: cfg.model,
		pollIntervalS: cfg.pollIntervalMs / 1000,
		width: 1024,
		height: 1024,
		cpuProf: cfg.cpuProf,
		say,
	};
	const loops = cfg.loopNs.length ? ['b', 'b2'] : [];
	const variants = [
		'node',
		...loops,
		...(cfg.oneByOneNs.length ? ['b3'] : []),
		...(cfg.serialNs.length ? ['node-c'] : []),
	];
	await inOneN8n(ctx, { ...common, dir: path.join(dir, 'main'), variants }, p.main);
	const off = p.off.length || p.queueOff.length ? await withoutLimiter(tgz, dir) : tgz;
	if (p.off.length)
		await inOneN8n(
			ctx,
			{ ...common, tgz: off, dir: path.join(dir, 'off'), variants: ['node'] },
			p.off,
		);
	const queue = { ...common, variants: ['node'], workers: 2 };
	if (p.queue.length) await inOneN8n(ctx, { ...queue, dir: path.join(dir, 'queue') }, p.queue);
	if (p.queueOff.length)
		await inOneN8n(ctx, { ...queue, tgz: off, dir: path.join(dir, 'queue-off') }, p.queueOff);
	if (ctx.skipped.length) say(`n8n homes and logs kept in ${dir}`);
	else fs.rmSync(dir, { recursive: true, force: true });
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
		credits: 1e9, // a full run generates ~1,500 images
		concurrencyCap: cfg.cap,
	});
	const jitter = cfg.jitter
		? setInterval(() => {
				const f = 1 - cfg.jitter + 2 * cfg.jitter * Math.random();
				fake.configure({ latencyMs: Math.round(cfg.latencyMs * f) });
			}, 10)
		: null;
	const base = {
		cap: cfg.cap,
		latencyMs: cfg.latencyMs,
		pollIntervalMs: cfg.pollIntervalMs,
		imageBytes: cfg.imageBytes,
	};
	const ctx = {
		cfg,
		fake,
		base,
		apiKey: API_KEY,
		results: /** @type {any[]} */ ([]),
		skipped: /** @type {string[]} */ ([]),
	};
	const started = Date.now();
	const loadStart = os.loadavg().map((l) => Math.round(l * 10) / 10);
	const why = n8nUnavailable();
	try {
		if (cfg.inProcess || why) await runInProcess(cfg, ctx, say);
		if (why) ctx.skipped.push(`real n8n not run: ${why}`);
		else await realN8n(cfg, ctx);
	} finally {
		if (jitter) clearInterval(jitter);
		await fake.close();
	}
	const { results, skipped } = ctx;
	const targets = judgeTargets(results, cfg);
	const data = {
		date: new Date().toISOString(),
		command: cfg.command,
		machine: machine(),
		loadavgStart: loadStart,
		loadavg: os.loadavg().map((l) => Math.round(l * 10) / 10),
		config: { ...cfg, outDir: undefined, command: undefined, help: undefined, write: undefined },
		n8n: RELEASE.version,
		totalSeconds: Math.round((Date.now() - started) / 1000),
		results,
		targets,
		skipped,
	};
	const mc = data.machine;
	const head =
		`${mc.nproc} cores (${mc.cpu}), ${mc.ramGb} GB RAM, Node ${mc.node}, n8n ${RELEASE.version}; ` +
		`load average ${data.loadavgStart.join(' / ')} at the start, ${data.loadavg.join(' / ')} at the end; latency ${cfg.latencyMs} ms${cfg.jitter ? ` ±${cfg.jitter * 100} %` : ''}, cap ${cfg.cap}, ` +
		`${cfg.imageBytes} B images, poll interval ${cfg.pollIntervalMs / 1000} s; ${data.totalSeconds} s in all`;
	console.log(`\n${cfg.command}\n${head}\n`);
	console.log(report.text(report.scenarioRows(results)));
	console.log(`\n${report.FOOTNOTES.join('\n')}\n`);
	for (const r of results) if (r.note) console.log(`note ${r.label}: ${r.note}`);
	for (const line of skipped) console.log(line);
	console.log(`\ntargets${cfg.quick ? ' (--quick: small sizes, not a measurement)' : ''}:`);
	console.log(report.text(report.targetRows(targets)));

	fs.mkdirSync(cfg.outDir, { recursive: true });
	const jsonFile = path.join(cfg.outDir, 'throughput.json');
	const svgFile = path.join(cfg.outDir, 'throughput.svg');
	fs.writeFileSync(jsonFile, `${JSON.stringify(data, null, 2)}\n`);
	fs.writeFileSync(svgFile, renderSvg(data));
	console.log(`\nwrote ${jsonFile} and ${svgFile}`);
	// --quick is no measurement: it never replaces the tables.
	if (cfg.write && !cfg.quick) {
		const file = path.join(REPO, 'BENCHMARKS.md');
		const intro = `Measured ${data.date.slice(0, 10)} with \`${cfg.command}\`: ${head}.`;
		const notes = results.filter((r) => r.note).map((r) => `- ${r.label}: ${r.note}`);
		report.writeSection(
			file,
			'results',
			[
				intro,
				'',
				report.markdown(report.scenarioRows(results)),
				'',
				report.FOOTNOTES.join('\n'),
				...(notes.length ? ['', ...notes] : []),
				...skipped.map((l) => `\n${l}`),
			].join('\n'),
		);
		report.writeSection(file, 'targets', report.markdown(report.targetRows(targets)));
		// The tables as Prettier lays them out, so that `npm run lint` stays clean after --write.
		spawnSync(process.execPath, [prettierBin, '--write', '--log-level', 'warn', file], {
			stdio: 'inherit',
		});
		console.log('updated BENCHMARKS.md');
	}
	const lost = results.filter(
		(r) => ['a', 'a-inproc', 'c', 'E', 'Q'].includes(r.variant) && r.delivered < r.n,
	);
	for (const r of lost)
		console.error(`FAIL ${r.label}: only ${r.delivered} of ${r.n} images came back`);
	return lost.length ? 1 : 0;
}

main().then(
	(code) => process.exit(code ?? 0),
	(err) => {
		console.error(`bench: ${err instanceof Error ? err.stack : err}`);
		process.exit(2);
	},
);
