import { FAIR_SHARE } from './limiterTuning';

/**
 * How many slots of a BFL account one process may hold, learned from what BFL answers it: the
 * processes sharing an account (queue-mode workers) know of each other only through 429s. Pure;
 * the reasoning and the measurements are in DEVELOPERS.md ("Sharing the account").
 */
export class ShareLimit {
	/** Between 1 and `cap`. */
	value: number;
	private successes = 0;
	/** One of this process's tasks ended since the round began: a round lasts about a task. */
	private endedInRound = false;
	/** Below this, each accepted submit adds a slot, and one probe may be out over what it holds. */
	private claim = 0;
	/** It holds a task at BFL (at its last 429, or accepted since): its limit is no probe already. */
	private holdsTask = false;
	/** Feeling its way up from a lone submit (see `rampFromOne`). */
	private ramping = false;
	/** A clean round is over: one submit over the limit is to show whether the account has room. */
	testsRoom = false;
	/** That submit was accepted: one slot more per accepted submit until the next 429. */
	private climbing = false;

	constructor(readonly cap: number) {
		this.value = cap;
	}

	/** The part of the account a process aims for once it knows that others share it. */
	get share(): number {
		return Math.max(1, Math.floor(this.cap * FAIR_SHARE));
	}

	/**
	 * Holding a task, and at most half of what it claims: a probe may go out over the limit while the
	 * account is full, so a slot that frees is found without waiting for one of this process's own
	 * tasks to end. Nearer the claim, its own refills and their accepts get it there without the
	 * probe's 429s.
	 */
	get probesForClaim(): boolean {
		return this.holdsTask && this.value * 2 <= this.claim;
	}

	/**
	 * Ramping, two slots more per accepted submit; below the claim or climbing, one. Otherwise a
	 * clean round (`value` accepted submits in a row, one of this process's tasks ended among them:
	 * about one task duration, so a burst's accepts alone are not a round) leads to a test for room
	 * (`testsRoom`, see roomFound) rather than a climb: two workers at half each have clean rounds
	 * too, and climbing on them took the other's freed slots at every wave. Returns whether the
	 * limit rose.
	 */
	accepted(): boolean {
		if (this.value >= this.cap) return false;
		if (this.ramping) {
			this.value = Math.min(this.cap, this.value + 2);
			this.ramping = this.value < this.cap;
			return true;
		}
		if (this.value >= this.claim && !this.climbing) {
			if (this.testsRoom || ++this.successes < this.value || !this.endedInRound) return false;
			this.newRound();
			this.testsRoom = true;
			return false;
		}
		this.value += 1;
		this.holdsTask = true;
		return true;
	}

	/**
	 * The submit over the limit was accepted: the account has room beyond this process's part (its
	 * partner has finished, or holds less), so it climbs, one slot more per accepted submit until
	 * the next 429: what lets a process take the account back once others stop. Returns whether
	 * the limit rose.
	 */
	roomFound(): boolean {
		this.testsRoom = false;
		if (this.value >= this.cap) return false;
		this.climbing = true;
		// The test's own slot, and one more: the next submit goes out at once, and climbs on.
		this.value = Math.min(this.cap, this.value + 2);
		return true;
	}

	taskEnded(): void {
		this.endedInRound = true;
	}

	/**
	 * A 429: the account is full, so what this process holds (`held`, the refused submit aside) is
	 * its part and the rest is other processes'. Holding more than the share, it yields down to the
	 * share: the others take the slots its ending tasks free. Holding the share or less, it keeps
	 * what it holds and claims the share. Judged on every 429: the refused submits of a burst give
	 * their slots back one by one, so the burst's last 429 sees what BFL accepted.
	 */
	rateLimited(held: number): void {
		const yields = held > this.share;
		this.value = Math.max(1, Math.min(this.value, yields ? this.share : held));
		this.claim = yields ? 0 : this.share;
		this.holdsTask = held >= 1;
		this.restart();
	}

	/**
	 * A burst from idle, by a process that shared the account lately: it starts at the share, and
	 * tests for room after a clean round in case nobody else is there any more.
	 */
	startAtShare(): void {
		this.value = Math.min(this.value, this.share);
		this.claim = 0;
		this.restart();
	}

	/**
	 * A burst from idle, by a process that has not shared the account lately, whose lone first
	 * submit was accepted: each further accepted submit opens two slots (1, 3, 7, 15, then the
	 * cap: twice as many per round trip) until the cap or a 429. A process that starts a moment
	 * later finds room, where a jump to the cap would shut it out until a whole wave of tasks ends;
	 * a process alone reaches the cap within a few round trips.
	 */
	rampFromOne(): void {
		this.value = 1;
		this.claim = 0;
		this.restart();
		this.ramping = this.cap > 1;
	}

	private restart(): void {
		this.ramping = this.testsRoom = this.climbing = false;
		this.newRound();
	}

	private newRound(): void {
		this.successes = 0;
		this.endedInRound = false;
	}
}
