// @ts-check
/**
 * Scenario (b): the HTTP Request + Wait loop in the REAL n8n 2.41.1 that the e2e suite installs
 * (test/e2e/lib, used read-only). One n8n home per benchmark run; one `n8n execute-batch` per N,
 * all N items in one execution. Timings come from n8n's own run data (the snapshot); the peak RSS
 * is the n8n process's (which includes n8n itself, so there is no "growth" figure).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { RELEASES, n8nBin, n8nDir, readMarker } = require('../e2e/lib/install');
const { N8nHome } = require('../e2e/lib/n8n');
const { installExitHooks } = require('../e2e/lib/proc');
const { loopWorkflow, headerCredential, runsOf } = require('./loopWorkflow');

const RELEASE = RELEASES[2];

/** Why (b) cannot run here, or null when the e2e suite's n8n 2.41.1 is installed. */
function loopUnavailable() {
	const marker = readMarker(n8nDir(RELEASE));
	if (marker && marker.version === RELEASE.version && fs.existsSync(n8nBin(RELEASE))) return null;
	return `n8n ${RELEASE.version} is not installed in ${n8nDir(RELEASE)} (run \`node test/e2e/install.js 2\` once)`;
}

/** Samples a process's RSS from /proc every `everyMs`; stop() returns the peak in bytes (or null). */
function sampleProcRss(/** @type {number | undefined} */ pid, everyMs = 100) {
	let peak = 0;
	const read = () => {
		try {
			const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
			const kb = Number((/VmRSS:\s+(\d+)/.exec(status) || [])[1] || 0);
			peak = Math.max(peak, kb * 1024);
		} catch {
			/* gone, or no /proc */
		}
	};
	const timer = setInterval(read, everyMs);
	return {
		stop() {
			clearInterval(timer);
			return peak || null;
		},
	};
}

/**
 * Prepares one n8n home with the Header Auth credential and one loop workflow per N.
 * @param {{ apiBase: string, apiKey: string, ns: number[], model: string, waitSeconds: number,
 *   width?: number, height?: number, scratch?: string }} spec
 */
async function prepareLoop(spec) {
	installExitHooks();
	const dir = spec.scratch ?? fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-bfl-bench-'));
	const home = new N8nHome(RELEASE, dir);
	await home.allocatePorts();
	const credFile = path.join(dir, 'credentials.json');
	fs.writeFileSync(credFile, JSON.stringify(headerCredential(spec.apiKey)));
	await home.cliOk(['import:credentials', `--input=${credFile}`]);
	/** @type {Record<string, { id: string, prefix: string }>} keyed `${variant}:${n}` */
	const byN = {};
	// (b) sends every item at once; (b2) uses HTTP Request's Batching: 24 per batch, 1 s apart;
	// (b3) runs the items one at a time through Loop Over Items.
	const workflows = ['b', 'b2', 'b3'].flatMap((variant) =>
		spec.ns.map((n) => {
			const id = `bflBenchLoop${{ b: '', b2: 'Batched', b3: 'OneByOne' }[variant]}${String(n).padStart(4, '0')}`;
			byN[`${variant}:${n}`] = { id, prefix: `bench-${variant}-${n}` };
			const prefix = byN[`${variant}:${n}`].prefix;
			const options = { batching: variant === 'b2', oneByOne: variant === 'b3' };
			return loopWorkflow({ ...spec, id, n, prefix, ...options });
		}),
	);
	await home.importWorkflows(workflows);
	return { home, dir, byN };
}

/**
 * Runs one loop workflow. `onStart` is called just before n8n starts (to reset the fake's counters).
 * @param {Awaited<ReturnType<typeof prepareLoop>>} loop
 * @param {number} n @param {number} timeoutMs @param {any} fake
 * @param {'b' | 'b2' | 'b3'} [variant] (b2): with HTTP Request's Batching; (b3): Loop Over Items, one at a time
 * @returns {Promise<import('./measure').Measured & { prefix: string, snapshotFound: boolean }>}
 */
async function runLoop(loop, n, timeoutMs, fake, variant = 'b') {
	const { home, byN } = loop;
	const { id, prefix } = byN[`${variant}:${n}`];
	const snapDir = path.join(loop.dir, `snapshots-${variant}-${n}`);
	fs.mkdirSync(snapDir, { recursive: true });
	fake.resetStats();
	const daemon = home.daemon(`execute-batch-${variant}-${n}`, [
		'execute-batch',
		`--ids=${id}`,
		`--snapshot=${snapDir}`,
		`--output=${path.join(loop.dir, `summary-${variant}-${n}.json`)}`,
		'--shortOutput',
		'--retries=0',
	]);
	const rss = sampleProcRss(daemon.child.pid);
	/** @type {NodeJS.Timeout | undefined} */
	let timer;
	const timedOut = await Promise.race([
		daemon.exited.then(() => false),
		new Promise((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
	]);
	clearTimeout(timer);
	const rssPeak = rss.stop();
	if (timedOut) await daemon.stop(5000);
	const file = path.join(snapDir, `${id}-snapshot.json`);
	const snapshot = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
	const submits = runsOf(snapshot, 'Submit');
	const downloads = runsOf(snapshot, 'Download');
	const delivered = downloads.reduce(
		(sum, run) => sum + run.items.filter((/** @type {any} */ it) => it.binary?.data).length,
		0,
	);
	// The image is attached when the Download run that fetched it ends (it fetches a batch at once).
	/** @type {Record<string, number>} */
	const attachedAt = {};
	for (const r of fake.stats().requests) {
		const m = r.server === 'delivery' && /^\/results\/([^/]+)\//.exec(r.path);
		const run = m && downloads.find((d) => d.start <= r.at && r.at <= d.end + 5);
		if (m && run) attachedAt[m[1]] = run.end;
	}
	const started = submits[0]?.start ?? Date.now();
	const ended = Math.max(started, ...downloads.map((d) => d.end), ...submits.map((s) => s.end));
	const why = timedOut
		? `stopped after ${timeoutMs / 1000} s`
		: snapshot
			? snapshot.data?.resultData?.error?.message
			: `no snapshot (see ${daemon.logFile})`;
	return {
		n,
		prefix,
		startedAt: started,
		wallMs: ended - started,
		delivered,
		failed: n - delivered,
		attachedAt,
		rssPeakMb: rssPeak === null ? null : Math.round(rssPeak / 1048576),
		rssGrowthMb: null,
		snapshotFound: Boolean(snapshot),
		note: [
			`${runsOf(snapshot, 'Submit')[0]?.errors.length ?? '?'} submits went to the error output`,
			`${runsOf(snapshot, 'Poll').length} poll rounds`,
			why,
		]
			.filter(Boolean)
			.join('; '),
	};
}

module.exports = { loopUnavailable, prepareLoop, runLoop, RELEASE };
