/** Helpers that read BFL response bodies. BFL bodies are loosely typed, so every read is defensive. */
import { urlExpiry } from './expiry';

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a body that may arrive as a string (HTML error pages, malformed JSON stay strings). */
export function parseBody(body: unknown): unknown {
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

function formatValidationEntry(entry: unknown): string {
	if (!isRecord(entry)) return String(entry);
	const loc = Array.isArray(entry.loc) ? entry.loc.filter((part) => part !== 'body').join('.') : '';
	const msg = typeof entry.msg === 'string' ? entry.msg : JSON.stringify(entry);
	return loc ? `${loc}: ${msg}` : msg;
}

const MAX_TEXT_LENGTH = 300;

/**
 * Extracts BFL's error text: `detail` as a string or a FastAPI list, then `message`, then a short
 * excerpt of a non-JSON body (a proxy's HTML page), so every error says what the server said.
 */
export function describeErrorBody(body: unknown): string | undefined {
	const parsed = parseBody(body);
	if (isRecord(parsed)) {
		const { detail, message } = parsed;
		if (typeof detail === 'string' && detail) return detail;
		if (Array.isArray(detail) && detail.length) return detail.map(formatValidationEntry).join('; ');
		if (isRecord(detail)) return JSON.stringify(detail);
		if (typeof message === 'string' && message) return message;
		return undefined;
	}
	if (typeof parsed === 'string' && parsed.trim()) {
		const text = parsed
			.replace(/<[^>]*>/g, ' ')
			.replace(/\s+/g, ' ')
			.trim();
		return text.length > MAX_TEXT_LENGTH ? `${text.slice(0, MAX_TEXT_LENGTH)}…` : text || undefined;
	}
	return undefined;
}

/** How long BFL keeps a delivery URL valid after the task finished. */
export const DELIVERY_URL_LIFETIME_MS = 10 * 60 * 1000;

/**
 * When does a signed sample URL expire? Its `se=` value (core/results/expiry); without one, an
 * estimate for the output only: the documented ten minutes after the task's end time.
 */
export function sampleUrlExpiry(sampleUrl: string, endTimeSeconds?: unknown): string | undefined {
	const signed = urlExpiry(sampleUrl);
	if (signed) return signed;
	if (typeof endTimeSeconds === 'number' && Number.isFinite(endTimeSeconds)) {
		return new Date(endTimeSeconds * 1000 + DELIVERY_URL_LIFETIME_MS).toISOString();
	}
	return undefined;
}

/** Reads a number that BFL may send as null or omit. */
export function optionalNumber(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
