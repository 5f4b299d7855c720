import {
	DERIVED_FINETUNE_REGION,
	REGION_BASE_URLS,
	type FinetuneRegionChoice,
	type Region,
} from '../../catalog/regions';

export interface RegionSettings {
	region: Region;
	baseUrl?: string;
	finetuneRegion?: FinetuneRegionChoice;
}

export interface Endpoints {
	/** Base URL for inference, credits and task lookups, without a trailing slash. */
	apiBaseUrl: string;
	/** Base URL for finetune calls, or undefined when no single-cluster host can be derived. */
	finetuneBaseUrl?: string;
	/** Hostname of a custom base URL, for messages and hints. */
	customHostname?: string;
	/** The custom base URL itself: its origin may receive the key (core/trust/hosts sameCustomOrigin). */
	customBaseUrl?: string;
}

export class ConfigurationError extends Error {}

function tryParseUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}

/** Parses a custom base URL; a malformed one is a configuration error, not a silent fallback to BFL. */
export function parseCustomBaseUrl(raw: string | undefined): URL {
	const text = (raw ?? '').trim();
	const url = tryParseUrl(text);
	if (!url) {
		throw new ConfigurationError(
			`The credential's Base URL "${text}" is not a valid URL. Use a full URL such as https://gateway.example.com`,
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new ConfigurationError(
			`The credential's Base URL must start with https:// or http://, got "${url.protocol}"`,
		);
	}
	if (url.search || url.hash || url.username || url.password) {
		throw new ConfigurationError(
			"The credential's Base URL must not contain credentials, a query string or a fragment",
		);
	}
	return url;
}

function withoutTrailingSlash(url: string): string {
	return url.replace(/\/+$/, '');
}

export type ResolvedEndpoints = { ok: true; endpoints: Endpoints } | { ok: false; message: string };

/** Like resolveEndpoints, but returns configuration problems instead of throwing them. */
export function tryResolveEndpoints(settings: RegionSettings): ResolvedEndpoints {
	try {
		return { ok: true, endpoints: resolveEndpoints(settings) };
	} catch (error) {
		if (error instanceof ConfigurationError) return { ok: false, message: error.message };
		return { ok: false, message: String(error) };
	}
}

/** Resolves the API and finetune hosts for a credential's region settings. */
export function resolveEndpoints(settings: RegionSettings): Endpoints {
	const choice = settings.finetuneRegion ?? 'auto';
	if (settings.region === 'custom') {
		const url = parseCustomBaseUrl(settings.baseUrl);
		const apiBaseUrl = withoutTrailingSlash(url.origin + url.pathname);
		return {
			apiBaseUrl,
			finetuneBaseUrl:
				choice === 'auto' || choice === 'same' ? apiBaseUrl : REGION_BASE_URLS[choice],
			customHostname: url.hostname,
			customBaseUrl: apiBaseUrl,
		};
	}
	const apiBaseUrl = REGION_BASE_URLS[settings.region];
	if (!apiBaseUrl) throw new ConfigurationError(`Unknown region "${String(settings.region)}"`);
	const derived = DERIVED_FINETUNE_REGION[settings.region];
	// A fixed region always wins: a finetune lives only on the cluster that trained it.
	if (derived) return { apiBaseUrl, finetuneBaseUrl: REGION_BASE_URLS[derived] };
	if (choice === 'same') return { apiBaseUrl, finetuneBaseUrl: apiBaseUrl };
	return {
		apiBaseUrl,
		finetuneBaseUrl: choice === 'auto' ? undefined : REGION_BASE_URLS[choice],
	};
}
