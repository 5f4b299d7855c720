import {
	AccountLimiter,
	COOL_OFF_MS,
	FAIR_SHARE,
	MAX_PACE_MS,
	OPEN_MS,
	NOT_STARTED,
	PACE_JITTER,
	type Slot,
} from '../../nodes/Bfl/core/pacing/limiter';
import { advanceTo, answered, manualClock, settle, taker } from '../helpers/limiterClock';

describe('AccountLimiter: the first submit', () => {
	it('goes alone until it is answered, then the account opens to the limit', async () => {
		const limiter = new AccountLimiter(4, manualClock());
		const run = limiter.join();
		const granted: string[] = [];
		for (const label of ['a', 'b', 'c']) void taker(run, label, granted, [])();
		await settle();
		expect(granted).toEqual(['a']);
		run.accepted();
		await settle();
		expect(granted).toEqual(['a', 'b', 'c']);
	});

	it('meets one 429 on an account another process fills, not a burst', async () => {
		const clock = manualClock();
		const limiter = new AccountLimiter(4, clock);
		const run = limiter.join();
		const granted: string[] = [];
		const slots: Slot[] = [];
		for (const label of ['a', 'b', 'c']) void taker(run, label, granted, slots)();
		await settle();
		run.rateLimited(clock.time);
		slots[0].release();
		await settle();
		expect(granted).toEqual(['a']);
		// None of the account's tasks is this process's: it starts again from one slot.
		expect(limiter.limit).toBe(1);
		expect(clock.wakes.map((w) => w.at)).toEqual([clock.time + COOL_OFF_MS]);
	});
});

describe('AccountLimiter: slots and fairness', () => {
	it('never grants more than the limit and grants in arrival order within a run', async () => {
		const limiter = answered(3, manualClock());
		const run = limiter.join();
		const granted: string[] = [];
		const slots: Slot[] = [];
		for (let i = 0; i < 5; i++)
			void run.acquire('m', 99).then((s) => (granted.push(`${i}`), slots.push(s)));
		await settle();
		expect(granted).toEqual(['0', '1', '2']);
		expect(limiter.inFlight).toBe(3);
		slots[1].release();
		slots[1].release(); // a second release changes nothing
		await settle();
		expect(granted).toEqual(['0', '1', '2', '3']);
		expect(limiter.inFlight).toBe(3);
		expect(run.stats.waited).toBe(2);
	});

	it('gives a freed slot to the run holding the fewest, so a large run cannot starve a small one', async () => {
		const limiter = answered(4, manualClock());
		const big = limiter.join();
		const small = limiter.join();
		const granted: string[] = [];
		const bigSlots: Slot[] = [];
		const smallSlots: Slot[] = [];
		const takeBig = taker(big, 'big', granted, bigSlots);
		const takeSmall = taker(small, 'small', granted, smallSlots);
		for (let i = 0; i < 20; i++) void takeBig();
		await settle();
		for (let i = 0; i < 2; i++) void takeSmall();
		await settle();
		expect(granted).toEqual(['big', 'big', 'big', 'big']);
		// Pure first-come-first-served would serve 16 more "big" before the small run.
		bigSlots[0].release();
		await settle();
		bigSlots[1].release();
		await settle();
		expect(granted.slice(4)).toEqual(['small', 'small']);
		bigSlots[2].release();
		await settle();
		expect(granted.slice(6)).toEqual(['big']);
	});

	it('with equal shares, serves the oldest waiter first across runs', async () => {
		const limiter = answered(3, manualClock());
		const [a, b, c] = [limiter.join(), limiter.join(), limiter.join()];
		const granted: string[] = [];
		const slots: Slot[] = [];
		void taker(a, 'a1', granted, slots)();
		void taker(b, 'b1', granted, slots)();
		void taker(c, 'c1', granted, slots)();
		await settle();
		void taker(b, 'b2', granted, slots)();
		void taker(a, 'a2', granted, slots)();
		await settle();
		slots[2].release();
		await settle();
		expect(granted).toEqual(['a1', 'b1', 'c1', 'b2']);
	});

	it('holds a model at its cap across runs while other models use the free slots', async () => {
		const limiter = answered(10, manualClock());
		const a = limiter.join();
		const b = limiter.join();
		const granted: string[] = [];
		const slots: Slot[] = [];
		void taker(a, 'a-max', granted, slots)('max', 2);
		void taker(a, 'a-max', granted, slots)('max', 2);
		void taker(b, 'b-max', granted, slots)('max', 2);
		void taker(b, 'b-pro', granted, slots)('pro', 24);
		await settle();
		expect(granted).toEqual(['a-max', 'a-max', 'b-pro']);
		expect(limiter.inFlightFor('max')).toBe(2);
		slots[0].release();
		await settle();
		expect(granted).toEqual(['a-max', 'a-max', 'b-pro', 'b-max']);
		expect(limiter.inFlightFor('max')).toBe(2);
	});
});

