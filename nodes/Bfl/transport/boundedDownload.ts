import type { IN8nHttpFullResponse } from 'n8n-workflow';

import { SNIFF_BYTES } from '../core/bytes/media';
import { downloadRefusal, type DownloadScope } from '../core/trust/hosts';
import { operationError, type TaskContext } from './errors';
import { MAX_TRANSIENT_ATTEMPTS } from './request';
import { sendWithRetries, type RequestContext } from './retry';

/** Redirects of a download followed by hand, each hop checked against the host rule. */
const MAX_REDIRECTS = 3;
/** An error page is read only this far, for its message; then its connection is closed. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** A response body as n8n's httpRequest hands it out with `encoding: 'stream'`. */
export type Body = AsyncIterable<Buffer> & { destroy?: (error?: Error) => void };

/** Why a bounded download failed; each caller words it for its own kind of file. */
export type DownloadFailure =
	| { kind: 'refused'; url: string; reason: string }
	| { kind: 'tooLarge'; declaredBytes?: number }
	| { kind: 'status'; statusCode: number; body: Buffer }
	| { kind: 'network'; code: string }
	| { kind: 'deadline' };

/**
 * One unauthenticated GET of a file: result images and videos, and input images for fields BFL
 * takes as base64 only. The same rules hold for all of them: the host rule at every redirect hop,
 * a size cap (a larger Content-Length fails before reading), a time bound per attempt and the
 * item's deadline, retries of transient failures, and error pages read only up to 64 KB.
 */
export interface BoundedDownload<T> {
	url: string;
	/** Which hosts may serve the file (core/trust/hosts downloadRefusal). */
	scope: DownloadScope;
	maxBytes: number;
	/** Bounds each attempt as a whole, headers and body. */
	timeoutMs: number;
	/** Epoch ms: the item's deadline, which also ends a download in progress. */
	deadline?: number;
	itemIndex: number;
	task?: TaskContext;
	/** Reads a 2xx body within the attempt, so a body that breaks off is retried. */
	read: (body: Body, response: IN8nHttpFullResponse) => Promise<T>;
	/** The message for a failure; `hint` is the error's description. */
	describe: (failure: DownloadFailure) => { message: string; hint?: string };
}

/**
 * Reads a streamed body up to `limit` bytes. `check` sees the first bytes as soon as they are
 * in, so a body that is not media stops early; past the limit the stream is destroyed.
 */
export async function readCapped(
	body: Body,
	limit: number,
	onTooLarge: () => Error,
	check?: (head: Buffer) => void,
): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let total = 0;
	let checked = !check;
	let complete = false;
	try {
		for await (const chunk of body) {
			total += chunk.length;
			if (total > limit) throw onTooLarge();
			chunks.push(chunk);
			if (!checked && total >= SNIFF_BYTES) {
				checked = true;
				check?.(Buffer.concat(chunks));
			}
		}
		complete = true;
	} finally {
		if (!complete) body.destroy?.();
	}
	const data = Buffer.concat(chunks);
	if (!checked) check?.(data);
	return data;
}

/** The first `limit` bytes of a body (an error page, read for its message); the rest is dropped. */
async function readHead(body: Body, limit: number): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let total = 0;
	try {
		for await (const chunk of body) {
			chunks.push(chunk);
			total += chunk.length;
			if (total >= limit) break;
		}
	} finally {
		// Closes the connection of a long error page, and of one that broke off.
		body.destroy?.();
	}
	return Buffer.concat(chunks).subarray(0, limit);
}

/** Downloads a file under the rules of BoundedDownload; every failure is a NodeOperationError. */
export async function boundedDownload<T>(
	ctx: RequestContext,
	request: BoundedDownload<T>,
): Promise<{ value: T; response: IN8nHttpFullResponse }> {
	const fail = (failure: DownloadFailure) => {
		const { message, hint } = request.describe(failure);
		return operationError(ctx.getNode(), message, request.itemIndex, request.task, hint);
	};
	const refusal = downloadRefusal(request.url, request.scope);
	if (refusal) throw fail({ kind: 'refused', url: request.url, reason: refusal });

	// What `read` made of each 2xx response, found again by the response the retries settle on.
	const values = new WeakMap<IN8nHttpFullResponse, T>();
	const send = async (signal: AbortSignal): Promise<IN8nHttpFullResponse> => {
		let url = request.url;
		for (let hop = 0; ; hop++) {
			const response = (await ctx.helpers.httpRequest({
				method: 'GET',
				url,
				encoding: 'stream',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				maxRedirects: 0,
				timeout: request.timeoutMs,
				abortSignal: signal,
			})) as IN8nHttpFullResponse;
			const body = response.body as Body;
			const { statusCode, headers } = response;
			if (statusCode >= 300 && statusCode < 400 && statusCode !== 304) {
				body.destroy?.();
				const location = headers?.location;
				const target = typeof location === 'string' ? new URL(location, url).toString() : undefined;
				if (!target)
					throw fail({
						kind: 'refused',
						url,
						reason: `it answered ${statusCode} without a Location`,
					});
				const hopRefusal = downloadRefusal(target, request.scope);
				if (hopRefusal)
					throw fail({
						kind: 'refused',
						url: target,
						reason: `a redirect led there and ${hopRefusal}`,
					});
				if (hop >= MAX_REDIRECTS)
					throw fail({ kind: 'refused', url: target, reason: 'too many redirects' });
				url = target;
				continue;
			}
			// Read (and closed) here, so a retried 5xx leaves no open response behind.
			if (statusCode >= 400)
				return { ...response, body: await readHead(body, MAX_ERROR_BODY_BYTES) };
			const declared = Number(headers?.['content-length']);
			if (Number.isFinite(declared) && declared > request.maxBytes) {
				body.destroy?.();
				throw fail({ kind: 'tooLarge', declaredBytes: declared });
			}
			const value = await request.read(body, response);
			values.set(response, value);
			return response;
		}
	};

	const outcome = await sendWithRetries(
		ctx,
		{
			method: 'GET',
			maxAttempts: MAX_TRANSIENT_ATTEMPTS,
			deadline: request.deadline,
			attemptTimeoutMs: request.timeoutMs,
		},
		send,
	);
	if (outcome.kind === 'deadline') throw fail({ kind: 'deadline' });
	if (outcome.kind === 'network') throw fail({ kind: 'network', code: outcome.code });
	const { statusCode, body } = outcome.response;
	if (statusCode >= 400) throw fail({ kind: 'status', statusCode, body: body as Buffer });
	return { value: values.get(outcome.response) as T, response: outcome.response };
}
