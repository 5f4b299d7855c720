/** The account limiter's clock and the timings and factors it adapts with (core/pacing/limiter). */

export interface LimiterClock {
	now(): number;
	/** Resolves after `ms`; ends a pause and paces probes. Aborted when the account goes idle. */
	wake(ms: number, signal?: AbortSignal): Promise<void>;
	/** In [0, 1): spreads the probes of a full account (see PACE_JITTER); without it, none. */
	random?(): number;
}

/**
 * The part of the account a process aims for once a 429 shows that others share it: it yields down
 * to this when it held more, and claims it when it held less (core/pacing/limiter afterRateLimited).
 */
export const FAIR_SHARE = 0.5;
/**
 * After a 429 without Retry-After, no submit of this process starts for this long: the account is
 * full, and the next queued item would only meet another 429. Until a submit is accepted again,
 * slots are then granted one at a time, this far apart at first; each 429 to such a probe doubles
 * the gap, up to MAX_PACE_MS, so an account another process holds costs a few 429s per task
 * duration, not one per COOL_OFF_MS.
 */
export const COOL_OFF_MS = 250;
/** The longest gap between two probes of a full account (on average, see PACE_JITTER). */
export const MAX_PACE_MS = 300;
/**
 * Each probe gap is drawn from ± this share around its nominal length. Probes at fixed gaps lock
 * onto the rhythm of another process's tasks, which free their slots together once per task
 * duration: they would keep landing while the account is full, and never win a slot.
 */
export const PACE_JITTER = 0.5;
/**
 * When the first task of a burst that ramped ends, the process refills only up to half for this
 * long: as long as the longest gap between the probes of a process shut out of the account, so one
 * of them lands in the slots left free. Shorter costs less to a process alone; longer finds no more.
 */
export const HALF_REFILL_MS = MAX_PACE_MS * (1 + PACE_JITTER);
/** A Retry-After pause never lasts longer than this. */
export const MAX_PAUSE_MS = 60_000;
/**
 * A process that shares the account (see OPEN_MEMORY_MS) and has filled all of it this long leaves
 * one freed slot open for a moment (OPEN_MS) before refilling it. It refills freed slots within
 * tens of milliseconds, so another process's probes would seldom find room: one that lands in the
 * open slot makes this process meet the 429 that lets the two converge. It costs one slot for
 * about OPEN_MS per OPEN_AFTER_MS.
 */
export const OPEN_AFTER_MS = 4_000;
/**
 * Slots are left open only by a process that met a 429 this recently: another process shares the
 * account. One that met none (alone on it) keeps every slot busy.
 */
export const OPEN_MEMORY_MS = 10 * 60_000;
/** Jittered by PACE_JITTER: about as long as the gap between another process's paced probes. */
export const OPEN_MS = 600;
/**
 * After nothing was in flight this long, the next submit goes alone again (like a process's
 * first): another process may have filled the account meanwhile, and a burst would meet 24 429s.
 * A run that joins after the account's last run left does the same, however soon.
 */
export const IDLE_PROBE_MS = 2_000;
