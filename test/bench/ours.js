// @ts-check
/** Scenarios (a) and (c): our node in n8n's engine, in a forked child (nodeRun.js), on the shared fake. */
const { fork } = require('node:child_process');
const path = require('node:path');

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
				startedAt: msg.startedAt,
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

module.exports = { runOurNode };
