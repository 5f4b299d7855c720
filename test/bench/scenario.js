// @ts-check
/**
 * One scenario in a running benchmark n8n (server.js): its webhook called once per execution, all
 * at the same moment; then what the simulator logged and what n8n stored become one row
 * (measure.js). Wall time runs from the first submit the simulator saw to the last image stored
 * (filesystem mode: the file's modification time; queue mode, where binaries live in the
 * database: the last download the simulator served), so n8n's start-up never counts.
 */
const fs = require('node:fs');
const path = require('node:path');

const { storedImages } = require('./binaries');
const { treeCpu } = require('./cpu');
const { scenarioTasks, summarize } = require('./measure');

/**
 * RSS of one process from /proc in bytes (or, with `field` 'VmHWM', its peak RSS); null when it
 * cannot be read. @param {number} pid @param {'VmRSS' | 'VmHWM'} [field]
 */
function rssOf(pid, field = 'VmRSS') {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		return Number((new RegExp(`${field}:\\s+(\\d+)`).exec(status) || [])[1] || 0) * 1024 || null;
	} catch {
		return null;
	}
}

/** Samples a process's RSS every `everyMs`; stop() returns the peak in bytes (or null). */
function sampleRss(/** @type {number} */ pid, everyMs = 100) {
	let peak = 0;
	const timer = setInterval(() => (peak = Math.max(peak, rssOf(pid) ?? 0)), everyMs);
	return {
		stop() {
			clearInterval(timer);
			return Math.max(peak, rssOf(pid) ?? 0) || null;
		},
	};
}

/**
 * @param {Awaited<ReturnType<typeof import('./server').startBenchN8n>>} server
 * @param {any} fake
 * @param {{ key: string, label: string, variant: string, workflow: string, n: number, executions: number,
 *   cap: number, latencyMs: number, pollIntervalMs: number, imageBytes: number, timeoutMs: number,
 *   trace?: string | null }} spec
 */
async function runScenario(server, fake, spec) {
	const prefixes = prefixesOf(spec);
	fake.resetStats();
	const since = Date.now();
	const cpus = server.pids.map((pid) => treeCpu(pid));
	const rssBefore = rssOf(server.pids[0]);
	const rss = sampleRss(server.pids[0]);
	const simBefore = process.cpuUsage();
	const answers = await Promise.all(
		prefixes.map((run) => server.call(spec.workflow, spec.n, run, spec.timeoutMs)),
	);
	const simUsed = process.cpuUsage(simBefore);
	// In queue mode the workers do the work: the main process's memory says nothing about it.
	const rssPeak = server.storage ? rss.stop() : (rss.stop(), null);
	const stats = fake.stats();
	const ours = [...fake.tasks.values()].filter((/** @type {any} */ t) =>
		prefixes.some((p) => t.prompt.startsWith(`${p} #`)),
	);
	const submits = stats.requests.filter(
		(/** @type {any} */ r) => r.server === 'api' && r.method === 'POST',
	);
	const first = Math.min(...submits.map((/** @type {any} */ r) => r.at));
	/** @type {Record<string, number>} */
	let attachedAt = {};
	let last;
	let delivered;
	if (server.storage) {
		const stored = storedImages(server.storage, since);
		for (const t of ours) if (stored[t.id] !== undefined) attachedAt[t.id] = stored[t.id];
		delivered = Object.keys(attachedAt).length;
		last = Math.max(...Object.values(attachedAt));
	} else {
		const served = stats.requests.filter(
			(/** @type {any} */ r) => r.server === 'delivery' && r.status === 200,
		);
		delivered = answers.reduce((sum, a) => sum + readyItems(a.text), 0);
		last = Math.max(...served.map((/** @type {any} */ r) => r.at));
		attachedAt = {};
	}
	const total = spec.n * spec.executions;
	const wallMs = Number.isFinite(first) && Number.isFinite(last) ? last - first : NaN;
	// CPU of every n8n process (main, workers, their task runners) over the wall time, and how
	// long their event loops waited for a core.
	const cpu = cpus
		.map((c) => c.stop(first, last))
		.reduce(
			(s, c) => ({ used: s.used + (c.window ?? 0), waited: s.waited + (c.waitedWindow ?? 0) }),
			{
				used: 0,
				waited: 0,
			},
		);
	const failedCalls = answers.filter((a) => a.status !== 200);
	const row = summarize(
		{ ...spec, prefixes },
		{
			n: total,
			wallMs,
			delivered,
			failed: total - delivered,
			attachedAt,
			rssPeakMb: rssPeak === null ? null : Math.round(rssPeak / 1048576),
			rssGrowthMb:
				rssPeak === null || rssBefore === null ? null : Math.round((rssPeak - rssBefore) / 1048576),
			note: failedCalls.length
				? `${failedCalls.length} webhook call(s) answered ${failedCalls[0].status}: ${failedCalls[0].text.slice(0, 160)}`
				: undefined,
		},
		stats,
		fake.tasks,
	);
	if (spec.trace) writeTrace(spec.trace, row, prefixes, stats, fake.tasks, attachedAt);
	return {
		...row,
		monotonicWindowUs: monotonicWindowUs(first, last),
		executions: spec.executions,
		n8nCpuS: Math.round(cpu.used * 10) / 10,
		n8nWaitedS: Math.round(cpu.waited * 10) / 10,
		simulatorCpuS: Math.round(((simUsed.user + simUsed.system) / 1e6) * 10) / 10,
	};
}

