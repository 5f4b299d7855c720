/**
 * Removes the API key from text that leaves the node. A server that echoes request headers
 * (a proxy page, a debug gateway) can put the key into `details` or an error body; this is the
 * last gate before output, errors and Continue On Fail items.
 */

export const REDACTED = '[redacted]';

/** Secrets shorter than this are not searched for: replacing "a" everywhere would ruin text. */
const MIN_SECRET_LENGTH = 6;

/** Anything shaped like an x-key header or field, in headers, JSON, query strings or prose. */
const X_KEY_FIELD = /(x[-_]key["']?\s*[:=]\s*["']?)([^\s"',;&}\]]+)/gi;

export type Scrubber = <T>(value: T) => T;

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A function that deep-copies a value with every secret and x-key value replaced. */
export function secretScrubber(secrets: Array<string | undefined>): Scrubber {
	const usable = [...new Set(secrets)].filter(
		(secret): secret is string => typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH,
	);
	const exact = usable.length ? new RegExp(usable.map(escapeRegExp).join('|'), 'g') : undefined;
	const text = (value: string): string => {
		const keyed = value.replace(X_KEY_FIELD, `$1${REDACTED}`);
		return exact ? keyed.replace(exact, REDACTED) : keyed;
	};
	const walk = (value: unknown, seen: WeakSet<object>): unknown => {
		if (typeof value === 'string') return text(value);
		if (typeof value !== 'object' || value === null || Buffer.isBuffer(value)) return value;
		if (seen.has(value)) return value;
		seen.add(value);
		if (Array.isArray(value)) return value.map((entry) => walk(entry, seen));
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [text(key), walk(entry, seen)]),
		);
	};
	return <T>(value: T): T => walk(value, new WeakSet()) as T;
}

/** The log functions n8n hands a node (`this.logger`), named here without importing n8n. */
export type LogFunctions = Record<
	'debug' | 'info' | 'warn' | 'error',
	(message: string, metadata?: Record<string, unknown>) => void
>;

/**
 * A logger whose messages and metadata pass through `scrub` first: a status or detail a server
 * sent may echo the key, and n8n's log is text that leaves the node like any other.
 */
export function scrubbedLogger(logger: LogFunctions, scrub: Scrubber): LogFunctions {
	const level =
		(name: keyof LogFunctions) => (message: string, metadata?: Record<string, unknown>) =>
			logger[name](scrub(message), scrub(metadata));
	return {
		debug: level('debug'),
		info: level('info'),
		warn: level('warn'),
		error: level('error'),
	};
}
