// @ts-check
/**
 * `npm run bench`: the Black Forest Labs node against the workflows users build without it, and
 * several executions at once, all in real n8n 2.41.1 against the offline BFL simulator (latency,
 * BFL's cap of 24 in flight, real JPEG bytes). One n8n (filesystem binary mode) is started once
 * for (a), (b1), (b2), (b3), (c) and E executions at once; a second one with the no-limiter build
 * for E without the limiter; then queue mode (redis, main, 2 workers) with and without it. The
 * video row (V) runs last in the first n8n: one 512 MB MP4 streamed into binary storage.
 * Prints every scenario side by side and the issue's targets (never asserted), writes JSON and an
 * SVG chart. Exits 1 only when our node, with the limiter, lost images (a correctness failure).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { parseArgs, USAGE } = require('./args');
const { startFakeBfl } = require('../fake-bfl');
const { n8nUnavailable, RELEASE } = require('./server');
const { realN8n } = require('./runAll');
const { runInProcess } = require('./ours');
const { judgeTargets } = require('./measure');
const report = require('./report');
const { videoRows, videoTargets } = require('./video');
const { renderSvg } = require('./svg');
const { prettierBin } = require('../../scripts/prettier');

const REPO = path.resolve(__dirname, '..', '..');
const API_KEY = `bench-${Math.random().toString(36).slice(2)}-key`;
const say = (/** @type {string} */ line) => process.stderr.write(`bench: ${line}\n`);

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

async function main() {
	const cfg = parseArgs(process.argv.slice(2));
	if (cfg.help) return void console.log(USAGE);
	if (!fs.existsSync(path.join(REPO, 'dist', 'nodes', 'Bfl', 'Bfl.node.js')))
		throw new Error('dist/ is missing: run `npm run build` first (npm run bench does)');
	const fake = await startFakeBfl({
		apiKey: API_KEY,
		latencyMs: cfg.latencyMs,
		imageBytes: cfg.imageBytes,
		videoBytes: cfg.videoBytes,
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
		trace: cfg.trace,
	};
	const ctx = {
		cfg,
		fake,
		base,
		apiKey: API_KEY,
		results: /** @type {any[]} */ ([]),
		skipped: /** @type {string[]} */ ([]),
		/** Each queue-mode run's submits per worker while both had work (null: one worker only). */
		shares: /** @type {any[]} */ ([]),
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
	const targets = [...judgeTargets(results, cfg), ...videoTargets(results)];
	const video = videoRows(results);
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
	const rows = report.scenarioRows(results);
	if (rows.length > 1) console.log(`${report.text(rows)}\n\n${report.FOOTNOTES.join('\n')}\n`);
	if (video.length > 1) console.log(`${report.text(video)}\n`);
	for (const r of results) if (r.note) console.log(`note ${r.label}: ${r.note}`);
	for (const line of skipped) console.log(line);
	console.log(`\ntargets${cfg.quick ? ' (--quick: small sizes, not a measurement)' : ''}:`);
	console.log(report.text(report.targetRows(targets, { judged: !cfg.quick })));

	if (cfg.outDir) {
		fs.mkdirSync(cfg.outDir, { recursive: true });
		// The video alone has no chart, and its JSON does not replace a whole run's.
		const name = rows.length > 1 ? 'throughput' : 'video';
		const jsonFile = path.join(cfg.outDir, `${name}.json`);
		fs.writeFileSync(jsonFile, `${JSON.stringify(data, null, 2)}\n`);
		const svgFile = path.join(cfg.outDir, 'throughput.svg');
		if (rows.length > 1) fs.writeFileSync(svgFile, renderSvg(data));
		console.log(`\nwrote ${jsonFile}${rows.length > 1 ? ` and ${svgFile}` : ''}`);
	}
	// --quick is no measurement: it never replaces the tables.
	if (cfg.write && !cfg.quick) {
		const file = path.join(REPO, 'BENCHMARKS.md');
		const intro = `Measured ${data.date.slice(0, 10)} with \`${cfg.command}\`: ${head}.`;
		const notes = results.filter((r) => r.note).map((r) => `- ${r.label}: ${r.note}`);
		// A run of the video alone (--only V) leaves the scenario and target tables as they are.
		if (rows.length > 1) {
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
		}
		if (video.length > 1)
			report.writeSection(file, 'video', `${intro}\n\n${report.markdown(video)}`);
		// The tables as Prettier lays them out, so that `npm run lint` stays clean after --write.
		spawnSync(process.execPath, [prettierBin, '--write', '--log-level', 'warn', file], {
			stdio: 'inherit',
		});
		console.log('updated BENCHMARKS.md');
	}
	const lost = results.filter(
		(r) => ['a', 'a-inproc', 'c', 'E', 'Q', 'V'].includes(r.variant) && r.delivered < r.n,
	);
	for (const r of lost)
		console.error(
			`FAIL ${r.label}: only ${r.delivered} of ${r.n} images came back${r.note ? ` (${r.note})` : ''}`,
		);
	return lost.length ? 1 : 0;
}

main().then(
	(code) => process.exit(code ?? 0),
	(err) => {
		console.error(`bench: ${err instanceof Error ? err.stack : err}`);
		process.exit(2);
	},
);
