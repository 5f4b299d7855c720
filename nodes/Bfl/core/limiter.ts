/**
 * One BFL account's tasks in flight, shared by every node run of the process. BFL caps tasks in
 * flight per account (and per model); this holds the process under that cap, queues items of all
 * runs fairly, and adapts its limit to 429s from other processes on the same account (AIMD; the
 * reasoning is in DEVELOPERS.md). Pure: the clock and the one wake-up it needs are injected.
 */

export interface LimiterClock {
	now(): number;
	/** Resolves after `ms`; used only to end a Retry-After pause. */
	wake(ms: number): Promise<void>;
}

/** On a 429 the limit is multiplied by this (and rounded down, never below 1). */
export const DECREASE_FACTOR = 0.5;
/** A Retry-After pause never lasts longer than this. */
export const MAX_PAUSE_MS = 60_000;

interface Waiter {
	order: number;
	key: string;
	keyCap: number;
	/** A task that gave its account slot back during a 429 back-off keeps its model slot. */
	accountOnly: boolean;
	grant(): void;
	fail(error: unknown): void;
}

export interface Slot {
	/** Gives the slot back; a second call, or one after the run closed, does nothing. */
	release(): void;
}

/** What a node run learned from the limiter, for its debug log line. */
export interface RunStats {
	/** Slots this run had to queue for (granted at once: not counted). */
	waited: number;
	/** 429s its submits got and absorbed. */
	rateLimited: number;
}

const bump = (map: Map<string, number>, key: string, by: number) => {
	const next = (map.get(key) ?? 0) + by;
	if (next > 0) map.set(key, next);
	else map.delete(key);
};

export class AccountLimiter {
	/** The adaptive limit: between 1 and `cap`. */
	limit: number;
	inFlight = 0;
	lastUsedAt: number;
	private readonly byKey = new Map<string, number>();
	private readonly runs = new Set<LimiterRun>();
	private successes = 0;
	private lastDecreaseAt = -Infinity;
	private pausedUntil = -Infinity;
	private wakeScheduled = false;
	private orders = 0;

	constructor(
		readonly cap: number,
		private readonly clock: LimiterClock,
	) {
		this.limit = cap;
		this.lastUsedAt = clock.now();
	}

	/** A node run joins; it must `close()` when done. */
	join(): LimiterRun {
		const run = new LimiterRun(this);
		this.runs.add(run);
		this.lastUsedAt = this.clock.now();
		return run;
	}

	get idle(): boolean {
		return this.runs.size === 0 && this.inFlight === 0;
	}

	inFlightFor(key: string): number {
		return this.byKey.get(key) ?? 0;
	}

	/** Additive increase: one slot more after `limit` accepted submits in a row. */
	accepted(): void {
		if (++this.successes < this.limit) return;
		this.successes = 0;
		this.limit = Math.min(this.cap, this.limit + 1);
		this.pump();
	}

	/**
	 * Multiplicative decrease, once per congestion event: a 429 to a request sent before the last
	 * decrease was answered to the load that decrease already reacted to.
	 */
	rateLimited(sentAt: number, retryAfterMs?: number): void {
		const now = this.clock.now();
		this.successes = 0;
		if (sentAt > this.lastDecreaseAt) {
			this.lastDecreaseAt = now;
			this.limit = Math.max(1, Math.floor(this.limit * DECREASE_FACTOR));
		}
		if (retryAfterMs !== undefined && retryAfterMs > 0)
			this.pausedUntil = Math.max(this.pausedUntil, now + Math.min(retryAfterMs, MAX_PAUSE_MS));
	}

	/** @internal */ nextOrder(): number {
		return this.orders++;
	}

	/** @internal */ adjust(slots: number, key?: string, keySlots = slots): void {
		this.inFlight += slots;
		if (key !== undefined) bump(this.byKey, key, keySlots);
	}

	/** @internal */ leave(run: LimiterRun): void {
		this.runs.delete(run);
		this.lastUsedAt = this.clock.now();
	}

