// @ts-check
/**
 * `npm run bench:executions`: E executions of N items started together in ONE real n8n 2.41.1
 * (default filesystem binary mode), against the offline BFL simulator with its cap of 24, once with
 * the account limiter and once without it (the same packed build with the limiter's slots turned
 * off in a copy of dist/). Each variant gets its own n8n home; n8n runs `execute-batch
 * --concurrency=E`. Wall time is the simulator's view (first submit → last image download), so
 * n8n's start-up is not counted. CPU time is measured separately for the n8n process tree
 * (/proc) and for this process, which hosts the simulator.
 *
 * Results go to a temp folder unless --write (then test/bench/results/executions.json and the
 * BENCHMARKS.md section between the bench:executions markers). Timings are never asserted; the
 * exit code is 1 only when the limiter variant lost images.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { RELEASES, n8nBin, n8nDir, readMarker } = require('../e2e/lib/install');
const { N8nHome } = require('../e2e/lib/n8n');
const { buildAndPack, REPO } = require('../e2e/lib/pack');
const { installExitHooks } = require('../e2e/lib/proc');
const { startFakeBfl } = require('../fake-bfl');
const { treeCpu } = require('./cpu');
const { runQueue } = require('./queueScenario');
const { workflow, withoutLimiter } = require('./executionsSetup');
const { executionsTable, writeExecutionsSection } = require('./executionsReport');

const RELEASE = RELEASES[2];
const API_KEY = `bench-e-${Math.random().toString(36).slice(2)}-key`;
const say = (/** @type {string} */ line) => process.stderr.write(`bench:executions: ${line}\n`);

function parseArgs(/** @type {string[]} */ argv) {
	const cfg = {
		e: 4,
		n: 48,
		latencyMs: 2000,
		imageBytes: 1048576,
		pollInterval: 1,
		cap: 24,
		write: false,
		variants: ['limiter', 'no-limiter', 'queue-limiter', 'queue-no-limiter'],
		outDir: path.join(os.tmpdir(), 'n8n-nodes-bfl-bench'),
	};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const next = () => argv[++i];
		if (a === '--e') cfg.e = Number(next());
		else if (a === '--n') cfg.n = Number(next());
		else if (a === '--latency') cfg.latencyMs = Number(next());
		else if (a === '--image-bytes') cfg.imageBytes = Number(next());
		else if (a === '--poll-interval') cfg.pollInterval = Number(next());
		else if (a === '--only') cfg.variants = [next()];
		else if (a === '--write') cfg.write = true;
		else if (a === '--quick')
			Object.assign(cfg, { e: 2, n: 12, latencyMs: 300, imageBytes: 65536 });
		else throw new Error(`unknown flag ${a}`);
	}
	return cfg;
}

/**
 * @param {ReturnType<typeof parseArgs>} cfg @param {any} fake @param {string} tgz
 * @param {string} variant @param {string} dir
 */
async function runVariant(cfg, fake, tgz, variant, dir) {
	const home = new N8nHome(RELEASE, path.join(dir, variant));
	await home.allocatePorts();
	await home.installPackage(tgz);
	await home.importCredential(fake.apiBase, API_KEY);
	const ids = Array.from(
		{ length: cfg.e },
		(_, i) => `bflBenchE${variant === 'limiter' ? 'L' : 'N'}${i}`,
	);
	const prefix = (/** @type {number} */ i) => `bench-${variant}-e${i}`;
	await home.importWorkflows(ids.map((id, i) => workflow(id, cfg.n, prefix(i), cfg.pollInterval)));
	const snapDir = path.join(home.dir, 'snapshots');
	fs.mkdirSync(snapDir, { recursive: true });
	fake.resetStats();
	const cpuBefore = process.cpuUsage();
	const daemon = home.daemon('execute-batch', [
		'execute-batch',
		`--ids=${ids.join(',')}`,
		`--concurrency=${cfg.e}`,
		`--snapshot=${snapDir}`,
		`--output=${path.join(home.dir, 'summary.json')}`,
		'--shortOutput',
		'--retries=0',
	]);
	const cpu = treeCpu(/** @type {number} */ (daemon.child.pid));
	await daemon.exited;
	const used = process.cpuUsage(cpuBefore);
	let delivered = 0;
	for (const id of ids) {
		const file = path.join(snapDir, `${id}-snapshot.json`);
		const snapshot = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
		const items =
			snapshot?.data?.resultData?.runData?.['Generate Image']?.[0]?.data?.main?.[0] ?? [];
		delivered += items.filter((/** @type {any} */ it) => it.binary?.data).length;
	}
	return measure(cfg, variant, fake, delivered, (from, to) => cpu.stop(from, to), used);
}

/**
 * The row of one variant, from the simulator's log.
 * @param {ReturnType<typeof parseArgs>} cfg @param {string} variant @param {any} fake
 * @param {number} delivered
 * @param {(from: number, to: number) => { total: number | null, window: number | null }} cpuOf
 * @param {NodeJS.CpuUsage} used this process's CPU (the simulator's) over the variant
 */
