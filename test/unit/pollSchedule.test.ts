import {
	coldPhaseMs,
	DurationEstimate,
	MAX_SAMPLES,
	MIN_GAP_MS,
	nextPollDelayMs,
	observedDurationMs,
	type PollTiming,
} from '../../nodes/Bfl/core/pacing/pollSchedule';

/** Poll times (ms since the submit was answered) of one task that becomes Ready at readyMs. */
function pollTimes(
	readyMs: number,
	timing: Omit<PollTiming, 'elapsedMs' | 'lastPollMs'>,
	answerMs = 5,
): number[] {
	const times: number[] = [];
	let now = 0;
	let last: number | undefined;
	while (times.length < 10_000) {
		now += nextPollDelayMs({ ...timing, elapsedMs: now, lastPollMs: last });
		times.push(now);
		last = now;
		if (now >= readyMs) return times;
		now += answerMs;
	}
	throw new Error('never saw the task Ready');
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]);

describe('cold grid (nothing learned yet)', () => {
	it('looks after a quarter second, then once per interval, without drift', () => {
		expect(pollTimes(3000, { intervalMs: 1000 })).toEqual([250, 1250, 2250, 3250]);
		expect(pollTimes(3000, { intervalMs: 1000 }, 300)).toEqual([250, 1250, 2250, 3250]);
	});

	it('spreads the items of a run over eight phases of the interval', () => {
		expect([0, 1, 2, 7, 8, 9].map((i) => coldPhaseMs(i, 1000))).toEqual([0, 125, 250, 875, 0, 125]);
		expect(pollTimes(2100, { intervalMs: 1000, phaseMs: 750 })).toEqual([1000, 2000, 3000]);
	});

	it('starts sooner for short intervals', () => {
		expect(pollTimes(500, { intervalMs: 200 })).toEqual([100, 300, 500]);
	});
});

describe('warm grid (a duration was learned)', () => {
	it('aims one look just after the expected finish and skips the early ones', () => {
		expect(pollTimes(2000, { intervalMs: 1000, expectedMs: 2000 })).toEqual([1025, 2025]);
		expect(pollTimes(6000, { intervalMs: 1000, expectedMs: 6000 })).toHaveLength(6);
		expect(pollTimes(6000, { intervalMs: 1000 })).toHaveLength(7);
	});

	it('looks twice more a quarter interval apart when the task is late, then once per interval', () => {
		expect(pollTimes(3000, { intervalMs: 1000, expectedMs: 2000 })).toEqual([
			1025, 2025, 2275, 2525, 3025,
		]);
	});

	it('takes a missed aimed look at once when the estimate arrives late', () => {
		// Last look on the cold grid at 1250; the run learns 2000 ms while this task sleeps.
		const delay = nextPollDelayMs({
			elapsedMs: 2100,
			lastPollMs: 1250,
			intervalMs: 1000,
			expectedMs: 2000,
		});
		expect(delay).toBe(MIN_GAP_MS);
	});

	it('owes the aimed look after a cold look shortly before it', () => {
		// Cold look at 1875 (phase 625 ms): it aimed at nothing, so the look at 2025 still comes.
		const cold = { lastPollMs: 1875, intervalMs: 1000, expectedMs: 2000, lastPollCold: true };
		expect(nextPollDelayMs({ ...cold, elapsedMs: 1900 })).toBe(125);
		expect(nextPollDelayMs({ ...cold, elapsedMs: 2040 })).toBe(MIN_GAP_MS);
		// The same look planned on the warm grid counts as the aimed one.
		expect(nextPollDelayMs({ ...cold, elapsedMs: 1900, lastPollCold: false })).toBe(375);
	});

	it('adds no look when the estimate drifts just past the previous look', () => {
		const delay = nextPollDelayMs({
			elapsedMs: 2035,
			lastPollMs: 2030,
			intervalMs: 1000,
			expectedMs: 2100,
		});
		expect(delay).toBeGreaterThanOrEqual(240);
	});

	it('never leaves a gap longer than the interval, nor misses Ready by more than one', () => {
		for (const intervalMs of [200, 1000, 5000]) {
			for (const expectedMs of [100, 900, 2000, 7300, 30_000]) {
				for (const readyMs of [150, 1200, 2050, 6900, 29_000, 41_000]) {
					const times = pollTimes(readyMs, { intervalMs, expectedMs, phaseMs: 250 });
					expect(Math.max(0, ...gaps(times))).toBeLessThanOrEqual(intervalMs);
					expect(times[times.length - 1] - readyMs).toBeLessThanOrEqual(intervalMs * 1.25);
				}
			}
		}
	});

	it('polls no more than latency / interval + 2 when the estimate is right', () => {
		for (const intervalMs of [500, 1000, 2000]) {
			for (const readyMs of [1000, 2000, 2350, 5000, 17_500]) {
				const times = pollTimes(readyMs, { intervalMs, expectedMs: readyMs });
				expect(times.length).toBeLessThanOrEqual(readyMs / intervalMs + 2);
				expect(times[times.length - 1] - readyMs).toBeLessThanOrEqual(50);
			}
		}
	});
});

describe('learning durations', () => {
	it('pins BFL-reported duration inside what the polls saw', () => {
		expect(
			observedDurationMs({ lastPendingSentMs: 1500, readyAnsweredMs: 2500, reportedSeconds: 2 }),
		).toBe(2000);
		expect(
			observedDurationMs({ lastPendingSentMs: 1500, readyAnsweredMs: 2500, reportedSeconds: 1 }),
		).toBe(1500);
		expect(
			observedDurationMs({ lastPendingSentMs: 1500, readyAnsweredMs: 2500, reportedSeconds: 9 }),
		).toBe(2500);
		expect(
			observedDurationMs({ lastPendingSentMs: 1500, readyAnsweredMs: 3500, reportedSeconds: '2' }),
		).toBe(2500);
		expect(observedDurationMs({ lastPendingSentMs: 0, readyAnsweredMs: 800 })).toBe(400);
	});

	it('expects the median of the most recent samples', () => {
		const estimate = new DurationEstimate();
		expect(estimate.expectedMs()).toBeUndefined();
		estimate.add(2000);
		expect(estimate.expectedMs()).toBe(2000);
		estimate.add(2200);
		estimate.add(9000);
		estimate.add(Number.NaN);
		estimate.add(-1);
		expect(estimate.expectedMs()).toBe(2200);
		for (let i = 0; i < MAX_SAMPLES; i++) estimate.add(5000);
		expect(estimate.expectedMs()).toBe(5000);
	});
});
