import { sniffMedia, type MediaType } from '../core/bytes/media';
import { describeErrorBody } from '../core/results/responses';
import type { DownloadScope } from '../core/trust/hosts';
import { boundedDownload, readCapped, type DownloadFailure } from './boundedDownload';
import { describeNetworkError, describeTask, operationError, type TaskContext } from './errors';
import type { RequestContext } from './retry';

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
	scope: DownloadScope;
	maxBytes: number;
	timeoutMs: number;
	deadline?: number;
}

const EXPIRED_HINT =
	'The image is gone: BFL deletes results 10 minutes after a task ends. Run the generation again with Download Image on, or download the URL within 10 minutes.';

/** The wording of a failed result image download. */
function describeImageFailure(
	request: DownloadRequest,
	failure: DownloadFailure,
): { message: string; hint?: string } {
	switch (failure.kind) {
		case 'refused':
			return {
				message: `Refusing to download the result from "${failure.url}": ${failure.reason}`,
			};
		case 'tooLarge':
			return {
				message: `The result is larger than Max Download Size (${Math.round(request.maxBytes / 1048576)} MB); it was not downloaded`,
			};
		case 'deadline':
			return { message: "The item's Timeout ran out while downloading the result image" };
		case 'network':
			return {
				message: `Could not download the result image: ${describeNetworkError(failure.code)}`,
			};
		case 'status': {
			const { statusCode, body } = failure;
			const expired =
				[403, 404, 410].includes(statusCode) &&
				(!request.expiresAt ||
					Date.parse(request.expiresAt) <= Date.now() ||
					/expir/i.test(body.toString('utf8')));
			if (!expired) {
				const detail = describeErrorBody(body);
				return {
					message: `Downloading the result image failed (${statusCode})${detail ? `: ${detail}` : ''}`,
				};
			}
			const when = request.expiresAt ? ` at ${request.expiresAt}` : '';
			return {
				message: `The result URL expired${when} before the image could be downloaded. BFL keeps results for 10 minutes; generate again, or download sooner`,
				// An expired URL stays expired, so Get Result cannot help; only a new run can.
				hint: request.task.taskId ? describeTask(request.task, EXPIRED_HINT) : undefined,
			};
		}
	}
}

/**
 * Downloads a result image (or, for the Trigger and Get Result, any known media) from its signed
 * URL into memory. The bytes must be a known media type, judged from the bytes themselves.
 */
export async function downloadMedia(
	ctx: RequestContext,
	request: DownloadRequest,
): Promise<DownloadedMedia> {
	const describe = (failure: DownloadFailure) => describeImageFailure(request, failure);
	const notMedia = (what: string) =>
		operationError(
			ctx.getNode(),
			`The result URL did not serve an image (${what}); nothing was saved`,
			request.itemIndex,
			request.task,
		);
	const tooLarge = () =>
		operationError(
			ctx.getNode(),
			describe({ kind: 'tooLarge' }).message,
			request.itemIndex,
			request.task,
		);
	const { value: data } = await boundedDownload(ctx, {
		url: request.sampleUrl,
		scope: request.scope,
		maxBytes: request.maxBytes,
		timeoutMs: request.timeoutMs,
		deadline: request.deadline,
		itemIndex: request.itemIndex,
		task: request.task,
		describe,
		read: async (body, response) =>
			await readCapped(body, request.maxBytes, tooLarge, (head) => {
				if (!sniffMedia(head))
					throw notMedia(`content-type ${String(response.headers?.['content-type'])}`);
			}),
	});
	const media = sniffMedia(data);
	if (!media) throw notMedia(`${data.length} bytes`);
	return { data, media };
}