/**
 * An epoch-ms window on the monotonic clock V8's CPU profiles use (profile.js reads it); null
 * when either end is unknown. @param {number} fromMs @param {number} toMs
 */
function monotonicWindowUs(fromMs, toMs) {
	if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) return null;
	const nowUs = Number(process.hrtime.bigint() / 1000n);
	const mono = (/** @type {number} */ epochMs) => Math.round(nowUs - (Date.now() - epochMs) * 1000);
	return [mono(fromMs), mono(toMs)];
}

/**
 * What the simulator saw during one scenario, for test/bench/trace.js: every task (created, Ready)
 * and every request (when it arrived, its answer), and when n8n stored each image.
 * @param {string} dir @param {any} row @param {string[]} prefixes the scenario's prompts
 * @param {any} stats @param {Map<string, any>} tasks @param {Record<string, number>} attachedAt
 */
function writeTrace(dir, row, prefixes, stats, tasks, attachedAt) {
	fs.mkdirSync(dir, { recursive: true });
	const trace = {
		scenario: row.label,
		tasks: scenarioTasks(tasks, prefixes).map((t) => ({
			id: t.id,
			prompt: t.prompt,
			createdAt: t.createdAt,
			readyAt: t.readyAt,
		})),
		requests: stats.requests,
		attachedAt,
	};
	fs.writeFileSync(path.join(dir, `${traceName(row, prefixes)}.json`), JSON.stringify(trace));
}

/**
 * A scenario's trace file name, without extension. A repeated scenario (--queue-runs) keeps one
 * trace per run: Q-192, Q-192-run2, …
 * @param {{ variant: string, n: number }} row @param {string[]} prefixes
 */
function traceName(row, prefixes) {
	const run = /#(\d+)-/.exec(prefixes[0])?.[1];
	return `${row.variant}-${row.n}${run ? `-run${run}` : ''}`;
}

/** Items of a webhook answer (responseData allEntries) that came back Ready. @param {string} text */
function readyItems(text) {
	try {
		const body = JSON.parse(text);
		return Array.isArray(body) ? body.filter((it) => it && it.status === 'Ready').length : 0;
	} catch {
		return 0;
	}
}

/**
 * The prompt prefix of each of a scenario's executions; its tasks' prompts start with them.
 * @param {{ key: string, executions: number }} spec
 */
function prefixesOf(spec) {
	return Array.from({ length: spec.executions }, (_, i) =>
		spec.executions > 1 ? `bench-${spec.key}-e${i}` : `bench-${spec.key}`,
	);
}

module.exports = { runScenario, prefixesOf, rssOf, monotonicWindowUs, traceName };
