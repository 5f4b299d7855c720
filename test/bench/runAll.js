// @ts-check
/**
 * The real-n8n part of `npm run bench`: which scenarios run in which n8n, in what order. One n8n
 * (filesystem binary mode) for (a), (b1), (b2), (b3), (c), E with the limiter and, last so that
 * its memory does not count in the others' rows, the video (V); a second one
 * with the no-limiter build for E without it; then queue mode (redis, main, 2 workers) with the
 * limiter and without it. Each n8n is started once and stopped after its scenarios.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { buildAndPack } = require('../e2e/lib/pack');
const { installExitHooks } = require('../e2e/lib/proc');
const { withoutLimiter } = require('./noLimiter');
const { scenarioTasks } = require('./measure');
const { prefixesOf, runScenario, traceName } = require('./scenario');
const { duplicateSubmits } = require('./retryLoop');
const { describeShares, workerShares } = require('./shares');
const { startBenchN8n, RELEASE } = require('./server');
const { runVideo } = require('./video');

const say = (/** @type {string} */ line) => process.stderr.write(`bench: ${line}\n`);

/** Waits until the simulator has nothing in flight, so one scenario does not slow the next. */
async function drained(/** @type {any} */ fake, /** @type {number} */ latencyMs) {
	const deadline = Date.now() + latencyMs * 6 + 5000;
	while (fake.stats().inFlight > 0 && Date.now() < deadline)
		await new Promise((resolve) => setTimeout(resolve, 50));
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
				const r =
					p.variant === 'V'
						? await runVideo(server, fake, { ...p, videoBytes: cfg.videoBytes })
						: await runScenario(server, fake, { ...p, ...ctx.base });
				if (p.variant === 'b4') {
					const paidTwice = duplicateSubmits(scenarioTasks(fake.tasks, prefixesOf(p)));
					Object.assign(r, { duplicateSubmits: paidTwice });
					r.note = `${r.note ? `${r.note}; ` : ''}duplicate paid submits ${paidTwice}`;
				}
				const jobs = server.workerLogs.map((file, i) => jobsIn(file) - jobsBefore[i]);
				// Beside the trace, the worker logs say which worker ran which execution (trace.js).
				if (cfg.trace)
					server.workerLogs.forEach((file, i) =>
						fs.copyFileSync(file, path.join(cfg.trace, `${traceName(r, prefixesOf(p))}-w${i}.log`)),
					);
				if (jobs.length) {
					const shares = workerShares(scenarioTasks(fake.tasks, prefixesOf(p)), server.workerLogs);
					ctx.shares.push(shares);
					Object.assign(r, { workerShares: shares ? shares.shares : null });
					r.note = `${r.note ? `${r.note}; ` : ''}executions per worker ${jobs.join(' / ')}; submits per worker while both had work ${describeShares(shares)}`;
					say(`  ${p.label}: per worker while both had work ${describeShares(shares)}`);
				}
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

/** (V): one video generation, its MP4 of --video-bytes. @param {ReturnType<typeof import('./args').parseArgs>} cfg */
const video = (cfg) => ({
	key: 'V',
	label: `(V) one ${Math.round(cfg.videoBytes / 1048576)} MB MP4 into binary storage`,
	variant: 'V',
	workflow: 'video',
	n: 1,
	executions: 1,
	timeoutMs: 600000,
});

/** @param {ReturnType<typeof import('./args').parseArgs>} cfg */
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
	const only = cfg.only;
	/** @template {{ key: string }} T @param {T[]} list @returns {T[]} */
	const wanted = (list) =>
		only ? list.filter((p) => only.includes(p.key.replace(/#\d+$/, ''))) : list;
	const queueRuns = Array.from({ length: cfg.queueRuns }, (_, k) => {
		const run = e('Q', `queue mode, with the limiter${cfg.queueRuns > 1 ? `, run ${k + 1}` : ''}`);
		return k ? { ...run, key: `Q#${k + 1}` } : run;
	});
	const all = {
		main: [
			...cfg.ns.map((n) => one('a', 'node', n, '(a)')),
			...cfg.loopNs.map((n) => one('b', 'b', n, '(b1)')),
			...cfg.loopNs.map((n) => one('b2', 'b2', n, '(b2)')),
			...cfg.retryNs.map((n) => one('b4', 'b4', n, '(b4)')),
			...cfg.oneByOneNs.map((n) => one('b3', 'b3', n, '(b3)')),
			...cfg.serialNs.map((n) => one('c', 'node-c', n, '(c)')),
			...(cfg.executions ? [e('E', 'one n8n, with the limiter')] : []),
			...(cfg.video ? [video(cfg)] : []),
		],
		off: cfg.executions && cfg.off ? [e('E-off', 'one n8n, without the limiter')] : [],
		queue: cfg.queue ? queueRuns : [],
		queueOff: cfg.queue && cfg.off ? [e('Q-off', 'queue mode, without the limiter')] : [],
	};
	return {
		main: wanted(all.main),
		off: wanted(all.off),
		queue: wanted(all.queue),
		queueOff: wanted(all.queueOff),
	};
}

/** @param {ReturnType<typeof import('./args').parseArgs>} cfg @param {any} ctx */
async function realN8n(cfg, ctx) {
	installExitHooks();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-bfl-bench-'));
	const { tgz } = await buildAndPack({ outDir: dir, build: false, say });
	const p = plans(cfg);
	const common = {
		tgz,
		apiBase: ctx.fake.apiBase,
		apiKey: ctx.apiKey,
		model: cfg.model,
		pollIntervalS: cfg.pollIntervalMs / 1000,
		latencyMs: cfg.latencyMs,
		width: 1024,
		height: 1024,
		videoBytes: cfg.videoBytes,
		cpuProf: cfg.cpuProf,
		say,
	};
	const loops = [...(cfg.loopNs.length ? ['b', 'b2'] : []), ...(cfg.retryNs.length ? ['b4'] : [])];
	const variants = [
		'node',
		...loops,
		...(cfg.oneByOneNs.length ? ['b3'] : []),
		...(cfg.serialNs.length ? ['node-c'] : []),
		...(p.main.some((s) => s.variant === 'V') ? ['video'] : []),
	];
	if (p.main.length)
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
	const measured = ctx.shares.filter(Boolean);
	if (measured.length > 1) {
		const lower = measured.map((/** @type {any} */ s) => Math.min(...s.shares));
		const mean =
			lower.reduce((/** @type {number} */ a, /** @type {number} */ b) => a + b, 0) / lower.length;
		say(
			`queue mode over ${ctx.shares.length} runs: the smaller worker's share while both had work ` +
				`${lower.map((/** @type {number} */ x) => `${Math.round(x * 100)} %`).join(', ')}; mean ${Math.round(mean * 100)} %` +
				(measured.length < ctx.shares.length
					? `; ${ctx.shares.length - measured.length} runs had one worker only`
					: ''),
		);
	}
	if (p.queueOff.length)
		await inOneN8n(ctx, { ...queue, tgz: off, dir: path.join(dir, 'queue-off') }, p.queueOff);
	if (ctx.skipped.length) say(`n8n homes and logs kept in ${dir}`);
	else fs.rmSync(dir, { recursive: true, force: true });
}

module.exports = { realN8n, drained };