	/** Grants free slots: to the run holding the fewest, then to the oldest waiter. */
	pump(): void {
		const now = this.clock.now();
		if (now < this.pausedUntil) {
			if (!this.wakeScheduled) {
				this.wakeScheduled = true;
				void this.clock.wake(this.pausedUntil - now).then(() => {
					this.wakeScheduled = false;
					this.pump();
				});
			}
			return;
		}
		while (this.inFlight < this.limit) {
			let best: { run: LimiterRun; index: number; waiter: Waiter } | undefined;
			for (const run of this.runs) {
				const index = run.queue.findIndex(
					(w) => w.accountOnly || this.inFlightFor(w.key) < Math.max(1, w.keyCap),
				);
				if (index < 0) continue;
				const waiter = run.queue[index];
				if (
					!best ||
					run.held < best.run.held ||
					(run.held === best.run.held && waiter.order < best.waiter.order)
				)
					best = { run, index, waiter };
			}
			if (!best) return;
			best.run.queue.splice(best.index, 1);
			best.waiter.grant();
		}
	}
}

/** Why an item queued for a slot never started: its run stopped at another item's error. */
export const NOT_STARTED = new Error('Not started: the node stopped at an earlier error');

/** One node run's share of an account: its slots, its queue and its stats. */
export class LimiterRun {
	held = 0;
	closed = false;
	/** Set when the run ends at its first failure (Continue On Fail off). */
	stopOnFailure = false;
	stopped = false;
	readonly queue: Waiter[] = [];
	readonly stats: RunStats = { waited: 0, rateLimited: 0 };
	private readonly heldByKey = new Map<string, number>();

	constructor(readonly account: AccountLimiter) {}

	/** Waits for an account slot and a slot of `key` (at most `keyCap` of that key in flight). */
	async acquire(key: string, keyCap: number): Promise<Slot> {
		await this.enqueue(key, keyCap, false);
		let released = false;
		return {
			release: () => {
				if (released || this.closed) return;
				released = true;
				this.change(-1, key);
			},
		};
	}

	/**
	 * A 429 arrived: the account slot goes back for the back-off `wait`, then this run queues for
	 * one again, ahead of its own other waiters, while the model slot stays held.
	 */
	async pauseFor<T>(wait: () => Promise<T>): Promise<T> {
		if (!this.closed) this.change(-1);
		try {
			return await wait();
		} finally {
			if (!this.closed) await this.enqueue('', 0, true);
		}
	}

	/** Reports a 429 to the account (see AccountLimiter.rateLimited). */
	rateLimited(sentAt: number, retryAfterMs?: number): void {
		this.stats.rateLimited++;
		this.account.rateLimited(sentAt, retryAfterMs);
	}

	accepted(): void {
		this.account.accepted();
	}

	/** Rejects the queued waiters only; slots in use stay held until released. */
	dropWaiters(reason: unknown): void {
		for (const waiter of this.queue.splice(0)) waiter.fail(reason);
	}

	/** No item of this run starts any more: queued ones and later requests get NOT_STARTED. */
	stop(): void {
		this.stopped = true;
		this.dropWaiters(NOT_STARTED);
	}

	/** Ends the run: every slot it holds is freed at once and its waiters leave with `reason`. */
	close(reason: unknown = new Error('The run has ended')): void {
		if (this.closed) return;
		this.dropWaiters(reason);
		this.closed = true;
		this.account.adjust(-this.held);
		for (const [key, count] of this.heldByKey) this.account.adjust(0, key, -count);
		this.held = 0;
		this.heldByKey.clear();
		this.account.leave(this);
		this.account.pump();
	}

	/** Takes (by = 1) or frees (by = -1) an account slot, and the slot of `key` when given. */
	private change(by: number, key?: string): void {
		this.held += by;
		this.account.adjust(by, key);
		if (key !== undefined) bump(this.heldByKey, key, by);
		if (by < 0) this.account.pump();
	}

	private async enqueue(key: string, keyCap: number, accountOnly: boolean): Promise<void> {
		if (this.closed) throw new Error('The run has ended');
		if (this.stopped) throw NOT_STARTED;
		let grantedAtOnce = false;
		const granted = new Promise<void>((resolve, reject) => {
			const waiter: Waiter = {
				order: this.account.nextOrder(),
				key,
				keyCap,
				accountOnly,
				grant: () => {
					grantedAtOnce = true;
					this.change(1, accountOnly ? undefined : key);
					resolve();
				},
				fail: reject,
			};
			if (accountOnly) this.queue.unshift(waiter);
			else this.queue.push(waiter);
		});
		this.account.pump();
		if (!grantedAtOnce) this.stats.waited++;
		await granted;
	}
}
