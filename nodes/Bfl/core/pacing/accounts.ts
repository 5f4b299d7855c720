import { createHash } from 'node:crypto';

import { AccountLimiter, type LimiterClock, type LimiterRun } from './limiter';

/** Accounts kept at rest; a busy one is never dropped, so more can exist while they are busy. */
export const MAX_IDLE_ACCOUNTS = 32;
/** An account with nothing in flight for this long is forgotten (its learned limit with it). */
export const IDLE_MS = 10 * 60_000;

/**
 * The map key of an account: a hash of the API key and the API host, so the key itself is never
 * held here. Collisions would only merge two accounts' limits; sha256 makes that moot.
 */
export function accountKey(apiKey: string, apiHost: string): string {
	return createHash('sha256')
		.update(`n8n-nodes-bfl account\n${apiHost}\n${apiKey}`)
		.digest('hex')
		.slice(0, 32);
}

/** The limiters of every account this process talks to, bounded and pruned as they are used. */
export class AccountRegistry {
	private readonly accounts = new Map<string, AccountLimiter>();

	constructor(
		private readonly clock: LimiterClock,
		private readonly maxIdle = MAX_IDLE_ACCOUNTS,
		private readonly idleMs = IDLE_MS,
	) {}

	get size(): number {
		return this.accounts.size;
	}

	/** The account's limiter, created at `cap` on first use. */
	limiterFor(key: string, cap: number): AccountLimiter {
		let limiter = this.accounts.get(key);
		if (limiter) this.accounts.delete(key);
		else limiter = new AccountLimiter(cap, this.clock);
		// Re-inserted so that the map's order is least recently used first.
		this.accounts.set(key, limiter);
		this.prune();
		return limiter;
	}

	private prune(): void {
		const now = this.clock.now();
		const idle: string[] = [];
		for (const [key, limiter] of this.accounts) {
			if (!limiter.idle) continue;
			if (now - limiter.lastUsedAt >= this.idleMs) this.accounts.delete(key);
			else idle.push(key);
		}
		// Over the bound, the least recently used idle accounts go first (never the one just used).
		for (let i = 0; i < idle.length - Math.max(1, this.maxIdle); i++) this.accounts.delete(idle[i]);
	}
}

/** What the transport tells the limiter about a submit, without knowing about runs or slots. */
export interface RateGate {
	/** `sentAt`: when the accepted submit was sent (epoch ms). */
	accepted(sentAt?: number): void;
	rateLimited(sentAt: number, retryAfterMs?: number): void;
	/** Gives the account slot back after a 429 and waits for one again; false if `until` came first. */
	pauseFor(until?: number): Promise<boolean>;
}

const runs = new WeakMap<object, LimiterRun>();

/** Ties a node run's context to its share of the account while the run lasts. */
export function bindRun(context: object, run: LimiterRun | undefined): void {
	if (run) runs.set(context, run);
	else runs.delete(context);
}

/** The share of the account a context's run holds, if it joined one. */
export function runOf(context: object): LimiterRun | undefined {
	return runs.get(context);
}

export function rateGateOf(context: object): RateGate | undefined {
	return runs.get(context);
}
