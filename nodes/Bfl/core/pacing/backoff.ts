export interface BackoffOptions {
	baseMs: number;
	maxMs: number;
	/** Injected so tests are deterministic; defaults to Math.random. */
	random?: () => number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 20_000 };

/**
 * Exponential back-off with "equal jitter": half the window is fixed, half random, so retries of
 * many concurrent items spread out without ever collapsing to zero.
 */
export function backoffDelayMs(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
	const random = options.random ?? Math.random;
	const window = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt));
	return Math.round(window / 2 + (window / 2) * random());
}

/** Parses Retry-After (delta seconds or an HTTP date) into milliseconds from now. */
export function parseRetryAfterMs(value: unknown, nowMs: number): number | undefined {
	const text = Array.isArray(value) ? value[0] : value;
	if (typeof text !== 'string' && typeof text !== 'number') return undefined;
	const trimmed = String(text).trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
	const date = Date.parse(trimmed);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - nowMs);
}

/** Status codes worth a retry: the request was not processed, or the server was busy. */
export const RETRYABLE_GET_STATUSES = new Set([429, 500, 502, 503, 504]);

export interface RetryQuestion {
	method: 'GET' | 'POST' | 'DELETE';
	/** HTTP status, or undefined when the request failed below HTTP (reset, timeout, refused). */
	status?: number;
	/** True when the connection was never established, so the server cannot have seen the request. */
	connectionRefused?: boolean;
}

/**
 * A paid POST is retried only when BFL certainly did not accept it: a 429 (over the concurrency cap)
 * or a refused connection. After a reset or a 5xx the task may exist and be billed, so we stop.
 */
export function isRetryable({ method, status, connectionRefused }: RetryQuestion): boolean {
	if (method !== 'GET')
		return status === 429 || (status === undefined && connectionRefused === true);
	return status === undefined || RETRYABLE_GET_STATUSES.has(status);
}

/**
 * The wait before the next attempt: the back-off, or the server's Retry-After when that is longer
 * (capped). A "Retry-After: 0" therefore never turns retries into a burst that burns every attempt
 * within milliseconds.
 */
export function retryDelayMs(
	attempt: number,
	retryAfterMs: number | undefined,
	options: BackoffOptions = DEFAULT_BACKOFF,
): number {
	const backoff = backoffDelayMs(attempt, options);
	if (retryAfterMs === undefined) return backoff;
	return Math.max(backoff, Math.min(retryAfterMs, options.maxMs * 3));
}
