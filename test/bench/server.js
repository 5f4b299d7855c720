// @ts-check
/**
 * One real n8n 2.41.1 for the benchmark (the e2e suite's install, used read-only): the packed
 * tarball installed as n8n's installer would, the credentials and the benchmark's workflows
 * imported and published, then `n8n start` once, in regular mode (filesystem binary mode, n8n's
 * default) or in queue mode with redis and `workers` × `n8n worker`. Scenarios call the
 * workflows' webhooks; every scenario of a benchmark runs in the same process(es).
 */
const fs = require('node:fs');
const path = require('node:path');

const { RELEASES, n8nBin, n8nDir, readMarker } = require('../e2e/lib/install');
const { N8nHome, freePort } = require('../e2e/lib/n8n');
const { ensureRedis, startRedis } = require('../e2e/lib/redis');
const { fetchWithTimeout, n8nReady, waitFor, waitReady } = require('../e2e/lib/wait');
const { benchWorkflow, headerCredential, webhookPath } = require('./workflows');

const RELEASE = RELEASES[2];

/** Why real n8n cannot run here, or null when the e2e suite's n8n 2.41.1 is installed. */
function n8nUnavailable() {
	const marker = readMarker(n8nDir(RELEASE));
	if (marker && marker.version === RELEASE.version && fs.existsSync(n8nBin(RELEASE))) return null;
	return `n8n ${RELEASE.version} is not installed in ${n8nDir(RELEASE)} (run \`node test/e2e/install.js 2\` once)`;
}

/**
 * @param {{ dir: string, tgz: string, apiBase: string, apiKey: string, variants: string[],
 *   model: string, pollIntervalS: number, width?: number, height?: number, workers?: number,
 *   cpuProf?: string | null, say: (line: string) => void }} spec
 */
async function startBenchN8n(spec) {
	/** @type {Array<{ stop: (graceMs?: number) => Promise<void> }>} */
	const stoppers = [];
	const stop = async () => {
		for (const s of stoppers.reverse()) await s.stop(15000);
	};
	try {
		const home = new N8nHome(RELEASE, spec.dir);
		await home.allocatePorts();
		await home.installPackage(spec.tgz);
		await home.importCredential(spec.apiBase, spec.apiKey);
		const headerFile = path.join(spec.dir, 'header-credential.json');
		fs.writeFileSync(headerFile, JSON.stringify(headerCredential(spec.apiKey)));
		await home.cliOk(['import:credentials', `--input=${headerFile}`]);
		const workflows = spec.variants.map((variant) => benchWorkflow({ ...spec, variant }));
		await home.importWorkflows(workflows);
		for (const wf of workflows) await home.publish(wf.id);
		/** @type {NodeJS.ProcessEnv} */
		let env = {};
		if (spec.cpuProf) {
			fs.mkdirSync(spec.cpuProf, { recursive: true });
			env.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${spec.cpuProf}`;
		}
		if (spec.workers) {
			const redisPort = await freePort();
			const redisBin = await ensureRedis(spec.say);
			stoppers.push(await startRedis(redisBin, redisPort, path.join(spec.dir, 'redis')));
			env = {
				...env,
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(redisPort),
			};
		}
		const main = home.daemon('main', ['start'], env);
		stoppers.push(main);
		const base = `http://127.0.0.1:${home.port}`;
		await waitReady(main, () => n8nReady(base), 'n8n main', 240000);
		const daemons = [main];
		for (let k = 1; k <= (spec.workers ?? 0); k++) {
			const w = await home.worker(`worker${k}`, 10, env);
			stoppers.push(w);
			daemons.push(w);
			await waitReady(w, w.isReady, 'n8n worker', 240000);
		}
		/** Calls a variant's webhook; resolves with the items it answered (or an error text). */
		const call = async (
			/** @type {string} */ variant,
			/** @type {number} */ n,
			/** @type {string} */ run,
			timeoutMs = 600000,
		) => {
			const url = `${base}/webhook/${webhookPath(variant)}?n=${n}&run=${encodeURIComponent(run)}`;
			try {
				const res = await fetchWithTimeout(url, {}, timeoutMs);
				const text = await res.text();
				return { status: res.status, text, at: Date.now() };
			} catch (err) {
				return { status: 0, text: String(err), at: Date.now() };
			}
		};
		// Published webhooks answer 404 until n8n has registered them; n=0 runs nothing.
		for (const variant of spec.variants) {
			const ok = await waitFor(
				async () => (await call(variant, 0, 'probe', 30000)).status === 200,
				120000,
				1000,
			);
			if (!ok) throw new Error(`the ${variant} webhook never answered (log ${main.logFile})`);
		}
		return {
			home,
			call,
			stop,
			pids: daemons.map((d) => /** @type {number} */ (d.child.pid)),
			/** Where the filesystem binary mode stores binaries (unused in queue mode). */
			storage: spec.workers ? null : path.join(home.home, '.n8n', 'storage'),
			workerLogs: daemons.slice(1).map((d) => d.logFile),
		};
	} catch (err) {
		await stop();
		throw err;
	}
}

module.exports = { startBenchN8n, n8nUnavailable, RELEASE };
