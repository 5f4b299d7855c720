import {
	BFL_API_HOST_PATTERN,
	BFL_BLOB_HOST_PATTERN,
	BFL_DELIVERY_HOST_PATTERN,
} from '../../catalog/regions';

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

/**
 * A host name as every rule here judges it: lower case, without IPv6 brackets, and without the
 * trailing dot of a fully qualified name (`api.bfl.ai.` and `localhost.` are the same hosts as
 * without it, and a rule that missed the dot would let them through or keep them out).
 */
export function normalHost(hostname: string): string {
	return hostname
		.toLowerCase()
		.replace(/^\[|\]$/g, '')
		.replace(/\.$/, '');
}

/** True for BFL's API hosts (catalog/regions' rule) over https on the default port. */
export function isBflApiHost(url: URL): boolean {
	return (
		url.protocol === 'https:' &&
		url.port === '' &&
		!hasUserinfo(url) &&
		BFL_API_HOST_PATTERN.test(normalHost(url.hostname))
	);
}

/** True for BFL's result delivery hosts over https: they serve signed URLs and never get the key. */
export function isBflDeliveryHost(url: URL): boolean {
	const host = normalHost(url.hostname);
	return (
		url.protocol === 'https:' &&
		!hasUserinfo(url) &&
		(BFL_DELIVERY_HOST_PATTERN.test(host) || BFL_BLOB_HOST_PATTERN.test(host))
	);
}

/** The eight 16-bit groups of an IPv6 address (a dotted IPv4 tail allowed), or undefined. */
function ipv6Groups(host: string): number[] | undefined {
	if (!host.includes(':')) return undefined;
	let text = host;
	const tail = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
	if (tail) {
		const [a, b, c, d] = tail.slice(1).map(Number);
		if ([a, b, c, d].some((n) => n > 255)) return undefined;
		text = `${text.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
	}
	const halves = text.split('::');
	if (halves.length > 2) return undefined;
	const parse = (part: string) => (part ? part.split(':') : []);
	const [head, rest] = [parse(halves[0]), parse(halves[1] ?? '')];
	const missing = 8 - head.length - rest.length;
	if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
	const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
	if (!groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return undefined;
	return groups.map((group) => parseInt(group, 16));
}

/**
 * The IPv4 address a host stands for: a dotted name, or an IPv6 address that carries one in its
 * last 32 bits and reaches it: IPv4-mapped (::ffff:0:0/96), IPv4-compatible (::/96, deprecated
 * but still parsed) and NAT64 (64:ff9b::/96 and the local-use 64:ff9b:1::/48), where a
 * translator forwards to that IPv4 address. The embedded address is then judged as IPv4.
 */
function ipv4Parts(host: string): number[] | undefined {
	const groups = ipv6Groups(host);
	if (groups) {
		const zeros = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
		const embeds =
			(zeros(0, 5) && (groups[5] === 0xffff || groups[5] === 0)) ||
			(groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6)) ||
			(groups[0] === 0x64 && groups[1] === 0xff9b && groups[2] === 1);
		// ::1 and :: are IPv6's own loopback and unspecified addresses, not IPv4 ones.
		if (!embeds || zeros(0, 7)) return undefined;
		return [groups[6] >> 8, groups[6] & 255, groups[7] >> 8, groups[7] & 255];
	}
	const parts = host.split('.');
	if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part))) return undefined;
	const numbers = parts.map(Number);
	return numbers.every((n) => n <= 255) ? numbers : undefined;
}

/** Loopback names and addresses: localhost, *.localhost, 127.0.0.0/8, ::1, with or without a trailing dot. */
export function isLoopbackHost(hostname: string): boolean {
	const host = normalHost(hostname);
	if (host === 'localhost' || host.endsWith('.localhost')) return true;
	const v6 = ipv6Groups(host);
	if (v6 && v6.slice(0, 7).every((g) => g === 0) && v6[7] === 1) return true;
	const v4 = ipv4Parts(host);
	return v4 !== undefined && v4[0] === 127;
}

/**
 * Addresses a result download must not reach by default: loopback, private (10/8, 172.16/12,
 * 192.168/16, 100.64/10, fc00::/7), link-local (169.254/16 with cloud metadata, fe80::/10) and
 * unspecified ones, also when an IPv6 address carries such an IPv4 address (see ipv4Parts).
 * Host names are judged by their text only; DNS is not consulted.
 */
export function isInternalHost(hostname: string): boolean {
	if (isLoopbackHost(hostname)) return true;
	const host = normalHost(hostname);
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
	const v6 = ipv6Groups(host);
	if (!v6) return false;
	return v6.every((g) => g === 0) || (v6[0] & 0xfe00) === 0xfc00 || (v6[0] & 0xffc0) === 0xfe80;
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
		normalHost(url.hostname) === normalHost(base.hostname) &&
		(url.port === base.port || isLoopbackHost(base.hostname))
	);
}

/**
 * May this URL receive the API key? Only BFL's API hosts over https (catalog/regions' rule), or the custom base
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
	if (base && normalHost(url.hostname) === normalHost(base.hostname)) return undefined;
	return `its host ${url.host} is not a BFL delivery host${base ? ` nor the custom base URL's host (${base.hostname})` : ''}; turn on Allow Downloads From Any Host if your gateway serves results from there`;
}
