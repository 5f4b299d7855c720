import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { FinetuneRegionChoice, Region } from '../catalog/regions';
import { rateGateOf } from '../core/accounts';
import { parseBody } from '../core/responses';
import { webhookToken, withToken } from '../core/webhook';
import { tryResolveEndpoints, type Endpoints } from '../core/routing';
import { apiError, describeNetworkError, operationError, type TaskContext } from './errors';
import { sendWithRetries, type HttpMethod } from './retry';

export const CREDENTIAL_TYPE = 'bflApi';

/** For calls without a Request Timeout option (finetune management, credits). */
export const API_TIMEOUT_MS = 120_000;
/** Network and 5xx failures are retried this many times in a row before giving up. */
export const MAX_TRANSIENT_ATTEMPTS = 5;
/**
 * Status checks of a paid task try harder: about a minute of back-off, or until the item's
 * timeout, before the task is given up (its result can still be fetched with Get Result).
 */
export const MAX_POLL_ATTEMPTS = 8;

/** Resolves the credential's hosts once per item; a broken custom URL fails before any request. */
export async function getEndpoints(ctx: IExecuteFunctions, itemIndex: number): Promise<Endpoints> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE, itemIndex);
	const resolved = tryResolveEndpoints({
		region: (credentials.region as Region | undefined) ?? 'global',
		baseUrl: credentials.baseUrl as string | undefined,
		finetuneRegion: credentials.finetuneRegion as FinetuneRegionChoice | undefined,
	});
	if (!resolved.ok) throw operationError(ctx.getNode(), resolved.message, itemIndex);
	return resolved.endpoints;
}

/**
 * The single-cluster host for finetune calls. Finetunes exist only on the cluster that trained them,
 * so a multi-cluster host is never used as a fallback.
 */
export function requireFinetuneBaseUrl(
	ctx: IExecuteFunctions,
	endpoints: Endpoints,
	itemIndex: number,
): string {
	if (endpoints.finetuneBaseUrl) return endpoints.finetuneBaseUrl;
	throw operationError(
		ctx.getNode(),
		'Finetune calls need a single-cluster host, and none follows from the credential: set Finetune Region to EU1 or US1 in the Black Forest Labs API credential',
		itemIndex,
		{},
		'Finetunes live only on the cluster that trained them (api.eu1.bfl.ai or api.us1.bfl.ai); the global host cannot reach them.',
	);
}

/** The webhook URL with the trigger's token, derived from the API key (see core/webhook). */
export async function signWebhookUrl(
	ctx: IExecuteFunctions,
	itemIndex: number,
	url: string,
): Promise<string> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE, itemIndex);
	return withToken(url, webhookToken(String(credentials.apiKey ?? ''), url));
}

export interface BflRequest {
	method: HttpMethod;
	/** Absolute URL; callers check that it may receive the key (see core/hosts). */
	url: string;
	body?: IDataObject;
	qs?: IDataObject;
	itemIndex: number;
	/** Words for error messages, e.g. "the submit to flux-2-pro". */
	what: string;
	task?: TaskContext;
	/** Epoch ms after which 429s are no longer retried. */
	deadline?: number;
	maxAttempts?: number;
	/** Polls: a 4xx whose body is itself a task result is returned rather than thrown. */
	acceptTaskBody?: boolean;
	/** Per-request timeout; API_TIMEOUT_MS when unset. */
	timeoutMs?: number;
	/** Messages that replace the generic one for given statuses, e.g. a retired endpoint's 404. */
	statusMessages?: Partial<Record<number, string>>;
}

function looksLikeTaskBody(body: unknown): boolean {
	return (
		typeof body === 'object' && body !== null && typeof (body as IDataObject).status === 'string'
	);
}

/** The one authenticated call to BFL: x-key from the credential, retries, and mapped errors. */
export async function bflRequest(ctx: IExecuteFunctions, request: BflRequest): Promise<unknown> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		qs: request.qs,
		body: request.body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: request.timeoutMs ?? API_TIMEOUT_MS,
	};
	const outcome = await sendWithRetries(
		ctx,
		{
			method: request.method,
			maxAttempts: request.maxAttempts ?? MAX_TRANSIENT_ATTEMPTS,
			deadline: request.deadline,
			// A POST starts a task (or a training): it counts against the account's in-flight cap.
			gate: request.method === 'POST' ? rateGateOf(ctx) : undefined,
		},
		async () => await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, options),
	);
	if (outcome.kind === 'network') {
		const tries = outcome.attempts > 1 ? ` after ${outcome.attempts} attempts` : '';
		throw operationError(
			ctx.getNode(),
			`Could not reach BFL for ${request.what}: ${describeNetworkError(outcome.code)}${tries}`,
			request.itemIndex,
			request.task,
			`Network error code: ${outcome.code.toLowerCase()}`,
		);
	}
	const { statusCode, body } = outcome.response;
	const parsed = parseBody(body);
	if (statusCode < 400) return parsed;
	if (request.acceptTaskBody && statusCode < 500 && looksLikeTaskBody(parsed)) return parsed;
	throw apiError(
		ctx.getNode(),
		statusCode,
		parsed,
		request.what,
		request.itemIndex,
		request.task,
		request.statusMessages?.[statusCode],
	);
}
