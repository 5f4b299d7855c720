// @ts-check
/**
 * The queue-mode variant of `bench:executions`: redis, `n8n start` (EXECUTIONS_MODE=queue) and two
 * `n8n worker`s on one n8n home; E webhook calls at once each start one execution of N items, so
 * the executions spread over two processes that share the account but no memory (each worker has
 * its own limiter, which adapts to the other's load through 429s alone).
 */
const fs = require('node:fs');
const path = require('node:path');

const { N8nHome, freePort, withCredential } = require('../e2e/lib/n8n');
const { ensureRedis, startRedis } = require('../e2e/lib/redis');
const { fetchWithTimeout, waitReady } = require('../e2e/lib/wait');
const { treeCpu } = require('./cpu');

const WEBHOOK_PATH = 'bfl-bench-executions';

/** Webhook → Code (N prompts) → the node; the call answers when the execution has finished. */
function webhookWorkflow(/** @type {any} */ base, /** @type {number} */ n) {
	const wf = JSON.parse(JSON.stringify(base));
	wf.id = 'bflBenchQueueE';
	wf.name = 'bench queue executions';
	const [, prompts, bfl] = wf.nodes;
	prompts.parameters.jsCode =
		`const run = $input.first().json.query.run;\nconst items = [];\nfor (let i = 0; i < ${n}; i++) ` +
		`items.push({ json: { prompt: run + ' #' + i + ': a lighthouse at dusk' } });\nreturn items;`;
	const hook = {
		parameters: {
			httpMethod: 'GET',
			path: WEBHOOK_PATH,
			responseMode: 'lastNode',
			responseData: 'allEntries',
			options: {},
		},
		id: 'b1f1be00-0000-4000-8000-00000000e001',
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: 'b1f1be00-0000-4000-8000-00000000e002',
	};
	wf.nodes = [hook, prompts, bfl];
	wf.connections = {
		Webhook: { main: [[{ node: prompts.name, type: 'main', index: 0 }]] },
		[prompts.name]: { main: [[{ node: bfl.name, type: 'main', index: 0 }]] },
	};
	return withCredential(wf);
}

/**
 * @param {{ e: number, n: number }} cfg @param {any} fake @param {string} tgz @param {string} dir
 * @param {{ release: any, apiKey: string, workflow: any, say: (l: string) => void }} ctx
 * @returns {Promise<{ workerJobs: number[], answered: number[], items: number, cpu: { total: number | null, window: number | null }[],
 *   cpuOf: (from: number, to: number) => { total: number, window: number }, logs: string }>}
 */
async function runQueue(cfg, fake, tgz, dir, ctx) {
	/** @type {Array<{ stop: (g?: number) => Promise<void> }>} */
	const stoppers = [];
	try {
		const redisBin = await ensureRedis(ctx.say);
		const redisPort = await freePort();
		stoppers.push(await startRedis(redisBin, redisPort, path.join(dir, 'redis')));
		const home = new N8nHome(ctx.release, dir);
		await home.allocatePorts();
		const queueEnv = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redisPort),
		};
		await home.installPackage(tgz);
		await home.importCredential(fake.apiBase, ctx.apiKey);
		const wf = webhookWorkflow(ctx.workflow, cfg.n);
		await home.importWorkflows([wf]);
		await home.publish(wf.id);
		const main = home.daemon('main', ['start'], queueEnv);
		stoppers.push(main);
		const base = `http://127.0.0.1:${home.port}`;
		const healthy = async () =>
			(await fetchWithTimeout(`${base}/healthz/readiness`, {}, 3000)).status === 200;
		await waitReady(main, healthy, 'n8n main', 180000);
		const daemons = [main];
		for (const k of [1, 2]) {
			const w = home.daemon(`worker${k}`, ['worker', '--concurrency=10'], {
				...queueEnv,
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				N8N_PORT: String(await freePort()),
				QUEUE_HEALTH_CHECK_PORT: String(await freePort()),
			});
			stoppers.push(w);
			daemons.push(w);
			const up = () => /worker is now ready/i.test(fs.readFileSync(w.logFile, 'utf8'));
			await waitReady(w, up, 'n8n worker', 180000);
		}
		fake.resetStats();
		const cpus = daemons.map((d) => treeCpu(/** @type {number} */ (d.child.pid)));
		const answers = await Promise.all(
			Array.from({ length: cfg.e }, async (_, i) => {
				const url = `${base}/webhook/${WEBHOOK_PATH}?run=queue-e${i}`;
				try {
					const res = await fetchWithTimeout(url, {}, 600000);
					const body = await res.json();
					return Array.isArray(body) ? body.filter((it) => it.status === 'Ready').length : 0;
				} catch {
					return 0;
				}
			}),
		);
		const jobs = daemons
			.slice(1)
			.map(
				(w) =>
					(fs.readFileSync(w.logFile, 'utf8').match(/Worker finished execution/g) || []).length,
			);
		return {
			workerJobs: jobs,
			answered: answers,
			items: answers.reduce((a, b) => a + b, 0),
			cpu: [],
			cpuOf: (from, to) =>
				cpus
					.map((c) => c.stop(from, to))
					.reduce(
						(/** @type {{ total: number, window: number }} */ s, c) => ({
							total: s.total + (c.total ?? 0),
							window: s.window + (c.window ?? 0),
						}),
						{
							total: 0,
							window: 0,
						},
					),
			logs: home.logs,
		};
	} finally {
		for (const s of stoppers.reverse()) await s.stop(15000);
	}
}

module.exports = { runQueue };