describe('AccountLimiter: cancelling a run', () => {
	it('frees its slots at once, rejects its waiters, and later releases change nothing', async () => {
		const limiter = answered(3, manualClock());
		const cancelled = limiter.join();
		const other = limiter.join();
		const granted: string[] = [];
		const slots: Slot[] = [];
		const rejected: unknown[] = [];
		for (let i = 0; i < 5; i++)
			void taker(cancelled, 'c', granted, slots)('max', 2).catch((e) => rejected.push(e));
		await settle();
		void taker(other, 'o', granted, slots)();
		void taker(other, 'o', granted, slots)();
		await settle();
		expect(granted).toEqual(['c', 'c', 'o']);
		const reason = new Error('cancelled');
		cancelled.close(reason);
		await settle();
		expect(rejected).toEqual([reason, reason, reason]);
		expect(granted).toEqual(['c', 'c', 'o', 'o']);
		expect(limiter.inFlight).toBe(2);
		expect(limiter.inFlightFor('max')).toBe(0);
		slots[0].release();
		slots[1].release();
		expect(limiter.inFlight).toBe(2);
		other.close();
		expect(limiter.inFlight).toBe(0);
		expect(limiter.idle).toBe(true);
		await expect(cancelled.acquire('m', 1)).rejects.toThrow('ended');
	});

	it('stop() turns queued and later requests away as NOT_STARTED, other runs unaffected', async () => {
		const limiter = answered(1, manualClock());
		const run = limiter.join();
		const other = limiter.join();
		const slot = await run.acquire('m', 9);
		const queued = run.acquire('m', 9);
		const othersTurn = other.acquire('m', 9);
		run.stop();
		await expect(queued).rejects.toBe(NOT_STARTED);
		await expect(run.acquire('m', 9)).rejects.toBe(NOT_STARTED);
		slot.release();
		await expect(othersTurn).resolves.toBeDefined();
		expect(limiter.inFlight).toBe(1);
	});

	it('dropWaiters rejects only the queued ones and keeps the slots in use', async () => {
		const limiter = answered(1, manualClock());
		const run = limiter.join();
		const slot = await run.acquire('m', 9);
		const waiting = run.acquire('m', 9);
		run.dropWaiters(new Error('stopped'));
		await expect(waiting).rejects.toThrow('stopped');
		expect(limiter.inFlight).toBe(1);
		slot.release();
		expect(limiter.inFlight).toBe(0);
	});
});

