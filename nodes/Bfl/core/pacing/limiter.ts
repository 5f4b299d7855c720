import { bump, expireWaiters, LimiterRun, nextWaiter } from './limiterRun';
import {
	COOL_OFF_MS,
	HALF_REFILL_MS,
	IDLE_PROBE_MS,
	MAX_PACE_MS,
	MAX_PAUSE_MS,
	OPEN_AFTER_MS,
	OPEN_MEMORY_MS,
	OPEN_MS,
	PACE_JITTER,
	type LimiterClock,
} from './limiterTuning';
import { RoomTest } from './roomTest';
import { ShareLimit } from './shareLimit';

export { NOT_STARTED, LimiterRun, type RunStats, type Slot } from './limiterRun';
export * from './limiterTuning';

/**
 * One BFL account's tasks in flight, shared by every node run of the process. BFL caps tasks in
 * flight per account (and per model); this holds the process under that cap, queues items of all
 * runs fairly, and adapts its limit to 429s from other processes on the same account (ShareLimit; the
 * reasoning is in DEVELOPERS.md). Pure: the clock and the one wake-up it needs are injected.
 */

export class AccountLimiter {
	inFlight = 0;
	lastUsedAt: number;
	private readonly byKey = new Map<string, number>();
	private readonly runs = new Set<LimiterRun>();
	private readonly share: ShareLimit;
	private lastCongestionAt = -Infinity;
	private pausedUntil = -Infinity;
	/** A 429 came and no submit was accepted since: grants are paced (COOL_OFF_MS). */
	private congested = false;
	/** While congested, the next grant waits until then. */
	private pacedUntil = -Infinity;
	/** While congested, the gap between two grants. */
	private paceMs = COOL_OFF_MS;
	/**
	 * No submit of this burst from idle has been accepted or refused yet: one goes alone. A process
	 * that joins an account another one already fills then meets one 429 instead of a whole burst;
	 * once it is accepted, the burst starts at the share or ramps up (ShareLimit).
	 */
	private probing = true;
	/** Since when the limit has been at the cap with no slot left open (see OPEN_AFTER_MS). */
	private fullSince: number;
	/** Until then one slot stays open. */
	private openUntil = -Infinity;
	/** A burst that ramped (nobody met lately) checks for others when its first task ends. */
	private checksAfterFirstTask = false;
	/** Until then it refills its freed slots only up to half. */
	private halfUntil = -Infinity;
	private readonly roomTest = new RoomTest();
	/** When the last task in flight ended (see IDLE_PROBE_MS). */
	private emptySince: number;
	/** When the pending wake-up fires (Infinity: none pending). */
	private nextWake = Infinity;
	/** Ends the pending wake-ups once nothing waits for them (a pause can last a minute). */
	private wakes = new AbortController();
	private orders = 0;

	constructor(
		readonly cap: number,
		private readonly clock: LimiterClock,
	) {
		this.share = new ShareLimit(cap);
		this.lastUsedAt = clock.now();
		this.fullSince = this.emptySince = clock.now();
	}

	/** A node run joins, holding at most `runCap` slots at once; it must `close()` when done. */
	join(runCap = Infinity): LimiterRun {
		const run = new LimiterRun(this, runCap);
		this.runs.add(run);
		this.lastUsedAt = this.clock.now();
		return run;
	}

	/** The adaptive limit (ShareLimit): between 1 and `cap`. */
	get limit(): number {
		return this.share.value;
	}

	get idle(): boolean {
		return this.runs.size === 0 && this.inFlight === 0;
	}

	inFlightFor(key: string): number {
		return this.byKey.get(key) ?? 0;
	}

	/**
	 * An accepted submit ends probing and pacing, and may raise the limit (ShareLimit). `sentAt`:
	 * when it was sent, which tells the answer to a test for room from the others.
	 */
	accepted(sentAt?: number): void {
		const now = this.clock.now();
		if (this.congested || this.probing) {
			if (this.probing) {
				if (this.shared(now)) this.share.startAtShare();
				else {
					this.share.rampFromOne();
					this.checksAfterFirstTask = true;
				}
			}
			this.congested = false;
			this.probing = false;
			this.pacedUntil = -Infinity;
			this.pump();
		}
		const rose = this.roomTest.answers(sentAt) ? this.share.roomFound() : this.share.accepted();
		if (this.share.testsRoom) {
			// Away from the moment its own tasks end, when the others' freed slots are theirs to refill.
			this.roomTest.plan(now + this.jittered(OPEN_MS));
			this.wakeAt(now, this.roomTest.wakeAt(now));
		}
		if (!rose) return;
		if (this.limit === this.cap) this.fullSince = now;
		this.pump();
	}

	/**
	 * A 429: the account is full. The limit follows what that says of this process's share
	 * (ShareLimit); the pacing doubles once per congestion event, since a 429 to a request sent
	 * before the last one was answered to the load that one already reacted to. A 429 to a test for
	 * room is the expected answer while others hold the rest: it neither pauses nor paces.
	 */
	rateLimited(sentAt: number, retryAfterMs?: number): void {
		const now = this.clock.now();
		this.probing = this.checksAfterFirstTask = false;
		// The refused submit still holds its slot here.
		this.share.rateLimited(this.inFlight - 1);
		if (this.roomTest.answers(sentAt) && retryAfterMs === undefined) {
			this.lastCongestionAt = Math.max(this.lastCongestionAt, now);
			return;
		}
		if (sentAt > this.lastCongestionAt) {
			this.lastCongestionAt = now;
			this.paceMs = this.congested ? Math.min(MAX_PACE_MS, this.paceMs * 2) : COOL_OFF_MS;
		}
		this.congested = true;
		const pauseMs =
			retryAfterMs !== undefined && retryAfterMs > 0 ? retryAfterMs : this.jittered(this.paceMs);
		this.pausedUntil = Math.max(this.pausedUntil, now + Math.min(pauseMs, MAX_PAUSE_MS));
	}

