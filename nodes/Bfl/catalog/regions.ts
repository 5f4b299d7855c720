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

/** BFL API and polling hosts all live under this domain (api.bfl.ai, api.us1.bfl.ai, api.eu2.bfl.ai, ...). */
export const BFL_DOMAIN_SUFFIX = '.bfl.ai';

/**
 * Signed result URLs are served from delivery hosts (delivery-eu1.bfl.ai, delivery.us.bfl.ai, ...).
 * They are bearer URLs and never need, nor get, the API key.
 */
export const DELIVERY_HOST_PREFIX = 'delivery';
