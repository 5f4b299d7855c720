// @ts-check
'use strict';

/**
 * Queue mode: redis + `n8n start` (EXECUTIONS_MODE=queue) + two `n8n worker`s sharing one user folder and SQLite
 * file. The webhook workflow from examples/07 is published, then hit 10 times at once; every response must be
 * the image the simulator served, and both workers must have run jobs. Binary data defaults to database mode in
 * queue mode, so the image crosses from a worker to the main process through the database. Then examples
 * 08a/08b (webhookCompletion.js): the Black Forest Labs Trigger answers in main, its execution runs on a worker.
 */

const fs = require('node:fs');
const path = require('node:path');
const { N8nHome, freePort, withCredential } = require('./n8n');
const { loadExample } = require('./examples');
const { ensureRedis, startRedis } = require('./redis');
const { fetchWithTimeout, n8nReady, waitFor, waitReady } = require('./wait');
const { countDatabaseBinaries } = require('./db');
const { editorSmoke } = require('./editor');
const { webhookWorkflows, exerciseWebhookCompletion } = require('./webhookCompletion');
const { startFakeBfl, sniffImage } = require('../../fake-bfl');

const WORKFLOW_FILE = '07-webhook-generate.json';
const REQUESTS = 10;
const WORKER_CONCURRENCY = 5; // 10 requests at once cannot all fit one worker

/**
 * @param {{ release: import('./cache').N8nRelease, dir: string, tgz: string, say: (l: string) => void,
 *           check: (name: string, ok: boolean, detail: string) => void }} opts
 */
