import type { IN8nHttpFullResponse } from 'n8n-workflow';

import { downloadRefusal, type DownloadScope } from '../core/hosts';
import { SNIFF_BYTES, sniffMedia, type MediaType } from '../core/media';
import { describeErrorBody } from '../core/responses';
import { describeNetworkError, describeTask, operationError, type TaskContext } from './errors';

const EXPIRED_HINT =
	'The image is gone: BFL deletes results 10 minutes after a task ends. Run the generation again with Download Image on, or download the URL within 10 minutes.';
import { MAX_TRANSIENT_ATTEMPTS } from './request';
import { sendWithRetries, type RequestContext } from './retry';

export interface DownloadedMedia {
	data: Buffer;
	/** From the bytes themselves, never from headers or the format asked for. */
	media: MediaType;
}

export interface DownloadRequest {
	sampleUrl: string;
	/** ISO time the signed URL stops working, when known. */
	expiresAt?: string;
	itemIndex: number;
	task: TaskContext;
	/** Which hosts a result may come from (core/hosts downloadRefusal). */
	scope: DownloadScope;
	/** Larger bodies are refused, also while they stream in. */
	maxBytes: number;
	/** Bounds each attempt as a whole, headers and body. */
	timeoutMs: number;
	/** Epoch ms: the item's deadline, which also ends a download in progress. */
	deadline?: number;
}

/** Redirects of a download followed by hand, each hop checked against the download rule. */
const MAX_REDIRECTS = 3;
/** An error page is read only this far, for its message. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

type Body = AsyncIterable<Buffer> & { destroy?: (error?: Error) => void };

function expiredMessage(request: DownloadRequest): string {
	const when = request.expiresAt ? ` at ${request.expiresAt}` : '';
	return `The result URL expired${when} before the image could be downloaded. BFL keeps results for 10 minutes; generate again, or download sooner`;
}

/**
 * Reads a streamed body up to `limit` bytes. `check` sees the first bytes as soon as they are
 * in, so a body that is not media stops early; past the limit the stream is destroyed.
 */
async function readCapped(
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
	for await (const chunk of body) {
		chunks.push(chunk);
		total += chunk.length;
		if (total >= limit) {
			body.destroy?.();
			break;
		}
	}
	return Buffer.concat(chunks).subarray(0, limit);
}

/**
 * Downloads a result from its signed URL. The request is unauthenticated on purpose (delivery
 * hosts are storage and must never see the key), goes only to hosts the download rule allows, at
 * every redirect hop, and is bounded in size and time. The bytes must be a known media type.
 */
export async function downloadMedia(
	ctx: RequestContext,
	request: DownloadRequest,
): Promise<DownloadedMedia> {
	const node = ctx.getNode();
	const fail = (message: string) => operationError(node, message, request.itemIndex, request.task);
	const refuse = (url: string, reason: string) =>
		fail(`Refusing to download the result from "${url}": ${reason}`);
	const initialRefusal = downloadRefusal(request.sampleUrl, request.scope);
	if (initialRefusal) throw refuse(request.sampleUrl, initialRefusal);
	const megabytes = Math.round(request.maxBytes / 1024 / 1024);
	const tooLarge = () =>
		fail(`The result is larger than Max Download Size (${megabytes} MB); it was not downloaded`);
	const notMedia = (what: string) =>
		fail(`The result URL did not serve an image (${what}); nothing was saved`);

	const send = async (signal: AbortSignal): Promise<IN8nHttpFullResponse> => {
		let url = request.sampleUrl;
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
				if (!target) throw refuse(url, `it answered ${statusCode} without a Location`);
				const refusal = downloadRefusal(target, request.scope);
				if (refusal) throw refuse(target, `a redirect led there and ${refusal}`);
				if (hop >= MAX_REDIRECTS) throw refuse(target, 'too many redirects');
				url = target;
				continue;
			}
			if (statusCode >= 400) {
				return { ...response, body: await readHead(body, MAX_ERROR_BODY_BYTES) };
			}
			const declared = Number(headers?.['content-length']);
			if (Number.isFinite(declared) && declared > request.maxBytes) {
				body.destroy?.();
				throw tooLarge();
			}
			const data = await readCapped(body, request.maxBytes, tooLarge, (head) => {
				if (!sniffMedia(head)) throw notMedia(`content-type ${String(headers?.['content-type'])}`);
			});
			return { ...response, body: data };
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
	if (outcome.kind === 'deadline') {
		throw operationError(
			node,
			"The item's Timeout ran out while downloading the result image",
			request.itemIndex,
			request.task,
		);
	}
	if (outcome.kind === 'network') {
		const reason = describeNetworkError(outcome.code);
		throw operationError(
			node,
			`Could not download the result image: ${reason}`,
			request.itemIndex,
			request.task,
		);
	}
	const { statusCode, body } = outcome.response;
	const data = body as Buffer;
	if (statusCode >= 400) {
		const expired =
			statusCode === 403 || statusCode === 404 || statusCode === 410
				? !request.expiresAt ||
					Date.parse(request.expiresAt) <= Date.now() ||
					/expir/i.test(data.toString('utf8'))
				: false;
		const message = expired
			? expiredMessage(request)
			: `Downloading the result image failed (${statusCode})${describeErrorBody(data) ? `: ${describeErrorBody(data)}` : ''}`;
		// An expired URL stays expired, so Get Result cannot help; only a new run can.
		const hint =
			expired && request.task.taskId ? describeTask(request.task, EXPIRED_HINT) : undefined;
		throw operationError(node, message, request.itemIndex, request.task, hint);
	}
	const media = sniffMedia(data);
	if (!media) throw notMedia(`${data.length} bytes`);
	return { data, media };
}
