/**
 * Model → Custom Endpoint: a BFL endpoint the catalog does not know yet (e.g. FLUX 3 Image Klein,
 * whose path BFL has not published). The body is the user's JSON, sent as is.
 */
import { DEFAULT_CONCURRENCY_CAP } from '../../catalog/families';
import type { ModelOperation, ModelSpec } from '../../catalog/types';

/** The Model value that selects a custom endpoint. */
export const CUSTOM_MODEL = 'custom';

const SEGMENT = '[A-Za-z0-9][A-Za-z0-9._-]{0,99}';
const PATH = new RegExp(`^(?:flux-tools/)?${SEGMENT}$`);
/** BFL endpoints that are not image tasks; a POST there could delete or train something. */
const NOT_TASKS = new Set([
	'get_result',
	'credits',
	'finetune',
	'my_finetunes',
	'finetune_details',
	'delete_finetune',
]);

/**
 * The endpoint name a lenient gateway could route a path to: any case, '-' for '_', without a
 * suffix after a dot (credits., credits.json) or the flux-tools/ prefix.
 */
function routedName(path: string): string {
	const name = path.replace(/^flux-tools\//i, '').split('.')[0];
	return name.toLowerCase().replace(/-/g, '_');
}

/**
 * Checks a custom endpoint path, as read from the parameter or an expression: one segment or
 * flux-tools/<name>, letters, digits, '.', '_' and '-' only, so no '..', slashes, encodings,
 * queries or hosts can move the request elsewhere. Returns the problem, or undefined when fine.
 */
export function checkEndpointPath(path: unknown): string | undefined {
	if (path === undefined || path === null || (typeof path === 'string' && !path.trim()))
		return 'Endpoint Path is empty: name the BFL endpoint to post to, such as flux-3-image-klein';
	if (typeof path !== 'string' || !PATH.test(path) || path.includes('..'))
		return `Endpoint Path must be one path segment such as flux-3-image-klein, or flux-tools/<name> (got ${JSON.stringify(path)})`;
	if (NOT_TASKS.has(routedName(path)))
		return `Endpoint Path "${path}" is not an image task endpoint; use the node's Task, Finetune or Account operations`;
	return undefined;
}

/** Parses the JSON body, which may come from an expression as an object or as text. */
export function parseCustomBody(raw: unknown): {
	body?: Record<string, unknown>;
	problem?: string;
} {
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch (error) {
			return { problem: `JSON Body is not valid JSON: ${(error as Error).message}` };
		}
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		return { problem: 'JSON Body must be a JSON object, such as { "prompt": "a red fox" }' };
	return { body: value as Record<string, unknown> };
}

/** A catalog-shaped row for the path, so submit, polling, download and caps work as for any model. */
export function customModelSpec(operation: ModelOperation, path: string): ModelSpec {
	return {
		id: path,
		operation,
		displayName: `Custom endpoint ${path}`,
		description: 'Custom endpoint',
		path: `/v1/${path}`,
		family: 'flux2',
		legacy: false,
		fields: {},
		primary: [],
		size: { kind: 'none' },
		upsampling: 'none',
		defaultOutputFormat: 'jpeg',
		concurrencyCap: DEFAULT_CONCURRENCY_CAP,
	};
}
