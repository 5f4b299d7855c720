import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import type { FinetuneRegionChoice, Region } from '../catalog/regions';
import { rateGateOf } from '../core/pacing/accounts';
import { parseBody } from '../core/results/responses';
import { mayReceiveKey } from '../core/trust/hosts';
import { tryResolveEndpoints, type Endpoints } from '../core/trust/routing';
import { webhookToken, withToken } from '../core/trust/webhook';
import { apiError, describeNetworkError, operationError, type TaskContext } from './errors';
import { sendWithRetries, type HttpMethod } from './retry';

export const CREDENTIAL_TYPE = 'bflApi';

/** For calls without a Request Timeout option (finetune management, credits). */
export const API_TIMEOUT_MS = 120_000;
/** Network and 5xx failures are retried this many times in a row before giving up. */
export const MAX_TRANSIENT_ATTEMPTS = 5;
/** Status checks of a paid task try harder: about a minute of back-off, or the item's Timeout. */
export const MAX_POLL_ATTEMPTS = 8;
/** Redirects of a GET followed by hand, each hop checked against the key rule. */
const MAX_REDIRECTS = 3;

/** Where the key may go, in words, for refusals. */
export function keyScopeText(endpoints: Endpoints): string {
	return `the API key is only sent to BFL's https API hosts (api.bfl.ai and api.<cluster>.bfl.ai, on the default port)${endpoints.customBaseUrl ? ` and the custom base URL's origin (${new URL(endpoints.customBaseUrl).origin})` : ''}`;
}

function isRedirect(status: number): boolean {
	return status >= 300 && status < 400 && status !== 304;
}

/** The absolute target of a redirect, or undefined when the Location header is missing or broken. */
function redirectTarget(from: string, location: unknown): string | undefined {
	if (typeof location !== 'string' || !location) return undefined;
	try {
		return new URL(location, from).toString();
	} catch {
		return undefined;
	}
}

/** The header BFL reads the key from; the credential's `authenticate` sends the same for its test. */
const KEY_HEADER = 'x-key';

const credentialsOfRun = new WeakMap<IExecuteFunctions, Promise<ICredentialDataDecryptedObject>>();

/**
 * The node's credential, read once per node run. n8n reads a credential from its database and
 * decrypts it on every getCredentials call (and httpRequestWithAuthentication makes one per
 * request); with 24 tasks polling at once those reads queued up and held polls back by up to a
 * third of a second. A credential is chosen per node, not per item, so item 0 reads it.
 */
export function runCredentials(ctx: IExecuteFunctions): Promise<ICredentialDataDecryptedObject> {
	let credentials = credentialsOfRun.get(ctx);
	if (!credentials) {
		credentials = ctx.getCredentials(CREDENTIAL_TYPE, 0);
		credentialsOfRun.set(ctx, credentials);
	}
	return credentials;
}

/** Resolves the credential's hosts; a broken custom URL fails before any request. */
export async function getEndpoints(ctx: IExecuteFunctions, itemIndex: number): Promise<Endpoints> {
	const credentials = await runCredentials(ctx);
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
		'Finetune calls need a host, and none follows from the credential: set Finetune Region to EU1, US1 or Same as Region in the Black Forest Labs API credential',
		itemIndex,
		{},
		'Finetunes live only on the cluster that trained them (api.eu1.bfl.ai or api.us1.bfl.ai); the global host cannot reach them.',
	);
}

/** The webhook URL with the trigger's token, derived from the API key (see core/trust/webhook). */
export async function signWebhookUrl(
	ctx: IExecuteFunctions,
	itemIndex: number,
	url: string,
): Promise<string> {
	const credentials = await runCredentials(ctx);
	return withToken(url, webhookToken(String(credentials.apiKey ?? ''), url));
}

export interface BflRequest {
	method: HttpMethod;
	/** Absolute URL; callers check that it may receive the key (see core/trust/hosts). */
	url: string;
	body?: IDataObject;
	qs?: IDataObject;
	itemIndex: number;
	/** Words for error messages, e.g. "the submit to flux-2-pro". */
	what: string;
	task?: TaskContext;
	/** Epoch ms: the item's deadline. No retry starts after it, and a request in progress is aborted. */
	deadline?: number;
	/** The error when the deadline ends the request; by default it names `what`. */
	deadlineMessage?: string;
	maxAttempts?: number;
	/** Polls: an error status whose body is itself a task result is returned (isTaskAnswer). */
	acceptTaskBody?: boolean;
	/** Bounds each attempt as a whole, headers and body; API_TIMEOUT_MS when unset. */
	timeoutMs?: number;
	/**
	 * Messages that replace the generic one for given statuses, e.g. a retired endpoint's 404; a
	 * function reads the body first and may leave the generic message (undefined).
	 */
	statusMessages?: Partial<Record<number, string | ((body: unknown) => string | undefined)>>;
}

