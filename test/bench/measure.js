// @ts-check
/**
 * Turns what the fake BFL recorded during one scenario (stats, request log, tasks) and what the
 * runner measured (wall time, attach times, memory) into the benchmark's figures.
 */

/** @param {number[]} values @param {number} q 0..1, nearest-rank */
function quantile(values, q) {
	if (!values.length) return null;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** @param {string} path */
function pollTaskId(path) {
	const m = /[?&]id=([^&]+)/.exec(path);
	return m ? decodeURIComponent(m[1]) : null;
}

/** @param {string} path */
function deliveryTaskId(path) {
	const m = /^\/results\/([^/]+)\//.exec(path);
	return m ? m[1] : null;
}

/**
 * @typedef {object} Measured what the runner itself saw
 * @property {number} n
 * @property {number} startedAt epoch ms the execution started
 * @property {number} wallMs
 * @property {number} delivered items that came back with the image as binary
 * @property {number} failed items that came back as errors (or never came back)
 * @property {Record<string, number>} attachedAt task id → epoch ms the binary existed (may be approximate)
 * @property {number | null} rssPeakMb
 * @property {number | null} rssGrowthMb
 * @property {string} [note]
 *
 * @param {{ label: string, variant: string, prefix: string, cap: number, latencyMs: number,
 *   pollIntervalMs: number, imageBytes: number }} scenario
 * @param {Measured} measured
 * @param {any} stats fake.stats() right after the scenario (counters reset before it)
 * @param {Map<string, any>} tasks fake.tasks
 */
function summarize(scenario, measured, stats, tasks) {
	const { n } = measured;
	const ours = [...tasks.values()].filter((t) => t.prompt.startsWith(`${scenario.prefix} #`));
	const ids = new Set(ours.map((t) => t.id));
	/** @type {Record<string, number>} first poll that saw the task Ready (arrival at the fake) */
	const seenReadyAt = {};
	/** @type {Record<string, number>} */
	const polls = {};
	let downloads = 0;
	for (const r of stats.requests) {
		if (r.method !== 'GET') continue;
		if (r.server === 'delivery') {
			const id = deliveryTaskId(r.path);
			if (id && ids.has(id)) downloads++;
			continue;
		}
		const id = pollTaskId(r.path);
		if (!id || !ids.has(id)) continue;
		polls[id] = (polls[id] || 0) + 1;
		const task = tasks.get(id);
		if (r.at >= task.readyAt && !(id in seenReadyAt)) seenReadyAt[id] = r.at;
	}
	const readyToBinary = [];
	const detectLag = [];
	for (const t of ours) {
		if (measured.attachedAt[t.id] !== undefined)
			readyToBinary.push(measured.attachedAt[t.id] - t.readyAt);
		if (seenReadyAt[t.id] !== undefined) detectLag.push(seenReadyAt[t.id] - t.readyAt);
	}
	const pollCounts = Object.values(polls);
	const idealMs = Math.ceil(n / scenario.cap) * scenario.latencyMs;
	// When not every image came back, the fair yardstick is the ideal time of what did.
	const idealDeliveredMs = Math.ceil(measured.delivered / scenario.cap) * scenario.latencyMs;
	const heldMb = (measured.delivered * scenario.imageBytes) / 1048576;
	const r1 = (/** @type {number | null} */ v) => (v === null ? null : Math.round(v * 10) / 10);
	return {
		label: scenario.label,
		variant: scenario.variant,
		n,
		delivered: measured.delivered,
		failed: measured.failed,
		wallMs: measured.wallMs,
		idealMs,
		ratio: Math.round((measured.wallMs / idealMs) * 100) / 100,
		ratioDelivered: idealDeliveredMs
			? Math.round((measured.wallMs / idealDeliveredMs) * 100) / 100
			: null,
		imagesPerSecond: r1(measured.delivered / (measured.wallMs / 1000)),
		accepted: ours.length,
		submits: stats.submits,
		submitsPerItem: r1(stats.submits / n),
		polls: pollCounts.reduce((a, b) => a + b, 0),
		pollsPerImage: ours.length ? r1(pollCounts.reduce((a, b) => a + b, 0) / ours.length) : null,
		pollsMax: pollCounts.length ? Math.max(...pollCounts) : null,
		downloads,
		downloadsPerImage: measured.delivered ? r1(downloads / measured.delivered) : null,
		status429: stats.status429,
		peakInFlight: stats.peakInFlight,
		readyToBinaryP50: quantile(readyToBinary, 0.5),
		readyToBinaryP95: quantile(readyToBinary, 0.95),
		detectLagP50: quantile(detectLag, 0.5),
		detectLagP95: quantile(detectLag, 0.95),
		rssPeakMb: measured.rssPeakMb,
		rssGrowthMb: measured.rssGrowthMb,
		imagesHeldMb: r1(heldMb),
		growthPerHeld:
			measured.rssGrowthMb !== null && heldMb > 0
				? Math.round((measured.rssGrowthMb / heldMb) * 100) / 100
				: null,
		note: measured.note,
	};
}

/**
 * The issue's targets, judged for one (a) result. Never an assertion: printed as hold/miss.
 * @param {ReturnType<typeof summarize>} r
 * @param {{ latencyMs: number, pollIntervalMs: number }} cfg
 */
function judgeTargets(r, cfg) {
	const maxPolls = cfg.latencyMs / cfg.pollIntervalMs + 2;
	const p95Bound = cfg.pollIntervalMs + 50;
	return [
		[
			'ratio to ideal ≤ 1.15',
			r.ratio <= 1.15 && r.delivered === r.n,
			`${r.ratio}${r.delivered < r.n ? ` with ${r.n - r.delivered} images missing` : ''}`,
		],
		[
			'no 429 surfaced to the user',
			r.failed === 0,
			`${r.failed} failed items, ${r.status429} 429s retried`,
		],
		[
			`polls per image ≤ latency/interval + 2 = ${maxPolls}`,
			r.pollsMax !== null && r.pollsMax <= maxPolls,
			`mean ${r.pollsPerImage}, max ${r.pollsMax}`,
		],
		[
			`Ready→binary p95 ≤ interval + 50 ms = ${p95Bound} ms`,
			r.readyToBinaryP95 !== null && r.readyToBinaryP95 <= p95Bound,
			`p95 ${r.readyToBinaryP95} ms`,
		],
		[
			'memory growth < 3× image bytes held',
			r.growthPerHeld !== null && r.growthPerHeld < 3,
			`${r.rssGrowthMb} MB for ${r.imagesHeldMb} MB (${r.growthPerHeld}×)`,
		],
	];
}

module.exports = { summarize, judgeTargets, quantile };
