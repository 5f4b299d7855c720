import { createHmac, timingSafeEqual } from 'node:crypto';

import { isRecord, type JsonRecord } from '../results/responses';
import { classifyStatus, type TaskOutcome } from '../results/status';

/** BFL's schema limit on webhook_url (OpenAPI maxLength), the token included. */
export const WEBHOOK_URL_MAX_LENGTH = 2083;

/** The query parameter that carries a trigger's token on the webhook URL sent to BFL. */
export const TOKEN_PARAMETER = 'bfl_token';

/**
 * The URL a token is bound to: scheme, host, port and path of the trigger's Production URL,
 * without query or fragment. Host case and an explicit default port do not change it.
 */
export function tokenTarget(url: string): string | undefined {
	try {
		const parsed = new URL(url);
		if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
		return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`;
	} catch {
		return undefined;
	}
}

/**
 * The per-trigger token: an HMAC under the API key of the trigger's full Production URL (see
 * tokenTarget). The sending node signs the Webhook URL it was given; the trigger checks against
 * the URL n8n itself reports for it. So only holders of the key can mint a valid URL, and a token
 * minted for another host, port, scheme or path (even with the same webhook id) is refused.
 */
export function webhookToken(apiKey: string, url: string): string {
	return createHmac('sha256', apiKey)
		.update(`n8n-nodes-bfl webhook v2 ${tokenTarget(url) ?? url}`)
		.digest('hex')
		.slice(0, 40);
}

export function withToken(url: string, token: string): string {
	const parsed = new URL(url);
	parsed.searchParams.set(TOKEN_PARAMETER, token);
	return parsed.toString();
}

/** The webhook URL as it may be shown: without the token. */
export function withoutToken(url: string): string {
	const parsed = new URL(url);
	parsed.searchParams.delete(TOKEN_PARAMETER);
	return parsed.toString();
}

/** Compares secrets in constant time; different lengths are unequal without a timing hint on content. */
export function secretsEqual(given: string, expected: string): boolean {
	const a = Buffer.from(given, 'utf8');
	const b = Buffer.from(expected, 'utf8');
	return a.length === b.length && timingSafeEqual(a, b);
}

/** Checks an `X-BFL-Signature: sha256=<hex HMAC-SHA256 of the raw body>` header. */
export function signatureValid(secret: string, rawBody: Buffer, header: string): boolean {
	const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
	if (!match) return false;
	const expected = createHmac('sha256', secret).update(rawBody).digest('hex');
	return secretsEqual(match[1].toLowerCase(), expected);
}

/** Status names seen in webhook payloads in the wild, mapped onto BFL's polling statuses. */
const STATUS_ALIASES: Record<string, string> = {
	SUCCESS: 'Ready',
	SUCCEEDED: 'Ready',
	READY: 'Ready',
	FAILED: 'Failed',
	ERROR: 'Error',
	PENDING: 'Pending',
};

export interface WebhookEvent {
	id: string;
	status: string;
	outcome: TaskOutcome;
	sampleUrl?: string;
	body: JsonRecord;
}

/** Reads a BFL webhook body: `id` or `task_id`, `Ready` or `SUCCESS`; undefined when it is not one. */
export function parseWebhookEvent(body: unknown): WebhookEvent | undefined {
	if (!isRecord(body)) return undefined;
	const id = body.id ?? body.task_id;
	const rawStatus = body.status;
	if (typeof id !== 'string' || !id || typeof rawStatus !== 'string') return undefined;
	const status = STATUS_ALIASES[rawStatus.toUpperCase()] ?? rawStatus;
	const result = isRecord(body.result) ? body.result : {};
	const sampleUrl = typeof result.sample === 'string' ? result.sample : undefined;
	return { id, status, outcome: classifyStatus(status), sampleUrl, body };
}

/** Keeps the ids already emitted, newest last, so a replayed delivery is emitted once. */
export function rememberId(
	seen: string[],
	id: string,
	limit = 1000,
): { fresh: boolean; seen: string[] } {
	if (seen.includes(id)) return { fresh: false, seen };
	return { fresh: true, seen: [...seen, id].slice(-limit) };
}
