import { AccountLimiter, type LimiterRun, type Slot } from '../../nodes/Bfl/core/pacing/limiter';

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
 * A limiter past its first probe and the ramp after it: its submits have been answered until its
 * limit reached the cap (see the probe tests).
 */
export function answered(limiter: AccountLimiter): AccountLimiter {
	do limiter.accepted();
	while (limiter.limit < limiter.cap);
	return limiter;
}

export const settle = async () => {
	for (let i = 0; i < 10; i++) await Promise.resolve();
};

/** Acquires and records the order of grants as `${label}` entries. */
export function taker(run: LimiterRun, label: string, granted: string[], slots: Slot[]) {
	return (key = 'm', keyCap = 99) =>
		run.acquire(key, keyCap).then((slot) => {
			granted.push(label);
			slots.push(slot);
			return slot;
		});
}