function measure(cfg, variant, fake, delivered, cpuOf, used) {
	const stats = fake.stats();
	const submits = stats.requests.filter(
		(/** @type {any} */ r) => r.server === 'api' && r.method === 'POST',
	);
	const downloads = stats.requests.filter((/** @type {any} */ r) => r.server === 'delivery');
	const first = Math.min(...submits.map((/** @type {any} */ r) => r.at));
	const last = Math.max(...downloads.map((/** @type {any} */ r) => r.at));
	const total = cfg.e * cfg.n;
	const ideal = Math.ceil(total / cfg.cap) * cfg.latencyMs;
	const wallMs = Number.isFinite(first) && Number.isFinite(last) ? last - first : null;
	const n8nCpu = cpuOf(first, last);
	return {
		variant,
		e: cfg.e,
		n: cfg.n,
		images: total,
		delivered,
		failed: total - delivered,
		wallS: wallMs === null ? null : wallMs / 1000,
		idealS: ideal / 1000,
		ratio: wallMs === null ? null : Math.round((wallMs / ideal) * 100) / 100,
		submits: stats.submits,
		status429: stats.status429,
		per429: Math.round((stats.status429 / Math.max(1, delivered)) * 100) / 100,
		peakInFlight: stats.peakInFlight,
		n8nCpuS: n8nCpu.window === null ? null : Math.round(n8nCpu.window * 10) / 10,
		n8nCpuTotalS: n8nCpu.total === null ? null : Math.round(n8nCpu.total * 10) / 10,
		simulatorCpuS: Math.round(((used.user + used.system) / 1e6) * 10) / 10,
	};
}

/**
 * The queue-mode variant: main and two workers, E webhook calls at once.
 * @param {ReturnType<typeof parseArgs>} cfg @param {any} fake @param {string} tgz
 * @param {string} variant @param {string} dir
 */
async function runQueueVariant(cfg, fake, tgz, variant, dir) {
	const cpuBefore = process.cpuUsage();
	const run = await runQueue(cfg, fake, tgz, path.join(dir, variant), {
		release: RELEASE,
		apiKey: API_KEY,
		workflow: workflow('unused', cfg.n, 'unused', cfg.pollInterval),
		say,
	});
	const used = process.cpuUsage(cpuBefore);
	return { ...measure(cfg, variant, fake, run.items, run.cpuOf, used), workerJobs: run.workerJobs };
}

async function main() {
	const cfg = parseArgs(process.argv.slice(2));
	const marker = readMarker(n8nDir(RELEASE));
	if (!marker || !fs.existsSync(n8nBin(RELEASE)))
		throw new Error(`n8n ${RELEASE.version} is not installed (npm run e2e:install)`);
	installExitHooks();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-bfl-bench-e-'));
	const { tgz } = await buildAndPack({ outDir: dir, build: false, say });
	const tarballs = { limiter: tgz, 'no-limiter': await withoutLimiter(tgz, dir) };
	const fake = await startFakeBfl({
		apiKey: API_KEY,
		latencyMs: cfg.latencyMs,
		imageBytes: cfg.imageBytes,
		credits: 1e9,
		concurrencyCap: cfg.cap,
	});
	const results = [];
	try {
		for (const variant of cfg.variants) {
			const queue = variant.startsWith('queue');
			const where = queue ? 'queue mode, 2 workers' : 'one n8n';
			say(`${cfg.e} executions × ${cfg.n} items, ${where} ${RELEASE.version}, ${variant}`);
			const tarball = variant.endsWith('no-limiter') ? tarballs['no-limiter'] : tarballs.limiter;
			results.push(await (queue ? runQueueVariant : runVariant)(cfg, fake, tarball, variant, dir));
		}
	} finally {
		await fake.close();
	}
	const data = {
		date: new Date().toISOString(),
		machine: { cores: os.availableParallelism(), cpu: os.cpus()[0]?.model, loadavg: os.loadavg() },
		config: { ...cfg, outDir: undefined, write: undefined },
		n8n: RELEASE.version,
		results,
	};
	console.log(executionsTable(data));
	const outDir = cfg.write ? path.join(REPO, 'test', 'bench', 'results') : cfg.outDir;
	fs.mkdirSync(outDir, { recursive: true });
	const file = path.join(outDir, 'executions.json');
	fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
	console.log(`wrote ${file}`);
	if (cfg.write) writeExecutionsSection(path.join(REPO, 'BENCHMARKS.md'), data);
	fs.rmSync(dir, { recursive: true, force: true });
	const lost = results.find((r) => !r.variant.endsWith('no-limiter') && r.failed > 0);
	if (lost) console.error(`FAIL: with the limiter ${lost.failed} images did not come back`);
	return lost ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(err) => {
		console.error(`bench:executions: ${err instanceof Error ? err.stack : err}`);
		process.exit(2);
	},
);
