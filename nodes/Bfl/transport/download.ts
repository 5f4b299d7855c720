import { formatFromMimeType, sniffImageFormat, type ImageFormat } from '../core/files';
import { parseHttpUrl } from '../core/hosts';
import { describeErrorBody } from '../core/responses';
import { describeNetworkError, describeTask, operationError, type TaskContext } from './errors';

const EXPIRED_HINT =
	'The image is gone: BFL deletes results 10 minutes after a task ends. Run the generation again with Download Image on, or download the URL within 10 minutes.';
import { MAX_TRANSIENT_ATTEMPTS } from './request';
import type { IN8nHttpFullResponse } from 'n8n-workflow';

import { sendWithRetries, type RequestContext } from './retry';

export interface DownloadedImage {
	data: Buffer;
	format: ImageFormat;
}

export interface DownloadRequest {
	sampleUrl: string;
	/** ISO time the signed URL stops working, when known. */
	expiresAt?: string;
	/** Format asked for, used when neither bytes nor headers tell. */
	expectedFormat: ImageFormat;
	itemIndex: number;
	task: TaskContext;
	/** Bounds each attempt as a whole, headers and body. */
	timeoutMs: number;
	/** Epoch ms: the item's deadline, which also ends a download in progress. */
	deadline?: number;
}

function expiredMessage(request: DownloadRequest): string {
	const when = request.expiresAt ? ` at ${request.expiresAt}` : '';
	return `The result URL expired${when} before the image could be downloaded. BFL keeps results for 10 minutes; generate again, or download sooner`;
}

/**
 * Downloads a result image from its signed delivery URL. The request is unauthenticated on
 * purpose: delivery hosts are storage, not the API, and must never see the key.
 */
export async function downloadImage(
	ctx: RequestContext,
	request: DownloadRequest,
): Promise<DownloadedImage> {
	const node = ctx.getNode();
	const url = parseHttpUrl(request.sampleUrl);
	if (!url) {
		throw operationError(
			node,
			`BFL returned a result URL that is not http(s): "${request.sampleUrl}"`,
			request.itemIndex,
			request.task,
		);
	}
	const outcome = await sendWithRetries(
		ctx,
		{
			method: 'GET',
			maxAttempts: MAX_TRANSIENT_ATTEMPTS,
			deadline: request.deadline,
			attemptTimeoutMs: request.timeoutMs,
		},
		async (signal) =>
			(await ctx.helpers.httpRequest({
				method: 'GET',
				url: url.toString(),
				encoding: 'arraybuffer',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: request.timeoutMs,
				// Cancellation, the attempt's timeout and the item's deadline (see sendWithRetries).
				abortSignal: signal,
			})) as IN8nHttpFullResponse,
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
	const { statusCode, headers, body } = outcome.response;
	const data = Buffer.isBuffer(body) ? body : Buffer.from(body as ArrayBuffer);
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
	const format =
		sniffImageFormat(data) ??
		formatFromMimeType(headers?.['content-type']) ??
		request.expectedFormat;
	return { data, format };
}
