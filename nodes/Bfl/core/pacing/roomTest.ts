/**
 * The one submit over its limit by which a process at its share learns whether the account has
 * room (ShareLimit.testsRoom; DEVELOPERS.md "Sharing the account"): when it may go, and which
 * answer is its own. Pure: times come from the caller.
 */
export class RoomTest {
	/** When the test may go (Infinity: none planned). */
	private at = Infinity;
	/** When it was granted, while its answer is awaited. */
	private sentAt?: number;

	/** Plans the test at `at`, unless one is planned or awaits its answer. */
	plan(at: number): void {
		if (this.at === Infinity && this.sentAt === undefined) this.at = at;
	}

	due(now: number): boolean {
		return now >= this.at;
	}

	/** When the caller must wake for it: the planned time, while it is ahead. */
	wakeAt(now: number): number {
		return now < this.at ? this.at : Infinity;
	}

	sent(now: number): void {
		this.at = Infinity;
		this.sentAt = now;
	}

	/**
	 * The first answer to a submit sent since the test went out answers the test: BFL answers in
	 * order of arrival closely enough, and a submit of this process sent later met the same account.
	 */
	answers(sentAt?: number): boolean {
		if (this.sentAt === undefined || sentAt === undefined || sentAt < this.sentAt) return false;
		this.sentAt = undefined;
		return true;
	}

	reset(): void {
		this.at = Infinity;
		this.sentAt = undefined;
	}
}
