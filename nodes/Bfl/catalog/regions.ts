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
 * The https hosts that may receive the API key: the region hosts above, plus the regional clusters
 * BFL has been seen returning in `polling_url` (api.eu2, api.isr). Anything else under bfl.ai
 * (www, dashboard, delivery, cdn) is not an API host. A new cluster is added here, on purpose.
 */
export const BFL_API_HOSTS: readonly string[] = [
	'api.bfl.ai',
	'api.eu.bfl.ai',
	'api.us.bfl.ai',
	'api.eu1.bfl.ai',
	'api.us1.bfl.ai',
	'api.eu2.bfl.ai',
	'api.isr.bfl.ai',
];

/**
 * Signed result URLs are served over https from delivery hosts whose first label starts with
 * "delivery" (delivery-eu1.bfl.ai, delivery-us.bfl.ai, delivery.us.bfl.ai, ...). BFL says the
 * region part may change, so the rule is the pattern, not a list. They never get the API key.
 */
export const BFL_DELIVERY_HOST_PATTERN = /^delivery(?:-[a-z0-9-]+)?(?:\.[a-z0-9-]+)*\.bfl\.ai$/;

/** Azure blob hosts BFL's docs name for results (not seen in real answers yet). */
export const BFL_BLOB_HOSTS: readonly string[] = ['bfldeliveryprod.blob.core.windows.net'];
