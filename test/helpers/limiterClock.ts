import {
	AccountLimiter,
	HALF_REFILL_MS,
	type LimiterRun,
	type Slot,
} from '../../nodes/Bfl/core/pacing/limiter';

/** A clock the test moves by hand; wake-ups resolve only when the test fires them. */
export function manualClock() {
	const clock = {
		time: 1_000,
		wakes: [] as Array<{ at: number; fire: () => void }>,
		now: () => clock.time,
		wake: async (ms: number) =>
			await new Promise<void>((resolve) =>
				clock.wakes.push({ at: clock.time + ms, fire: resolve }),
			),
	};
	return clock;
}

/**
 * A limiter of `cap` past the start of a burst from idle: its lone first submit and the ramp after
 * it were answered until its limit reached the cap, and its first task ended long enough ago that
 * the check for other processes is over (see the probe tests).
 */
export function answered(cap: number, clock: ReturnType<typeof manualClock> = manualClock()) {
	const limiter = new AccountLimiter(cap, clock);
	do limiter.accepted();
	while (limiter.limit < limiter.cap);
	limiter.taskEnded();
	clock.time += HALF_REFILL_MS;
	clock.wakes.length = 0;
	return limiter;
}

export const settle = async () => {
	for (let i = 0; i < 10; i++) await Promise.resolve();
};

/** Moves the clock to `time` and fires every wake-up due by then. */
export async function advanceTo(clock: ReturnType<typeof manualClock>, time: number) {
	clock.time = time;
	for (const wake of clock.wakes.splice(0))
		if (wake.at <= time) wake.fire();
		else clock.wakes.push(wake);
	await settle();
}

/** Acquires and records the order of grants as `${label}` entries. */
export function taker(run: LimiterRun, label: string, granted: string[], slots: Slot[]) {
	return (key = 'm', keyCap = 99) =>
		run.acquire(key, keyCap).then((slot) => {
			granted.push(label);
			slots.push(slot);
			return slot;
		});
}
