import { BFL_DOMAIN_SUFFIX, DELIVERY_HOST_PREFIX } from '../catalog/regions';

/** Parses an absolute http(s) URL; anything else (file:, data:, relative, garbage) gives undefined. */
export function parseHttpUrl(raw: unknown): URL | undefined {
	if (typeof raw !== 'string') return undefined;
	try {
		const url = new URL(raw);
		return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
	} catch {
		return undefined;
	}
}

/** True for https API hosts of BFL, such as api.bfl.ai or api.eu2.bfl.ai, and never for delivery hosts. */
export function isBflApiHost(url: URL): boolean {
	const host = url.hostname.toLowerCase();
	return (
		url.protocol === 'https:' &&
		host.endsWith(BFL_DOMAIN_SUFFIX) &&
		!host.startsWith(DELIVERY_HOST_PREFIX) &&
		!url.username &&
		!url.password
	);
}

/**
 * May this URL receive the API key? Only BFL's own API hosts over https, or the hostname of the
 * custom base URL the user configured (any port: simulators and gateways poll on another port).
 * Response-supplied URLs are untrusted input, so this is the gate in front of every polling_url.
 */
export function mayReceiveKey(raw: unknown, customHostname?: string): boolean {
	const url = parseHttpUrl(raw);
	if (!url) return false;
	if (isBflApiHost(url)) return true;
	return (
		customHostname !== undefined &&
		url.hostname.toLowerCase() === customHostname.toLowerCase() &&
		!url.username &&
		!url.password
	);
}
