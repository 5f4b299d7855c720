// @ts-check
/**
 * The in-process harness, for profiling only: our node in n8n-core's WorkflowExecute in a forked
 * child (nodeRun.js), binaries in memory as base64. Not what users run; the benchmark's figures are
 * real n8n (server.js), and rows from here are labelled as the harness.
 */
const { fork } = require('node:child_process');
const path = require('node:path');

const { summarize } = require('./measure');

/**
 * @param {any} fake the running fake BFL (shared by every scenario)
 * @param {{ apiKey: string, n: number, prefix: string, pollIntervalMs: number, concurrency?: number,
 *   model: string, timeoutMs: number, width?: number, height?: number }} job
 * @returns {Promise<import('./measure').Measured>}
 */
function runOurNode(fake, job) {
	return new Promise((resolve, reject) => {
		const child = fork(path.join(__dirname, 'nodeRun.js'), [], {
			execArgv: ['--expose-gc'],
			stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
		});
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`${job.prefix}: no result within ${job.timeoutMs / 1000} s`));
		}, job.timeoutMs);
		child.on('message', (/** @type {any} */ msg) => {
			if (msg.warmedUp) {
				fake.resetStats();
				child.send('go');
				return;
			}
			clearTimeout(timer);
			if (msg.error) return reject(new Error(`${job.prefix}: ${msg.error}`));
			resolve({
				n: job.n,
				wallMs: msg.wallMs,
				delivered: msg.withBinary,
				failed: job.n - msg.withBinary,
				attachedAt: msg.attachedAt,
				rssPeakMb: Math.round(msg.rssPeak / 1048576),
				rssGrowthMb: Math.round((msg.rssPeak - msg.rssBaseline) / 1048576),
				note: msg.firstError ? `first error: ${String(msg.firstError).slice(0, 160)}` : undefined,
			});
		});
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`${job.prefix}: the runner exited (${code}) without a result`));
		});
		child.send({
			apiBase: fake.apiBase,
			apiKey: job.apiKey,
			n: job.n,
			prefix: job.prefix,
			pollIntervalS: job.pollIntervalMs / 1000,
			concurrency: job.concurrency,
			model: job.model,
			width: job.width,
			height: job.height,
		});
	});
}

/**
 * (a) at every --n in the harness, appended to ctx.results.
 * @param {{ ns: number[], pollIntervalMs: number, model: string, latencyMs: number }} cfg
 * @param {{ fake: any, base: any, apiKey: string, results: any[] }} ctx @param {(line: string) => void} say
 */
async function runInProcess(cfg, ctx, say) {
	const { fake } = ctx;
	for (const n of cfg.ns) {
		say(`(a) in the in-process harness (profiling), N=${n}`);
		const prefix = `bench-inproc-${n}`;
		const m = await runOurNode(fake, {
			apiKey: ctx.apiKey,
			n,
			prefix,
			pollIntervalMs: cfg.pollIntervalMs,
			model: cfg.model,
			width: 1024,
			height: 1024,
			timeoutMs: Math.max(120_000, n * cfg.latencyMs * 3),
		});
		const scenario = {
			...ctx.base,
			label: `(a) in-process N=${n}`,
			variant: 'a-inproc',
			prefixes: [prefix],
		};
		ctx.results.push({ ...summarize(scenario, m, fake.stats(), fake.tasks), executions: 1 });
		const deadline = Date.now() + cfg.latencyMs * 6 + 5000;
		while (fake.stats().inFlight > 0 && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

module.exports = { runOurNode, runInProcess };
