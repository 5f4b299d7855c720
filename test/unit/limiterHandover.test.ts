import {
	AccountLimiter,
	HALF_REFILL_MS,
	IDLE_PROBE_MS,
	OPEN_AFTER_MS,
	OPEN_MEMORY_MS,
	OPEN_MS,
	PACE_JITTER,
	type Slot,
} from '../../nodes/Bfl/core/pacing/limiter';
import { advanceTo, answered, manualClock, settle, taker } from '../helpers/limiterClock';

/**
 * How a process hands the account over to another one without a shared store: it leaves a freed
 * slot open for a moment once it has held the whole account a while (only after it met a 429, so
 * a process alone keeps every slot busy), and after an idle spell its next submit goes alone.
 */

/** A limiter of `cap` whose run holds every slot, with one more item queued. */
async function holdingAll(limiter: AccountLimiter, cap: number) {
	const run = limiter.join();
	const slots: Slot[] = [];
	const granted: string[] = [];
	for (let i = 0; i < cap; i++) slots.push(await run.acquire('m', 99));
	void taker(run, 'next', granted, slots)();
	await settle();
	expect(granted).toEqual([]);
	return { run, slots, granted };
}

/**
 * A limiter of `cap` that met a 429 and climbed back to the cap: a claim of half, a clean round (a
 * task of its own ended in it), a test for room that BFL accepted, then a slot per accepted submit.
 */
async function climbedBack(cap: number) {
	const clock = manualClock();
	const limiter = answered(cap, clock);
	limiter.rateLimited(clock.time);
	await advanceTo(clock, clock.time + 1_000); // past the 429's pause
	limiter.taskEnded();
	for (let i = 0; i < cap; i++) limiter.accepted(clock.time);
	// The run that climbs stays open (the next run's burst would be one from idle) but lets go of
	// its slots.
	const climber = limiter.join();
	const held: Slot[] = [];
	for (let i = 0; i < cap; i++) void climber.acquire('m', 99).then((slot) => held.push(slot));
	await advanceTo(clock, clock.time + OPEN_MS);
	limiter.accepted(clock.time); // the answer to the test for room
	for (let i = 0; i < 2 * cap; i++) limiter.accepted(clock.time);
	expect(limiter.limit).toBe(cap);
	await settle();
	climber.dropWaiters(new Error('not needed'));
	for (const slot of held) slot.release();
	return { clock, limiter, climber };
}

/** A limiter of `cap` that met a 429, climbed back to the cap and now holds every slot. */
async function sharedAndFull(cap: number) {
	const { clock, limiter } = await climbedBack(cap);
	return { clock, limiter, ...(await holdingAll(limiter, cap)) };
}

describe('AccountLimiter: a process that holds the whole account', () => {
	it('alone (no 429 met), refills a freed slot at once, however long it has held them all', async () => {
		const clock = manualClock();
		const limiter = answered(4, clock);
		const { slots, granted } = await holdingAll(limiter, 4);
		await advanceTo(clock, clock.time + 10 * OPEN_AFTER_MS);
		slots[0].release();
		await settle();
		expect(granted).toEqual(['next']);
	});

	it('after a 429, leaves a freed slot open for a moment once it has held them all a while', async () => {
		const { clock, limiter, slots, granted } = await sharedAndFull(4);
		await advanceTo(clock, clock.time + OPEN_AFTER_MS);
		slots[0].release();
		await settle();
		expect(granted).toEqual([]);
		const opened = clock.wakes.map((w) => w.at - clock.time);
		expect(opened).toHaveLength(1);
		expect(opened[0]).toBeGreaterThanOrEqual(OPEN_MS * (1 - PACE_JITTER));
		expect(opened[0]).toBeLessThanOrEqual(OPEN_MS * (1 + PACE_JITTER));
		// Other freed slots are refilled at once meanwhile: only one stays open.
		void taker(limiter.join(), 'other', granted, slots)();
		slots[1].release();
		await settle();
		expect(granted).toEqual(['other']);
		await advanceTo(clock, clock.time + opened[0]);
		expect(granted).toEqual(['other', 'next']);
		// The next opening comes only after another OPEN_AFTER_MS of holding them all.
		slots[2].release();
		void taker(limiter.join(), 'third', granted, slots)();
		await settle();
		expect(granted).toEqual(['other', 'next', 'third']);
	});

	it('forgets the 429 after OPEN_MEMORY_MS and keeps every slot busy again', async () => {
		const { clock, slots, granted } = await sharedAndFull(2);
		await advanceTo(clock, clock.time + OPEN_MEMORY_MS);
		slots[0].release();
		await settle();
		expect(granted).toEqual(['next']);
	});
});

