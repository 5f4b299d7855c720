// @ts-check
/**
 * The benchmark's video row (V): one video generation through the node in the benchmark's real
 * n8n (filesystem binary mode), its result an MP4 of `--video-bytes` (512 MB by default) that the
 * simulator streams without holding it. Measured: submit → binary stored, the download's own
 * time, the n8n main process's RSS growth over the download (its peak from the kernel's VmHWM,
 * reset just before, and 20 ms samples), and that the stored file is the served file (size and
 * SHA-256, both read as streams).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');

const { storedFile } = require('./binaries');
const { treeCpu } = require('./cpu');
const { monotonicWindowUs, prefixesOf, rssOf } = require('./scenario');

const MB = 1048576;
/** The target for the n8n process's growth while one video streams into storage. */
const RSS_GROWTH_TARGET_MB = 64;

/**
 * Resets the kernel's peak RSS (VmHWM) of a process to its current RSS; false where that is not
 * allowed (then the samples alone give the peak). @param {number} pid
 */
function resetPeakRss(pid) {
	try {
		fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
		return true;
	} catch {
		return false;
	}
}

/** RSS every `everyMs` as [epoch ms, bytes]. @param {number} pid */
function rssSeries(pid, everyMs = 20) {
	/** @type {Array<[number, number]>} */
	const samples = [];
	const take = () => {
		const rss = rssOf(pid);
		if (rss !== null) samples.push([Date.now(), rss]);
	};
	take();
	const timer = setInterval(take, everyMs);
	return {
		stop() {
			clearInterval(timer);
			take();
			return samples;
		},
	};
}

/** @param {NodeJS.ReadableStream} stream */
async function sha256Of(stream) {
	const hash = crypto.createHash('sha256');
	for await (const chunk of stream) hash.update(/** @type {Buffer} */ (chunk));
	return hash.digest('hex');
}

/**
 * @param {Awaited<ReturnType<typeof import('./server').startBenchN8n>>} server
 * @param {any} fake
 * @param {{ key: string, label: string, variant: string, workflow: string, timeoutMs: number,
 *   videoBytes: number }} spec
 */
async function runVideo(server, fake, spec) {
	const prefixes = prefixesOf({ key: spec.key, executions: 1 });
	const pid = server.pids[0];
	fake.resetStats();
	const since = Date.now();
	const cpus = server.pids.map((p) => treeCpu(p));
	const simBefore = process.cpuUsage();
	const exact = resetPeakRss(pid);
	const series = rssSeries(pid);
	const answer = await server.call(spec.workflow, 1, prefixes[0], spec.timeoutMs);
	const samples = series.stop();
	const kernelPeak = exact ? rssOf(pid, 'VmHWM') : null;
	const simUsed = process.cpuUsage(simBefore);
	const stats = fake.stats();
	const task = [...fake.tasks.values()].find((t) => t.prompt.startsWith(`${prefixes[0]} #`));
	/** @type {any[]} */
	const requests = stats.requests;
	const submitAt = Math.min(
		...requests.filter((r) => r.server === 'api' && r.method === 'POST').map((r) => r.at),
	);
	const fetchAt = requests.find((r) => r.server === 'delivery' && r.status === 200)?.at;
	const stored = task && server.storage ? storedFile(server.storage, since, task.id) : null;
	// The RSS just before the download began, and the highest it reached from then on.
	const before = [...samples].reverse().find(([at]) => fetchAt === undefined || at <= fetchAt);
	const rssBefore = before ? before[1] : null;
	const sampledPeak = Math.max(...samples.map(([, rss]) => rss));
	const rssPeak = Math.max(sampledPeak, kernelPeak ?? 0);
	let sameBytes = false;
	if (stored && stored.size === spec.videoBytes) {
		const served = fake.resultStream(task.id);
		sameBytes =
			served !== null &&
			(await sha256Of(fs.createReadStream(stored.file))) === (await sha256Of(served.stream));
	}
	const end = stored ? stored.mtimeMs : NaN;
	const cpu = cpus.map((c) => c.stop(submitAt, end));
	const sum = (/** @type {'window' | 'waitedWindow'} */ key) =>
		Math.round(cpu.reduce((s, c) => s + (c[key] ?? 0), 0) * 10) / 10;
	const downloadMs = fetchAt === undefined ? NaN : end - fetchAt;
	const problem =
		answer.status !== 200
			? `the webhook answered ${answer.status}: ${answer.text.slice(0, 160)}`
			: !task
				? 'no video task reached the simulator'
				: !stored
					? 'no stored file carries the task id'
					: !sameBytes
						? `stored ${stored.size} bytes, not the ${spec.videoBytes} bytes served`
						: undefined;
	return {
		label: spec.label,
		variant: spec.variant,
		n: 1,
		delivered: problem ? 0 : 1,
		failed: problem ? 1 : 0,
		videoBytes: spec.videoBytes,
		storedBytes: stored ? stored.size : null,
		sameBytes,
		wallMs: end - submitAt,
		readyToBinaryMs: task ? end - task.readyAt : NaN,
		downloadMs,
		mbPerSecond: Math.round(spec.videoBytes / MB / (downloadMs / 1000)),
		rssBeforeMb: rssBefore === null ? null : Math.round(rssBefore / MB),
		rssPeakMb: Math.round(rssPeak / MB),
		rssGrowthMb: rssBefore === null ? null : Math.round((rssPeak - rssBefore) / MB),
		// The download alone, for profile.js.
		monotonicWindowUs: monotonicWindowUs(fetchAt ?? NaN, end),
		peakFrom: kernelPeak === null ? `${samples.length} samples` : 'VmHWM and samples',
		n8nCpuS: sum('window'),
		n8nWaitedS: sum('waitedWindow'),
		simulatorCpuS: Math.round(((simUsed.user + simUsed.system) / 1e6) * 10) / 10,
		note: problem,
	};
}