/**
 * A status answer that is a task's body despite its HTTP status: a 4xx such as "Task not found",
 * or a 5xx that names the task (FLUX 3 reports a failed task as a 503 with its body). A 5xx
 * without the task's id stays a server failure, retried like any other.
 */
function isTaskAnswer(status: number, body: unknown): boolean {
	if (typeof body !== 'object' || body === null) return false;
	const { status: taskStatus, id } = body as IDataObject;
	return typeof taskStatus === 'string' && (status < 500 || typeof id === 'string');
}

/**
 * The one authenticated call to BFL: x-key from the credential, retries, and mapped errors. n8n's
 * plain httpRequest helper carries it (proxy, logging), given the key the run read once rather
 * than httpRequestWithAuthentication, which reads and decrypts the credential on every call. The
 * helper never follows a redirect itself (follow-redirects would carry the custom x-key header to
 * any host). A GET's redirect is followed here only while every hop may receive the key; any
 * other redirect, and every redirect of a POST or DELETE, is refused and never re-sent.
 */
export async function bflRequest(ctx: IExecuteFunctions, request: BflRequest): Promise<unknown> {
	const endpoints = await getEndpoints(ctx, request.itemIndex);
	const apiKey = String((await runCredentials(ctx)).apiKey ?? '');
	if (!mayReceiveKey(request.url, endpoints.customBaseUrl)) {
		throw operationError(
			ctx.getNode(),
			`Refusing to send ${request.what} to "${request.url}": ${keyScopeText(endpoints)}`,
			request.itemIndex,
			request.task,
		);
	}
	let lastUrl = request.url;
	const send = async (signal: AbortSignal) => {
		lastUrl = request.url;
		for (let hop = 0; ; hop++) {
			const options: IHttpRequestOptions = {
				method: request.method,
				url: lastUrl,
				qs: hop === 0 ? request.qs : undefined,
				body: request.body,
				headers: { [KEY_HEADER]: apiKey },
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				maxRedirects: 0,
				timeout: request.timeoutMs ?? API_TIMEOUT_MS,
				abortSignal: signal,
			};
			const response = (await ctx.helpers.httpRequest(options)) as IN8nHttpFullResponse;
			if (!isRedirect(response.statusCode) || request.method !== 'GET' || hop >= MAX_REDIRECTS)
				return response;
			const target = redirectTarget(lastUrl, response.headers?.location);
			if (!target || !mayReceiveKey(target, endpoints.customBaseUrl)) return response;
			lastUrl = target;
		}
	};
	const outcome = await sendWithRetries(
		ctx,
		{
			method: request.method,
			maxAttempts: request.maxAttempts ?? MAX_TRANSIENT_ATTEMPTS,
			deadline: request.deadline,
			attemptTimeoutMs: request.timeoutMs ?? API_TIMEOUT_MS,
			// A POST starts a task (or a training): it counts against the account's in-flight cap.
			gate: request.method === 'POST' ? rateGateOf(ctx) : undefined,
			isAnswer: request.acceptTaskBody
				? (response) => isTaskAnswer(response.statusCode, parseBody(response.body))
				: undefined,
		},
		send,
	);
	if (outcome.kind === 'deadline') {
		throw operationError(
			ctx.getNode(),
			request.deadlineMessage ?? `The item's Timeout ran out during ${request.what}`,
			request.itemIndex,
			request.task,
		);
	}
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
	const { statusCode, body, headers } = outcome.response;
	if (isRedirect(statusCode)) {
		const target = redirectTarget(lastUrl, headers?.location) ?? 'nowhere';
		const resent = request.method === 'GET' ? 'followed' : 're-sent';
		throw operationError(
			ctx.getNode(),
			`Refusing to follow a redirect (${statusCode}) of ${request.what} to "${target}": it was not ${resent}, because ${keyScopeText(endpoints)}`,
			request.itemIndex,
			request.task,
		);
	}
	const parsed = parseBody(body);
	if (statusCode < 400) return parsed;
	if (request.acceptTaskBody && isTaskAnswer(statusCode, parsed)) return parsed;
	const override = request.statusMessages?.[statusCode];
	throw apiError(
		ctx.getNode(),
		statusCode,
		parsed,
		request.what,
		request.itemIndex,
		request.task,
		override instanceof Function ? override(parsed) : override,
	);
}
