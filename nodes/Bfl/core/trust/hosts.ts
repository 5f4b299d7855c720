import { BFL_API_HOSTS, BFL_BLOB_HOSTS, BFL_DELIVERY_HOST_PATTERN } from '../../catalog/regions';

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

function hasUserinfo(url: URL): boolean {
	return Boolean(url.username || url.password);
}

/** True only for BFL's listed API hosts over https on the default port (catalog/regions). */
export function isBflApiHost(url: URL): boolean {
	return (
		url.protocol === 'https:' &&
		url.port === '' &&
		!hasUserinfo(url) &&
		BFL_API_HOSTS.includes(url.hostname.toLowerCase())
	);
}

/** True for BFL's result delivery hosts over https: they serve signed URLs and never get the key. */
export function isBflDeliveryHost(url: URL): boolean {
	const host = url.hostname.toLowerCase();
	return (
		url.protocol === 'https:' &&
		!hasUserinfo(url) &&
		(BFL_DELIVERY_HOST_PATTERN.test(host) || BFL_BLOB_HOSTS.includes(host))
	);
}

/** The IPv4 address of a dotted name, or of an IPv4-mapped IPv6 address (::ffff:7f00:1). */
function ipv4Parts(host: string): number[] | undefined {
	const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
	if (mapped) {
		const [high, low] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
		return [high >> 8, high & 255, low >> 8, low & 255];
	}
	const parts = host.replace(/^::ffff:/, '').split('.');
	if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part))) return undefined;
	const numbers = parts.map(Number);
	return numbers.every((n) => n <= 255) ? numbers : undefined;
}

/** Loopback names and addresses: localhost, *.localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
	if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
	const v4 = ipv4Parts(host);
	return v4 !== undefined && v4[0] === 127;
}

/**
 * Addresses a result download must not reach by default: loopback, private (10/8, 172.16/12,
 * 192.168/16, 100.64/10, fc00::/7), link-local (169.254/16 with cloud metadata, fe80::/10) and
 * unspecified ones. Host names are judged by their text only; DNS is not consulted.
 */
export function isInternalHost(hostname: string): boolean {
	if (isLoopbackHost(hostname)) return true;
	const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
	const v4 = ipv4Parts(host);
	if (v4) {
		const [a, b] = v4;
		return (
			a === 0 ||
			a === 10 ||
			(a === 172 && b >= 16 && b <= 31) ||
			(a === 192 && b === 168) ||
			(a === 169 && b === 254) ||
			(a === 100 && b >= 64 && b <= 127)
		);
	}
	if (!host.includes(':')) return false;
	return host === '::' || /^f[cd][0-9a-f]{0,2}:/.test(host) || /^fe[89ab][0-9a-f]?:/.test(host);
}

/**
 * Same origin as the custom base URL: scheme, host name and port must all match. The port rule:
 * the port must be the base URL's own (a default port counts as itself), except on a loopback
 * base URL, where any port of the same host name is accepted, because a local simulator or
 * gateway answers the API and its polling on separate ports of the same machine.
 */
export function sameCustomOrigin(url: URL, customBaseUrl: string | undefined): boolean {
	const base = parseHttpUrl(customBaseUrl);
	if (!base || hasUserinfo(url)) return false;
	return (
		url.protocol === base.protocol &&
		url.hostname.toLowerCase() === base.hostname.toLowerCase() &&
		(url.port === base.port || isLoopbackHost(base.hostname))
	);
}

/**
 * May this URL receive the API key? Only BFL's listed API hosts over https, or the custom base
 * URL's origin (see sameCustomOrigin). Response-supplied URLs, polling URLs and redirect targets
 * are untrusted input, so this gate is applied to every one of them, at every hop.
 */
export function mayReceiveKey(raw: unknown, customBaseUrl?: string): boolean {
	const url = parseHttpUrl(raw);
	if (!url) return false;
	return isBflApiHost(url) || sameCustomOrigin(url, customBaseUrl);
}

export interface DownloadScope {
	/** The credential's custom base URL, when the region is Custom. */
	customBaseUrl?: string;
	/** "Allow Downloads From Any Host": for gateways that re-host results elsewhere. */
	allowAnyHost: boolean;
}

/**
 * Why a result URL may not be downloaded, or undefined when it may. Results come from BFL's
 * delivery hosts or the custom base URL's host name (any port); internal addresses only when
 * the custom base URL is itself internal (a simulator or a self-hosted gateway).
 */
export function downloadRefusal(raw: unknown, scope: DownloadScope): string | undefined {
	const url = parseHttpUrl(raw);
	if (!url) return 'it is not an http(s) URL';
	if (hasUserinfo(url)) return 'it carries a user name or password';
	const base = parseHttpUrl(scope.customBaseUrl);
	if (isInternalHost(url.hostname) && !(base && isInternalHost(base.hostname))) {
		return 'it points at a loopback, private or link-local address';
	}
	if (scope.allowAnyHost || isBflDeliveryHost(url)) return undefined;
	if (base && url.hostname.toLowerCase() === base.hostname.toLowerCase()) return undefined;
	return `its host ${url.host} is not a BFL delivery host${base ? ` nor the custom base URL's host (${base.hostname})` : ''}; turn on Allow Downloads From Any Host if your gateway serves results from there`;
}