async function runQueueMode({ release, dir, tgz, say, check }) {
	const label = `[${release.version} queue]`;
	const apiKey = 'e2e-queue-key';
	/** @type {Array<{ stop: (g?: number) => Promise<void> }>} */
	const stoppers = [];
	const fake = await startFakeBfl({ apiKey, latencyMs: 1500 });
	try {
		const redisBin = await ensureRedis(say);
		const redisPort = await freePort();
		const redis = await startRedis(redisBin, redisPort, path.join(dir, 'redis'));
		stoppers.push(redis);
		check(`${label} redis-server up`, true, `127.0.0.1:${redisPort}, no persistence`);

		const home = new N8nHome(release, dir);
		await home.allocatePorts();
		const queueEnv = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redisPort),
		};
		await home.installPackage(tgz);
		await home.importCredential(fake.apiBase, apiKey);
		const workflow = withCredential(loadExample(WORKFLOW_FILE));
		const hook = webhookWorkflows(home);
		await home.importWorkflows([workflow, hook.generate, hook.trigger, hook.video]);
		await home.publish(workflow.id);
		await home.publish(hook.trigger.id);
		check(
			`${label} webhook workflows imported and published`,
			true,
			`${workflow.id}, ${hook.trigger.id}`,
		);

		const main = home.daemon('main', ['start'], queueEnv);
		stoppers.push(main);
		const base = `http://127.0.0.1:${home.port}`;
		await waitReady(main, () => n8nReady(base), 'n8n main', 180000);

		/** @type {Array<Awaited<ReturnType<N8nHome['worker']>>>} */
		const workers = [];
		for (const n of [1, 2]) {
			const w = await home.worker(`worker${n}`, WORKER_CONCURRENCY, queueEnv);
			stoppers.push(w);
			workers.push(w);
		}
		for (const w of workers) {
			await waitReady(w, w.isReady, 'n8n worker', 180000);
		}
		check(`${label} main and 2 workers ready`, true, `main on :${home.port}`);

		for (const [name, ok, detail] of await editorSmoke(base, fake.apiBase, apiKey))
			check(`${label} ${name}`, ok, detail);

		const started = Date.now();
		const prompts = Array.from(
			{ length: REQUESTS },
			(_, i) => `queue request ${i}: a lighthouse at dawn`,
		);
		const responses = await Promise.all(
			prompts.map(async (prompt) => {
				try {
					const res = await fetchWithTimeout(
						`${base}/webhook/bfl-generate?prompt=${encodeURIComponent(prompt)}`,
						{},
						150000,
					);
					return {
						prompt,
						status: res.status,
						type: res.headers.get('content-type') || '',
						body: Buffer.from(await res.arrayBuffer()),
					};
				} catch (err) {
					return {
						prompt,
						status: 0,
						type: '',
						body: Buffer.from(String(err && /** @type {Error} */ (err).message)),
					};
				}
			}),
		);
		const seconds = ((Date.now() - started) / 1000).toFixed(1);
		const problems = [];
		for (const r of responses) {
			const task = [...fake.tasks.values()].find((t) => t.prompt === r.prompt);
			const served = task ? fake.imageFor(task.id) : null;
			if (r.status !== 200)
				problems.push(`"${r.prompt}": HTTP ${r.status} ${r.body.toString().slice(0, 200)}`);
			else if (!/^image\//.test(r.type) || !sniffImage(r.body))
				problems.push(`"${r.prompt}": ${r.type}, not an image`);
			else if (!served || !r.body.equals(served))
				problems.push(`"${r.prompt}": bytes differ from the served image`);
		}
		check(
			`${label} ${REQUESTS} concurrent webhook calls return the generated images`,
			problems.length === 0,
			problems.slice(0, 3).join('; ') ||
				`${REQUESTS} valid images byte-identical to the served ones in ${seconds} s`,
		);

		// both workers must have run jobs: count their "finished execution" lines
		const counts = await waitFor(
			() => {
				const c = workers.map(
					(w) =>
						(fs.readFileSync(w.logFile, 'utf8').match(/Worker finished execution/g) || []).length,
				);
				return c.reduce((a, b) => a + b, 0) >= REQUESTS ? c : null;
			},
			15000,
			500,
		);
		const finalCounts =
			counts ||
			workers.map(
				(w) =>
					(fs.readFileSync(w.logFile, 'utf8').match(/Worker finished execution/g) || []).length,
			);
		check(
			`${label} both workers executed jobs`,
			finalCounts.every((c) => c > 0) && finalCounts.reduce((a, b) => a + b, 0) >= REQUESTS,
			`worker1 finished ${finalCounts[0]}, worker2 finished ${finalCounts[1]} (logs in ${home.logs})`,
		);
		const mainLog = fs.readFileSync(main.logFile, 'utf8');
		const enqueued = (mainLog.match(/Enqueued execution/g) || []).length;
		check(
			`${label} main enqueued the executions`,
			enqueued >= REQUESTS,
			`${enqueued} "Enqueued execution" lines in the main log`,
		);
		const rows = await countDatabaseBinaries(release, home.home);
		check(
			`${label} binaries went through the database (queue mode's binary data mode)`,
			typeof rows === 'number' && rows >= REQUESTS,
			typeof rows === 'number' ? `${rows} rows in the binary_data table` : String(rows),
		);
		// examples 08a/08b: the trigger answers in main, its execution runs on a worker
		const check08 = (
			/** @type {string} */ name,
			/** @type {boolean} */ ok,
			/** @type {string} */ detail,
		) => check(`${label} ${name}`, ok, detail);
		try {
			const runs = await exerciseWebhookCompletion({
				home,
				fake,
				apiKey,
				hook,
				say,
				check: check08,
				logFile: main.logFile,
				label,
			});
			const id = runs.length ? runs[0].id : 'none';
			const finished = new RegExp(`Worker finished execution ${id} `);
			const ranOn = () => workers.map((w) => finished.test(fs.readFileSync(w.logFile, 'utf8')));
			const on = (await waitFor(() => ranOn().some(Boolean) && ranOn(), 10000)) || ranOn();
			check08(
				'08b trigger: its execution ran on a worker',
				on.some(Boolean),
				`execution ${id}: ${on.map((yes, n) => `worker${n + 1} ${yes ? 'finished it' : '-'}`).join(', ')}`,
			);
		} catch (err) {
			check08('08 webhook completion', false, String(err && /** @type {Error} */ (err).message));
		}
		const leaks = fake.stats().keyLeaks;
		check(
			`${label} API key never sent off the API hosts`,
			leaks.length === 0,
			leaks.length ? JSON.stringify(leaks.slice(0, 3)) : 'no leaks',
		);
	} finally {
		for (const s of stoppers.reverse()) await s.stop(15000);
		await fake.close();
	}
}

module.exports = { runQueueMode };