	/**
	 * A task of this process ended: BFL has room for it again. The pacing of a congested account is
	 * for slots other processes keep filling; this one's own freed slots are refilled at once.
	 */
	taskEnded(): void {
		this.share.taskEnded();
		if (this.checksAfterFirstTask) {
			this.checksAfterFirstTask = false;
			const now = this.clock.now();
			this.halfUntil = now + HALF_REFILL_MS;
			this.wakeAt(now, this.halfUntil);
		}
		if (!this.congested) return;
		this.congested = false;
		this.pacedUntil = -Infinity;
	}

	/** @internal */ nextOrder(): number {
		return this.orders++;
	}

	/** @internal */ adjust(slots: number, key?: string, keySlots = slots): void {
		this.inFlight += slots;
		if (this.inFlight === 0) this.emptySince = this.clock.now();
		if (key !== undefined) bump(this.byKey, key, keySlots);
	}

	/** @internal */ leave(run: LimiterRun): void {
		this.runs.delete(run);
		this.lastUsedAt = this.clock.now();
		if (this.runs.size > 0) return;
		// The next run's burst is one from idle, however soon it comes: its first submit goes alone.
		this.probing = true;
		this.roomTest.reset();
		this.wakes.abort();
		this.wakes = new AbortController();
		this.nextWake = Infinity;
	}

	/**
	 * Grants free slots: to the run holding the fewest (below its cap), then to the oldest waiter.
	 * A waiter whose `until` has come leaves ungranted, however long the account stays paused.
	 */
	pump(): void {
		const now = this.clock.now();
		const nextExpiry = expireWaiters(this.runs, now);
		const until = this.congested ? Math.max(this.pausedUntil, this.pacedUntil) : this.pausedUntil;
		if (now < until) return this.wakeAt(now, Math.min(until, nextExpiry));
		if (this.inFlight === 0 && now - this.emptySince >= IDLE_PROBE_MS) this.probing = true;
		while (this.inFlight < this.room(now)) {
			const best = nextWaiter(this.runs, (key) => this.inFlightFor(key));
			if (!best) break;
			if (this.opensSlot(now)) return this.wakeAt(now, Math.min(this.openUntil, nextExpiry));
			best.run.queue.splice(best.index, 1);
			if (this.inFlight >= this.limit && !this.congested) this.roomTest.sent(now);
			best.waiter.grant();
			if (this.congested) {
				this.pacedUntil = now + this.jittered(this.paceMs);
				return this.wakeAt(now, Math.min(this.pacedUntil, nextExpiry));
			}
		}
		// What the pacing does not wake for: the end of the half-refill check, the test for room.
		let next = nextExpiry;
		if (now < this.halfUntil) next = Math.min(next, this.halfUntil);
		if (this.share.testsRoom) next = Math.min(next, this.roomTest.wakeAt(now));
		if (next < Infinity) this.wakeAt(now, next);
	}

	/**
	 * Slots that may be in flight now: one while probing; the limit, and a paced probe over it while
	 * claiming a share of a full account, or one fewer while a slot is left open.
	 */
	private room(now: number): number {
		if (this.probing) return 1;
		if (this.congested && this.share.probesForClaim) return this.limit + 1;
		if (!this.congested && this.share.testsRoom && this.roomTest.due(now)) return this.limit + 1;
		if (now < this.halfUntil) return Math.min(this.limit, this.share.share);
		return this.limit - (now < this.openUntil ? 1 : 0);
	}

	/** A 429 came lately: other processes use this account too. */
	private shared(now: number): boolean {
		return now - this.lastCongestionAt < OPEN_MEMORY_MS;
	}

	/** Leaves the slot just freed open for a moment if the whole account was held long enough. */
	private opensSlot(now: number): boolean {
		const holdsAll = this.limit >= this.cap && this.inFlight === this.limit - 1;
		if (!holdsAll || !this.shared(now) || this.congested || now - this.fullSince < OPEN_AFTER_MS)
			return false;
		this.openUntil = now + this.jittered(OPEN_MS);
		this.fullSince = this.openUntil;
		return true;
	}

	private jittered(ms: number): number {
		const random = this.clock.random?.() ?? 0.5;
		return Math.round(ms * (1 - PACE_JITTER + 2 * PACE_JITTER * random));
	}

	/**
	 * Pumps again when the pause ends. A wake-up already due by then serves; a later one does not,
	 * since an accept may have shortened the pacing since it was set.
	 */
	private wakeAt(now: number, until: number): void {
		// Wake-ups serve queued waiters only; a run that joins later pumps for itself.
		if (this.nextWake <= until || this.runs.size === 0) return;
		this.nextWake = until;
		void this.clock.wake(until - now, this.wakes.signal).then(
			() => {
				if (this.nextWake === until) this.nextWake = Infinity;
				this.pump();
			},
			() => undefined,
		);
	}
}
