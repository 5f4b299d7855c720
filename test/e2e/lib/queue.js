// @ts-check
'use strict';

/**
 * Queue mode: redis + `n8n start` (EXECUTIONS_MODE=queue) + two `n8n worker`s sharing one user folder and SQLite
 * file. The webhook workflow from examples/07 is published, then hit 10 times at once; every response must be
 * the image the simulator served, and both workers must have run jobs. Binary data defaults to database mode in
 * queue mode, so the image crosses from a worker to the main process through the database.
 */

const fs = require('node:fs');
const path = require('node:path');
const { N8nHome, freePort, withCredential, CREDENTIAL_ID, CREDENTIAL_NAME } = require('./n8n');
const { loadExample } = require('./examples');
const { ensureRedis, startRedis } = require('./redis');
const { fetchWithTimeout, waitFor, waitReady, run } = require('./proc');
const { n8nDir, n8nEnv } = require('./install');
const { startFakeBfl, sniffImage } = require('../../fake-bfl');

const WORKFLOW_FILE = '07-webhook-generate.json';
const REQUESTS = 10;
const WORKER_CONCURRENCY = 5; // 10 requests at once cannot all fit one worker

/**
 * @param {{ release: import('./install').N8nRelease, dir: string, tgz: string, say: (l: string) => void,
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
		await home.importWorkflows([workflow]);
		const publish =
			release.key === '1'
				? ['update:workflow', `--id=${workflow.id}`, '--active=true']
				: ['publish:workflow', `--id=${workflow.id}`];
		await home.cliOk(publish);
		check(`${label} webhook workflow imported and published`, true, workflow.id);

		const main = home.daemon('main', ['start'], queueEnv);
		stoppers.push(main);
		const base = `http://127.0.0.1:${home.port}`;
		const healthy = async () =>
			(await fetchWithTimeout(`${base}/healthz/readiness`, {}, 3000)).status === 200;
		await waitReady(main, healthy, 'n8n main', 180000);

		/** @type {Array<ReturnType<N8nHome['daemon']>>} */
		const workers = [];
		for (const n of [1, 2]) {
			const w = home.daemon(`worker${n}`, ['worker', `--concurrency=${WORKER_CONCURRENCY}`], {
				...queueEnv,
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				N8N_PORT: String(await freePort()),
				QUEUE_HEALTH_CHECK_PORT: String(await freePort()),
			});
			stoppers.push(w);
			workers.push(w);
		}
		for (const w of workers) {
			const up = () => /worker is now ready/i.test(fs.readFileSync(w.logFile, 'utf8'));
			await waitReady(w, up, 'n8n worker', 180000);
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

/**
 * What the editor needs from the package, through n8n's REST API: an owner account, the node types (node and its
 * AI-tool variant) with icons that load, and the credential test (GET /v1/credits) passing with the right key
 * and failing with a wrong one.
 * The editor sends every field of the form, as here.
 * @param {string} base @param {string} apiBase @param {string} apiKey
 * @returns {Promise<Array<[string, boolean, string]>>}
 */
async function editorSmoke(base, apiBase, apiKey) {
	/** @type {Array<[string, boolean, string]>} */
	const checks = [];
	const json = { 'content-type': 'application/json' };
	const setup = await fetchWithTimeout(`${base}/rest/owner/setup`, {
		method: 'POST',
		headers: json,
		body: JSON.stringify({
			email: 'e2e@example.com',
			firstName: 'E2e',
			lastName: 'Owner',
			password: 'E2e-passw0rd',
		}),
	});
	const cookie = (setup.headers.get('set-cookie') || '').split(';')[0];
	checks.push([
		'editor: owner account set up',
		setup.status === 200 && Boolean(cookie),
		`HTTP ${setup.status}`,
	]);
	if (!cookie) return checks;
	const auth = { cookie };
	const types = await (
		await fetchWithTimeout(`${base}/types/nodes.json`, { headers: auth }, 30000)
	).json();
	const ours = Array.isArray(types)
		? types.filter((t) => String(t.name).startsWith('n8n-nodes-bfl.'))
		: [];
	const node = ours.find((t) => t.name === 'n8n-nodes-bfl.bfl');
	const iconPaths = node && node.iconUrl ? Object.values(node.iconUrl) : [];
	const icons = await Promise.all(
		iconPaths.map(async (p) => {
			const r = await fetchWithTimeout(`${base}/${p}`, { headers: auth });
			return r.status === 200 && /svg/.test(r.headers.get('content-type') || '');
		}),
	);
	checks.push([
		'editor: node types listed with loadable icons',
		Boolean(node) &&
			ours.some((t) => t.name === 'n8n-nodes-bfl.bflTool') &&
			icons.length > 0 &&
			icons.every(Boolean),
		`${ours.map((t) => t.name).join(', ') || 'none'}; ${icons.filter(Boolean).length}/${icons.length} icons served`,
	]);
	/** @param {string} key */
	const testCredential = async (key) => {
		const res = await fetchWithTimeout(`${base}/rest/credentials/test`, {
			method: 'POST',
			headers: { ...json, ...auth },
			body: JSON.stringify({
				credentials: {
					id: CREDENTIAL_ID,
					name: CREDENTIAL_NAME,
					type: 'bflApi',
					data: { apiKey: key, region: 'custom', baseUrl: apiBase, finetuneRegion: 'auto' },
				},
			}),
		});
		/** @type {any} */
		const body = await res.json().catch(() => ({}));
		return body && body.data ? `${body.data.status}: ${body.data.message}` : `HTTP ${res.status}`;
	};
	const good = await testCredential(apiKey);
	const bad = await testCredential('wrong-key');
	checks.push([
		'editor: credential test passes with the key, fails without it',
		good.startsWith('OK') && bad.startsWith('Error'),
		`right key → ${good}; wrong key → ${bad}`,
	]);
	return checks;
}

/**
 * Rows in n8n's binary_data table, read with n8n's own sqlite3 module (an error text when that fails).
 * @param {import('./install').N8nRelease} release @param {string} userFolder
 */
async function countDatabaseBinaries(release, userFolder) {
	const db = path.join(userFolder, '.n8n', 'database.sqlite');
	const script =
		"const s = require('sqlite3'); const db = new s.Database(process.argv[1], s.OPEN_READONLY);" +
		"db.get('select count(*) as c from binary_data', (e, r) => { console.log(e ? 'error: ' + e.message : r.c); db.close(); });";
	const r = await run('node', ['-e', script, db], {
		cwd: n8nDir(release),
		env: n8nEnv(release),
		timeoutMs: 30000,
	});
	const out = r.stdout.trim();
	return /^\d+$/.test(out)
		? Number(out)
		: `could not read ${db}: ${out || r.stderr.trim().slice(0, 200)}`;
}

module.exports = { runQueueMode };