describe('AccountLimiter: a burst after an idle spell', () => {
	it('sends its first submit alone once nothing was in flight for IDLE_PROBE_MS', async () => {
		const clock = manualClock();
		const limiter = answered(4, clock);
		const run = limiter.join();
		(await run.acquire('m', 99)).release();
		await advanceTo(clock, clock.time + IDLE_PROBE_MS);
		const granted: string[] = [];
		for (const label of ['a', 'b', 'c']) void taker(run, label, granted, [])();
		await settle();
		expect(granted).toEqual(['a']);
		// Another process fills the account: one 429, and this process starts again from one slot.
		run.rateLimited(clock.time);
		expect(limiter.limit).toBe(1);
	});

	it('bursts at once after a shorter pause', async () => {
		const clock = manualClock();
		const limiter = answered(4, clock);
		const run = limiter.join();
		(await run.acquire('m', 99)).release();
		await advanceTo(clock, clock.time + IDLE_PROBE_MS - 1);
		const granted: string[] = [];
		for (const label of ['a', 'b', 'c']) void taker(run, label, granted, [])();
		await settle();
		expect(granted).toEqual(['a', 'b', 'c']);
	});

	it('sends its first submit alone when a run joins after the last one left, however soon', async () => {
		const clock = manualClock();
		const limiter = answered(4, clock);
		const first = limiter.join();
		(await first.acquire('m', 99)).release();
		first.close();
		const granted: string[] = [];
		const run = limiter.join();
		for (const label of ['a', 'b', 'c']) void taker(run, label, granted, [])();
		await settle();
		expect(granted).toEqual(['a']);
	});

	it('alone lately, opens two slots per accepted submit after its lone one, up to the cap', async () => {
		const limiter = new AccountLimiter(24, manualClock());
		const limits: number[] = [];
		for (let i = 0; i < 6; i++) {
			limiter.accepted();
			limits.push(limiter.limit);
		}
		// In flight after each round trip: 1, 3, 7, 15, then the cap.
		expect(limits).toEqual([3, 5, 7, 9, 11, 13]);
	});

	it('after ramping, refills only half for a moment when its first task ends, then all', async () => {
		const clock = manualClock();
		const limiter = new AccountLimiter(4, clock);
		const run = limiter.join();
		const granted: string[] = [];
		const slots: Slot[] = [];
		for (let i = 0; i < 7; i++) void taker(run, `w${i}`, granted, slots)();
		await settle();
		for (let i = 0; i < 3; i++) {
			limiter.accepted(clock.time);
			await settle();
		}
		expect(granted).toHaveLength(4);
		// Its first task ends: another process that started a moment later may be waiting, and
		// finds the freed slots while it refills only up to half.
		for (const slot of slots.slice(0, 3)) slot.release();
		await settle();
		expect(granted).toHaveLength(5); // 2 in flight: half of 4
		await advanceTo(clock, clock.time + HALF_REFILL_MS - 1);
		expect(granted).toHaveLength(5);
		await advanceTo(clock, clock.time + 1);
		expect(granted).toHaveLength(7);
	});

	it('having shared the account lately, starts its burst at half', async () => {
		const { limiter, climber } = await climbedBack(24);
		climber.close();
		const run = limiter.join();
		(await run.acquire('m', 99)).release();
		run.close();
		limiter.accepted();
		expect(limiter.limit).toBe(12);
	});
});
