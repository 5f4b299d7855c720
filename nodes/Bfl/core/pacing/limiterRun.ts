/** A node run's share of one account's limiter (core/pacing/limiter): its slots, queue and stats. */
import type { AccountLimiter } from './limiter';

export interface Waiter {
	order: number;
	key: string;
	keyCap: number;
	/** A task that gave its account slot back during a 429 back-off keeps its model slot. */
	accountOnly: boolean;
	/** Epoch ms (the limiter's clock): the waiter leaves the queue then, ungranted. */
	until?: number;
	grant(): void;
	/** `until` came before a slot. */
	expire(): void;
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
	/** The account's lowest limit after one of this run's 429s (the cap when it met none). */
	lowestLimit: number;
}

export const bump = (map: Map<string, number>, key: string, by: number) => {
	const next = (map.get(key) ?? 0) + by;
	if (next > 0) map.set(key, next);
	else map.delete(key);
};

/** Lets go of the runs' waiters whose `until` has come; returns the next `until` still ahead. */
export function expireWaiters(runs: Iterable<LimiterRun>, now: number): number {
	let next = Infinity;
	for (const run of runs) {
		for (const waiter of [...run.queue]) {
			if (waiter.until === undefined) continue;
			if (waiter.until > now) {
				next = Math.min(next, waiter.until);
				continue;
			}
			run.queue.splice(run.queue.indexOf(waiter), 1);
			waiter.expire();
		}
	}
	return next;
}

/**
 * The waiter to grant next: of the runs below their own cap, the one holding the fewest slots,
 * then the oldest waiter; a waiter whose model is at its cap waits (a readmission after a 429
 * keeps its model slot and needs none).
 */
export function nextWaiter(
	runs: Iterable<LimiterRun>,
	inFlightFor: (key: string) => number,
): { run: LimiterRun; index: number; waiter: Waiter } | undefined {
	let best: { run: LimiterRun; index: number; waiter: Waiter } | undefined;
	for (const run of runs) {
		if (run.held >= run.cap) continue;
		const index = run.queue.findIndex(
			(w) => w.accountOnly || inFlightFor(w.key) < Math.max(1, w.keyCap),
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
	return best;
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
	readonly stats: RunStats;
	private readonly heldByKey = new Map<string, number>();

	/** `cap`: the run's own bound on slots held at once (the node's Concurrency option). */
	constructor(
		readonly account: AccountLimiter,
		readonly cap = Infinity,
	) {
		this.stats = { waited: 0, rateLimited: 0, lowestLimit: account.limit };
	}

	/** Waits for an account slot and a slot of `key` (at most `keyCap` of that key in flight). */
	async acquire(key: string, keyCap: number): Promise<Slot> {
		await this.enqueue(key, keyCap, false);
		let released = false;
		return {
			release: () => {
				if (released || this.closed) return;
				released = true;
				this.account.taskEnded();
				this.change(-1, key);
			},
		};
	}

	/**
	 * A 429 arrived: the account slot goes back, and this run queues for one again, ahead of its
	 * own other waiters, while the model slot stays held. False when `until` (the item's deadline)
	 * came first: the item is out of time and must end, and whatever the account's pause says,
	 * it waited no longer.
	 */
	async pauseFor(until?: number): Promise<boolean> {
		if (this.closed) return true;
		this.change(-1);
		return await this.enqueue('', 0, true, until);
	}

	/** Reports a 429 to the account (see AccountLimiter.rateLimited). */
	rateLimited(sentAt: number, retryAfterMs?: number): void {
		this.stats.rateLimited++;
		this.account.rateLimited(sentAt, retryAfterMs);
		this.stats.lowestLimit = Math.min(this.stats.lowestLimit, this.account.limit);
	}

	accepted(sentAt?: number): void {
		this.account.accepted(sentAt);
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

	private async enqueue(
		key: string,
		keyCap: number,
		accountOnly: boolean,
		until?: number,
	): Promise<boolean> {
		if (this.closed) throw new Error('The run has ended');
		if (this.stopped) throw NOT_STARTED;
		let grantedAtOnce = false;
		const granted = new Promise<boolean>((resolve, reject) => {
			const waiter: Waiter = {
				order: this.account.nextOrder(),
				key,
				keyCap,
				accountOnly,
				until,
				grant: () => {
					grantedAtOnce = true;
					this.change(1, accountOnly ? undefined : key);
					resolve(true);
				},
				expire: () => {
					// Counted as held though never granted: the item's slot is released as it ends,
					// at once, and that release must find the slot it gives back.
					this.held += 1;
					this.account.adjust(1);
					resolve(false);
				},
				fail: reject,
			};
			if (accountOnly) this.queue.unshift(waiter);
			else this.queue.push(waiter);
		});
		this.account.pump();
		if (!grantedAtOnce) this.stats.waited++;
		return await granted;
	}
}
