/**
 * When to ask BFL about a task next. Pure: the caller owns the clock and the timers.
 *
 * All times are milliseconds since the submit was answered. Polls sit on a grid rather than
 * "interval after the last answer", so slow answers do not make the schedule drift.
 *
 * - Cold (nothing known yet): a first look after a quarter of a second plus the item's phase
 *   (fast models finish in a second or two), then one look per interval. The items of a run are
 *   spread over eight phases of the interval, so that the first of them to finish is seen soon
 *   and teaches the others (see the warm grid); the caller wakes them when it does.
 * - Warm (tasks of the same run already finished, so their usual duration is known): the same one
 *   look per interval, shifted so that one look lands just after the expected finish, plus two
 *   closer looks right after it. No gap between two looks exceeds the interval, so a task that
 *   finishes early or late is still seen within one interval; one that finishes on time is seen
 *   within milliseconds, usually with fewer polls than on the cold grid. A task still on the cold
 *   grid when the first estimate arrives takes the aimed look at once if its time has passed.
 */

/** Cold grid: the first look comes after half of this (or of a shorter interval) plus the phase. */
export const FIRST_POLL_MS = 500;
/** The cold grids of a run's items are spread over this many phases within an interval. */
export const COLD_PHASES = 8;
/** The look aimed at the expected finish comes this much after it, so as not to be too soon. */
export const ALIGN_MARGIN_MS = 25;
/** Looks right after the expected finish, each a quarter interval apart. */
export const CLOSE_LOOKS = 2;
/** Never two looks of one task closer than this. */
export const MIN_GAP_MS = 20;
/** Durations remembered per run (the most recent ones). */
export const MAX_SAMPLES = 16;

export interface PollTiming {
	/** Time since the submit was answered. */
	elapsedMs: number;
	/** `elapsedMs` of this task's previous poll; undefined before the first. */
	lastPollMs?: number;
	/** The Poll Interval option: the longest gap between two looks. */
	intervalMs: number;
	/** The usual submit-to-Ready time of this run's tasks, once one has finished. */
	expectedMs?: number;
	/** Offset of this task's cold grid, from coldPhaseMs. */
	phaseMs?: number;
	/** The previous poll was planned before any duration was known, so it aimed at nothing. */
	lastPollCold?: boolean;
}

/** Spreads the cold grids of a run's items so that their first looks do not all come at once. */
export function coldPhaseMs(itemIndex: number, intervalMs: number): number {
	const phase = ((Math.floor(itemIndex) % COLD_PHASES) + COLD_PHASES) % COLD_PHASES;
	return (phase / COLD_PHASES) * Math.max(MIN_GAP_MS, intervalMs);
}

/** The delay before a task's next poll. */
export function nextPollDelayMs(timing: PollTiming): number {
	const interval = Math.max(MIN_GAP_MS, timing.intervalMs);
	const elapsed = Math.max(0, timing.elapsedMs);
	const { lastPollMs: last, expectedMs: expected } = timing;
	const base = Math.min(interval, FIRST_POLL_MS) / 2;
	const soon = last === undefined ? elapsed : elapsed + MIN_GAP_MS;
	// Apart from the aimed look below, looks keep at least a quarter interval apart.
	const earliest = last === undefined ? elapsed : Math.max(soon, last + interval / 4);
	if (expected === undefined || !Number.isFinite(expected) || expected <= 0) {
		const first = base + Math.min(interval, Math.max(0, timing.phaseMs ?? 0));
		const steps = Math.max(0, Math.ceil((earliest - first) / interval));
		return Math.round(first + steps * interval - elapsed);
	}
	const anchor = expected + ALIGN_MARGIN_MS;
	// The look aimed at the expected finish is not skipped: if it was missed (the estimate came
	// while this task was on the cold grid, or an answer was slow), it happens now. A previous
	// warm look shortly before the anchor counts as the aimed one, so a drifting estimate adds no
	// looks; a cold one never does, and the aimed look may then follow it closer than usual.
	const aimedOwed =
		last !== undefined && (timing.lastPollCold === true || last < anchor - interval / 4);
	if (aimedOwed) {
		if (anchor <= soon) return Math.round(soon - elapsed);
		if (anchor < earliest) return Math.round(anchor - elapsed);
	}
	// Before the anchor, no look within half an interval of the previous one.
	const from = Math.max(earliest, base, (last ?? -interval) + interval / 2);
	let next = warmGridPoint(earliest, from, interval, anchor);
	// Moving from the cold grid to the warm one never stretches a gap beyond the interval.
	if (last !== undefined) next = Math.max(soon, Math.min(next, last + interval));
	return Math.max(0, Math.round(next - elapsed));
}

/** The warm grid's first point at or after `earliest` (and, before the anchor, after `from`). */
function warmGridPoint(earliest: number, from: number, interval: number, anchor: number): number {
	// Before the anchor: one look per interval, counted back from it.
	const stepsBack = Math.floor((anchor - from) / interval);
	if (stepsBack >= 1) return anchor - stepsBack * interval;
	if (anchor >= earliest) return anchor;
	const close = interval / 4;
	for (let i = 1; i <= CLOSE_LOOKS; i++) {
		if (anchor + i * close >= earliest) return anchor + i * close;
	}
	return anchor + Math.max(1, Math.ceil((earliest - anchor) / interval)) * interval;
}

/**
 * One finished task's submit-to-Ready time, from what the poller saw: Ready happened after the
 * last poll that was still pending was sent and before the Ready answer came back. BFL's own
 * `result.duration` (seconds) pins it inside that bracket when present; otherwise the middle.
 */
export function observedDurationMs(observation: {
	/** When the last poll that answered "still running" was sent; 0 when there was none. */
	lastPendingSentMs: number;
	/** When the answer saying Ready arrived. */
	readyAnsweredMs: number;
	/** `result.duration` of the Ready body, in seconds, as BFL sent it. */
	reportedSeconds?: unknown;
}): number {
	const low = Math.max(0, observation.lastPendingSentMs);
	const high = Math.max(low, observation.readyAnsweredMs);
	const reported = observation.reportedSeconds;
	if (typeof reported === 'number' && Number.isFinite(reported) && reported > 0) {
		return Math.min(high, Math.max(low, reported * 1000));
	}
	return (low + high) / 2;
}

/** The usual duration of a run's finished tasks: the median of the most recent samples. */
export class DurationEstimate {
	private readonly samples: number[] = [];

	add(ms: number): void {
		if (!Number.isFinite(ms) || ms < 0) return;
		this.samples.push(ms);
		if (this.samples.length > MAX_SAMPLES) this.samples.shift();
	}

	expectedMs(): number | undefined {
		if (!this.samples.length) return undefined;
		const sorted = [...this.samples].sort((a, b) => a - b);
		const mid = Math.floor(sorted.length / 2);
		return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	}
}