/**
 * The video row's targets, in judgeTargets' shape.
 * @param {any[]} results
 */
function videoTargets(results) {
	/** @type {Array<{ measure: string, value: string, target: string, holds: boolean | null }>} */
	const out = [];
	const add = (
		/** @type {string} */ measure,
		/** @type {string} */ value,
		/** @type {string} */ target,
		/** @type {boolean | null} */ holds,
	) => out.push({ measure, value, target, holds });
	for (const r of results.filter((x) => x.variant === 'V')) {
		const size = `${Math.round(r.videoBytes / MB)} MB`;
		add(
			`video, one ${size} MP4 streamed into binary storage: n8n RSS growth (peak)`,
			`${r.rssGrowthMb ?? '–'} MB (${r.rssPeakMb} MB)`,
			`< ${RSS_GROWTH_TARGET_MB} MB`,
			r.rssGrowthMb !== null && r.rssGrowthMb < RSS_GROWTH_TARGET_MB,
		);
		add(
			`video, ${size}: the stored file is the served file`,
			`${r.storedBytes ?? 'no file'} of ${r.videoBytes} bytes, SHA-256 ${r.sameBytes ? 'equal' : 'differs'}`,
			'exact',
			r.sameBytes,
		);
		add(
			`video, ${size}: submit → binary stored (download and write)`,
			`${sec(r.wallMs)} s (${sec(r.downloadMs)} s, ${r.mbPerSecond} MB/s)`,
			'–',
			null,
		);
	}
	return out;
}

const sec = (/** @type {number} */ ms) => (Number.isFinite(ms) ? (ms / 1000).toFixed(1) : '–');

/** The video table: one row per V run. @param {any[]} results */
function videoRows(results) {
	return [
		[
			'scenario',
			'MP4 bytes',
			'stored = served',
			'wall s',
			'Ready→binary s',
			'download MB/s',
			'RSS MB before → peak (growth)',
			'n8n CPU s',
			'n8n waited s',
			'sim CPU s',
		],
		...results
			.filter((r) => r.variant === 'V')
			.map((r) => [
				r.label,
				String(r.videoBytes),
				r.sameBytes ? 'yes' : `no (${r.storedBytes ?? 'no file'})`,
				sec(r.wallMs),
				sec(r.readyToBinaryMs),
				String(r.mbPerSecond),
				`${r.rssBeforeMb ?? '–'} → ${r.rssPeakMb} (+${r.rssGrowthMb ?? '–'})`,
				String(r.n8nCpuS),
				String(r.n8nWaitedS),
				String(r.simulatorCpuS),
			]),
	];
}

module.exports = { runVideo, videoTargets, videoRows, RSS_GROWTH_TARGET_MB };
