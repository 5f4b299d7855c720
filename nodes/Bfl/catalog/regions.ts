/** Where the credential's region sends API calls. Pure data: no n8n imports. */
export type Region = 'global' | 'eu' | 'us' | 'eu1' | 'us1' | 'custom';

/** Single-cluster hosts: the only ones that hold finetunes (BFL pins finetunes to the cluster that trained them). */
export type FinetuneRegion = 'eu1' | 'us1';

/**
 * How the credential chooses the finetune host: derived from the region, pinned to EU1/US1, or
 * the region's own host ("same"; BFL's October 2026 spec lists api.bfl.ai for finetune calls).
 */
export type FinetuneRegionChoice = 'auto' | 'same' | FinetuneRegion;

export const REGION_BASE_URLS: Record<Exclude<Region, 'custom'>, string> = {
	global: 'https://api.bfl.ai',
	eu: 'https://api.eu.bfl.ai',
	us: 'https://api.us.bfl.ai',
	eu1: 'https://api.eu1.bfl.ai',
	us1: 'https://api.us1.bfl.ai',
};

/** Regions whose finetune host follows from the region itself. */
export const DERIVED_FINETUNE_REGION: Partial<Record<Region, FinetuneRegion>> = {
	eu: 'eu1',
	us: 'us1',
	eu1: 'eu1',
	us1: 'us1',
};

/**
 * The API hosts, by rule rather than by list: `api.bfl.ai` and `api.<one label>.bfl.ai`. BFL's
 * submits answer with a `polling_url` on whichever cluster took the task, and its guidance is to
 * use that URL as it is because the set of clusters changes. Hosts seen in recorded live traffic
 * and public clients: api.eu1–eu4, api.us1–us4, api.us6, api.isr, api.ice, besides the region
 * hosts above (test/realTraffic/recorded.js holds the recordings). One label
 * only: a deeper name (api.x.y.bfl.ai) is not a cluster, and www, dashboard, cdn and the delivery
 * names do not start with `api.`. The scheme, port and user-info rules are core/trust/hosts'.
 */
export const BFL_API_HOST_PATTERN = /^api(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)?\.bfl\.ai$/;

/** API hosts seen in real answers (polling URLs) or named by public clients; tests and docs use it. */
export const BFL_API_HOSTS_SEEN: readonly string[] = [
	'api.bfl.ai',
	'api.eu.bfl.ai',
	'api.us.bfl.ai',
	'api.eu1.bfl.ai',
	'api.eu2.bfl.ai',
	'api.eu3.bfl.ai',
	'api.eu4.bfl.ai',
	'api.us1.bfl.ai',
	'api.us2.bfl.ai',
	'api.us3.bfl.ai',
	'api.us4.bfl.ai',
	'api.us6.bfl.ai',
	'api.isr.bfl.ai',
	'api.ice.bfl.ai',
];

/**
 * Signed result URLs are served over https from delivery hosts whose first label starts with
 * "delivery" (delivery-eu1.bfl.ai, delivery-us.bfl.ai, delivery.us.bfl.ai, ...). BFL says the
 * region part may change, so the rule is the pattern, not a list. They never get the API key.
 */
export const BFL_DELIVERY_HOST_PATTERN = /^delivery(?:-[a-z0-9-]+)?(?:\.[a-z0-9-]+)*\.bfl\.ai$/;

/**
 * BFL's Azure blob storage accounts, which serve results directly: every Ready sample in recorded
 * live traffic (2025-11/12) came from bfldeliveryprodeu4, and public code names bfldeliveryprod
 * and bfldeliveryscus. An Azure account name is 3–24 lower-case letters and digits, so the rule is
 * "bfldelivery" plus up to 13 of them under blob.core.windows.net. They never get the API key.
 */
export const BFL_BLOB_HOST_PATTERN = /^bfldelivery[a-z0-9]{0,13}\.blob\.core\.windows\.net$/;