describe('AccountLimiter: the limit and its pacing', () => {
	/** A limiter of `cap` whose run holds `held` slots. */
	async function holding(cap: number, held: number) {
		const clock = manualClock();
		const limiter = answered(cap, clock);
		const run = limiter.join();
		const slots: Slot[] = [];
		for (let i = 0; i < held; i++) slots.push(await run.acquire('m', 99));
		return { clock, limiter, run, slots };
	}

	it('on a 429, yields down to half of the account when it holds more', async () => {
		const { clock, limiter, run } = await holding(24, 21);
		expect(FAIR_SHARE).toBe(0.5);
		// 20 tasks at BFL and the refused submit: the other processes hold 4.
		run.rateLimited(clock.time);
		expect(limiter.limit).toBe(12);
		// Judged on every 429, also those of the same congestion event.
		run.rateLimited(clock.time - 5);
		expect(limiter.limit).toBe(12);
	});

	it('on a 429, keeps what it holds when that is half or less, and claims half: a slot per accepted submit', async () => {
		const { clock, limiter, run } = await holding(24, 6);
		run.rateLimited(clock.time);
		expect(limiter.limit).toBe(5);
		for (let i = 0; i < 7; i++) limiter.accepted();
		expect(limiter.limit).toBe(12);
		// At half, the usual rounds again: this one had no task of its own end in it.
		for (let i = 0; i < 30; i++) limiter.accepted();
		expect(limiter.limit).toBe(12);
	});

	it('a lone submit refused holds nothing: the limit is 1, and half is claimed', async () => {
		const { clock, limiter, run } = await holding(24, 1);
		run.rateLimited(clock.time);
		expect(limiter.limit).toBe(1);
		limiter.accepted();
		expect(limiter.limit).toBe(2);
	});

	it('while claiming, one probe may be out over the limit', async () => {
		const { clock, limiter, run, slots } = await holding(8, 3);
		run.rateLimited(clock.time);
		void run.pauseFor();
		expect(limiter.limit).toBe(2);
		const granted: string[] = [];
		void taker(run, 'probe', granted, slots)();
		void taker(run, 'more', granted, slots)();
		await advanceTo(clock, clock.time + 1_000);
		// Two held, the readmitted submit as the probe: nothing else until it is answered.
		expect(limiter.inFlight).toBe(3);
		expect(granted).toEqual([]);
		// Accepted: it holds three now, its new limit; the next grant waits for a task to end.
		run.accepted();
		await settle();
		expect(limiter.limit).toBe(3);
		expect(granted).toEqual([]);
		slots[0].release();
		await settle();
		expect(granted).toEqual(['probe']);
	});

	/** A run holding 8 of 16 after a 429, with 4 items queued and a clean round just over. */
	async function afterCleanRound() {
		const { clock, limiter, run, slots } = await holding(16, 9);
		run.rateLimited(clock.time);
		expect(limiter.limit).toBe(8);
		slots.pop()!.release(); // the refused submit's slot goes back
		await advanceTo(clock, clock.time + 1_000); // past the pause
		const granted: string[] = [];
		for (let i = 0; i < 4; i++) void taker(run, `w${i}`, granted, slots)();
		// Accepts alone (a burst) are no round: one of its tasks must have ended in it.
		for (let i = 0; i < 20; i++) limiter.accepted(clock.time);
		limiter.taskEnded();
		limiter.accepted(clock.time);
		await settle();
		// A clean round only says that nobody met a 429: no climb, and nothing granted yet.
		expect(limiter.limit).toBe(8);
		expect(granted).toEqual([]);
		return { clock, limiter, run, slots, granted };
	}

	it('after a clean round (one of its tasks ended in it), tests for room with one submit over the limit', async () => {
		const { clock, granted } = await afterCleanRound();
		await advanceTo(clock, clock.time + OPEN_MS - 1);
		expect(granted).toEqual([]);
		await advanceTo(clock, clock.time + 1);
		expect(granted).toEqual(['w0']);
	});

	it('climbs one slot per accepted submit once its test for room is accepted, never above the cap', async () => {
		const { clock, limiter, granted } = await afterCleanRound();
		await advanceTo(clock, clock.time + OPEN_MS);
		const sentAt = clock.time;
		clock.time += 50;
		// Its answer: the account has room. The test's slot and one more.
		limiter.accepted(sentAt);
		await settle();
		expect(limiter.limit).toBe(10);
		expect(granted).toEqual(['w0', 'w1']);
		// Then one more per accepted submit.
		limiter.accepted(clock.time);
		await settle();
		expect(granted).toEqual(['w0', 'w1', 'w2']);
		for (let i = 0; i < 100; i++) limiter.accepted(clock.time);
		expect(limiter.limit).toBe(16);
	});

	it('a 429 to its test for room neither pauses nor paces it, and the next test waits for another round', async () => {
		const { clock, limiter, run, slots, granted } = await afterCleanRound();
		await advanceTo(clock, clock.time + OPEN_MS);
		expect(granted).toEqual(['w0']);
		run.rateLimited(clock.time);
		void run.pauseFor().then(() => granted.push('retry'));
		expect(limiter.limit).toBe(8);
		// One of its own tasks ends: its slot is refilled at once, with no pause and no pacing.
		slots[0].release();
		await settle();
		expect(granted).toEqual(['w0', 'retry']);
		await advanceTo(clock, clock.time + 10 * OPEN_MS);
		expect(granted).toEqual(['w0', 'retry']);
	});

	it('a lowered limit holds back new grants until slots drain below it', async () => {
		const clock = manualClock();
		const limiter = answered(4, clock);
		const run = limiter.join();
		const granted: string[] = [];
		const slots: Slot[] = [];
		for (let i = 0; i < 6; i++) void taker(run, 'x', granted, slots)();
		await settle();
		limiter.rateLimited(clock.time);
		expect(limiter.limit).toBe(2);
		clock.time += COOL_OFF_MS;
		slots[0].release();
		slots[1].release();
		await settle();
		expect(granted).toHaveLength(4);
		slots[2].release();
		await settle();
		expect(granted).toHaveLength(5);
	});

	it('after a 429 without Retry-After, starts nothing for the cool-off, then grants again', async () => {
		const clock = manualClock();
		const limiter = answered(4, clock);
		const run = limiter.join();
		const first = await run.acquire('m', 9);
		run.rateLimited(clock.time);
		first.release();
		const granted: string[] = [];
		void taker(run, 'next', granted, [])();
		await settle();
		// The account is full: the next queued item would only meet another 429.
		expect(granted).toEqual([]);
		expect(clock.wakes.map((w) => w.at)).toEqual([clock.time + COOL_OFF_MS]);
		clock.time += COOL_OFF_MS;
		clock.wakes[0].fire();
		await settle();
		expect(granted).toEqual(['next']);
	});

	it('until a submit is accepted again, grants one probe per cool-off', async () => {
		const clock = manualClock();
		const limiter = answered(8, clock);
		const run = limiter.join();
		const granted: string[] = [];
		const held = await run.acquire('m', 9);
		await run.acquire('m', 9);
		// The second submit is refused: it gives its slot back and queues for one again.
		run.rateLimited(clock.time);
		void run.pauseFor().then(() => granted.push('retry'));
		for (const label of ['a', 'b', 'c']) void taker(run, label, granted, [])();
		await settle();
		const fireNext = async () => {
			const wake = clock.wakes.shift()!;
			clock.time = wake.at;
			wake.fire();
			await settle();
		};
		await fireNext();
		expect(granted).toEqual(['retry']);
		expect(clock.wakes.map((w) => w.at)).toEqual([clock.time + COOL_OFF_MS]);
		// One task held, the retry out as the probe over the limit: nothing more yet.
		await fireNext();
		expect(granted).toEqual(['retry']);
		// An accepted submit ends the pacing: a slot that frees is refilled at once.
		run.accepted();
		held.release();
		await settle();
		expect(granted).toEqual(['retry', 'a']);
		expect(clock.wakes).toHaveLength(0);
	});

	it('each 429 to a paced probe doubles the gap to the next, up to MAX_PACE_MS', async () => {
		const clock: ReturnType<typeof manualClock> & { random?: () => number } = manualClock();
		const limiter = answered(8, clock);
		const run = limiter.join();
		await run.acquire('m', 9);
		/** The held slot's submit meets a 429: how long until the next one is granted. */
		const gapAfter429 = async () => {
			const refusedAt = clock.time;
			run.rateLimited(refusedAt);
			let granted = false;
			void run.pauseFor().then(() => (granted = true));
			await settle();
			while (!granted) {
				clock.wakes.sort((a, b) => a.at - b.at);
				const wake = clock.wakes.shift()!;
				clock.time = wake.at;
				wake.fire();
				await settle();
			}
			clock.time += 1; // the probe is sent, after the last congestion event
			return clock.time - 1 - refusedAt;
		};
		const gaps: number[] = [];
		for (let probe = 0; probe < 5; probe++) gaps.push(await gapAfter429());
		expect(gaps).toEqual([0, 1, 2, 3, 4].map((i) => Math.min(MAX_PACE_MS, COOL_OFF_MS * 2 ** i)));
		expect(gaps.at(-1)).toBe(MAX_PACE_MS);
		expect(run.stats.lowestLimit).toBe(1);
		// An accepted probe ends the pacing: the next 429 starts from the cool-off again.
		run.accepted();
		expect(await gapAfter429()).toBe(COOL_OFF_MS);
		// With a random source, each gap lies within PACE_JITTER of its nominal length.
		run.accepted();
		clock.random = () => 0;
		expect(await gapAfter429()).toBe(COOL_OFF_MS * (1 - PACE_JITTER));
		clock.random = () => 0.999;
		expect(await gapAfter429()).toBe(
			Math.round(Math.min(MAX_PACE_MS, 2 * COOL_OFF_MS) * (1 + PACE_JITTER * 0.998)),
		);
	});

	it('holds a run to its own cap while the account has room', async () => {
		const clock = manualClock();
		const limiter = answered(8, clock);
		const small = limiter.join(2);
		const other = limiter.join();
		const granted: string[] = [];
		const slots: Slot[] = [];
		for (let i = 0; i < 4; i++) void taker(small, 'small', granted, slots)();
		void taker(other, 'other', granted, slots)();
		await settle();
		expect(granted).toEqual(['small', 'small', 'other']);
		slots[0].release();
		await settle();
		expect(granted).toEqual(['small', 'small', 'other', 'small']);
		expect(small.held).toBe(2);
	});

	it('honours Retry-After as a pause of the whole account', async () => {
		const clock = manualClock();
		const limiter = answered(4, clock);
		const run = limiter.join();
		const first = await run.acquire('m', 9);
		run.rateLimited(clock.time, 2_000);
		first.release();
		const granted: string[] = [];
		void taker(run, 'after', granted, [])();
		await settle();
		expect(granted).toEqual([]);
		expect(clock.wakes).toHaveLength(1);
		expect(clock.wakes[0].at).toBe(clock.time + 2_000);
		clock.time += 2_000;
		clock.wakes[0].fire();
		await settle();
		expect(granted).toEqual(['after']);
		// The refused submit held the only slot: none of the account's tasks is this process's.
		expect(run.stats).toEqual({ waited: 1, rateLimited: 1, lowestLimit: 1 });
	});

	it('a 429 back-off gives the account slot back and queues ahead of the run’s own waiters', async () => {
		const clock = manualClock();
		const limiter = answered(2, clock);
		const run = limiter.join();
		const other = limiter.join();
		const slots: Slot[] = [];
		const granted: string[] = [];
		await run.acquire('max', 1).then((s) => slots.push(s));
		await run.acquire('pro', 9).then((s) => slots.push(s));
		void taker(run, 'queued', granted, slots)();
		void taker(other, 'other', granted, slots)();
		const readmitted = run.pauseFor();
		await settle();
		// The freed account slot went to the other run (it held nothing); the model slot stays held.
		expect(granted).toEqual(['other']);
		expect(limiter.inFlightFor('max')).toBe(1);
		slots[1].release();
		await settle();
		// The readmit queued ahead of the run's own waiter.
		expect(await readmitted).toBe(true);
		expect(granted).toEqual(['other']);
		expect(limiter.inFlightFor('max')).toBe(1);
		expect(limiter.inFlight).toBe(2);
	});

	it("a 429 back-off ends at its deadline, however long the account's pause", async () => {
		const clock = manualClock();
		const limiter = answered(2, clock);
		const run = limiter.join();
		const slot = await run.acquire('m', 9);
		run.rateLimited(clock.time, 3_600_000);
		const readmitted = run.pauseFor(clock.time + 2_000);
		await settle();
		// The first wake-up is the deadline, not the end of the (capped) pause.
		expect(Math.min(...clock.wakes.map((w) => w.at))).toBe(clock.time + 2_000);
		await advanceTo(clock, clock.time + 2_000);
		expect(await readmitted).toBe(false);
		// Counted as held until the item's slot is released, so the counts come back to zero.
		expect(limiter.inFlight).toBe(1);
		slot.release();
		expect(limiter.inFlight).toBe(0);
		expect(limiter.inFlightFor('m')).toBe(0);
	});
});
