import {
	backoffDelayMs,
	isRetryable,
	parseRetryAfterMs,
	retryDelayMs,
} from '../../nodes/Bfl/core/pacing/backoff';

describe('back-off', () => {
	const options = { baseMs: 100, maxMs: 1000 };

	it('doubles the window per attempt up to the cap, with half of it jittered', () => {
		expect(backoffDelayMs(0, { ...options, random: () => 0 })).toBe(50);
		expect(backoffDelayMs(0, { ...options, random: () => 1 })).toBe(100);
		expect(backoffDelayMs(3, { ...options, random: () => 0 })).toBe(400);
		expect(backoffDelayMs(3, { ...options, random: () => 1 })).toBe(800);
		expect(backoffDelayMs(10, { ...options, random: () => 1 })).toBe(1000);
		expect(backoffDelayMs(10, { ...options, random: () => 0 })).toBe(500);
	});

	it('waits for Retry-After when it is longer than the back-off, capped at three ceilings', () => {
		expect(retryDelayMs(0, 2000, options)).toBe(2000);
		expect(retryDelayMs(0, 60_000, options)).toBe(3000);
		expect(retryDelayMs(3, 0, { ...options, random: () => 0 })).toBe(400);
		expect(retryDelayMs(3, 100, { ...options, random: () => 1 })).toBe(800);
		expect(retryDelayMs(2, undefined, { ...options, random: () => 1 })).toBe(400);
	});

	it('parses Retry-After as seconds or as an HTTP date', () => {
		const now = Date.parse('2026-11-25T10:00:00Z');
		expect(parseRetryAfterMs('3', now)).toBe(3000);
		expect(parseRetryAfterMs('0.5', now)).toBe(500);
		expect(parseRetryAfterMs(['2'], now)).toBe(2000);
		expect(parseRetryAfterMs('Wed, 25 Nov 2026 10:00:04 GMT', now)).toBe(4000);
		expect(parseRetryAfterMs('Wed, 25 Nov 2026 09:00:00 GMT', now)).toBe(0);
		expect(parseRetryAfterMs('soon', now)).toBeUndefined();
		expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
	});
});

describe('isRetryable', () => {
	it.each([429, 500, 502, 503, 504])('retries a GET answered %i', (status) => {
		expect(isRetryable({ method: 'GET', status })).toBe(true);
	});

	it.each([400, 401, 402, 403, 404, 422])('does not retry a GET answered %i', (status) => {
		expect(isRetryable({ method: 'GET', status })).toBe(false);
	});

	it('retries a GET after a network failure', () => {
		expect(isRetryable({ method: 'GET' })).toBe(true);
	});

	it('retries a paid POST only when BFL certainly did not take it', () => {
		expect(isRetryable({ method: 'POST', status: 429 })).toBe(true);
		expect(isRetryable({ method: 'POST', connectionRefused: true })).toBe(true);
		for (const status of [500, 502, 503, 504, 422, 402])
			expect(isRetryable({ method: 'POST', status })).toBe(false);
		expect(isRetryable({ method: 'POST' })).toBe(false);
	});
});
