import type { IBinaryData } from 'n8n-workflow';

import { mediaFileName, sniffMedia, type MediaType } from '../core/bytes/media';
import type { ResultFile } from '../core/results/output';
import { boundedDownload, readCapped } from './boundedDownload';
import { operationError } from './errors';
import { resultFailure, type ResultFetch } from './resultFailure';
import type { RequestContext } from './retry';
import { downloadVideo, type VideoDownloadContext } from './videoDownload';

export interface DownloadedMedia {
	data: Buffer;
	/** From the bytes themselves, never from headers or the format asked for. */
	media: MediaType;
}

/**
 * Downloads a result image (or, for the Trigger and Get Result, any known media) from its signed
 * URL into memory. The bytes must be a known media type, judged from the bytes themselves.
 */
export async function downloadMedia(
	ctx: RequestContext,
	url: string,
	fetch: ResultFetch,
): Promise<DownloadedMedia> {
	const maxBytes = fetch.maxBytes.image;
	const describe = resultFailure(url, 'image', fetch, maxBytes);
	const fail = (message: string) =>
		operationError(ctx.getNode(), message, fetch.itemIndex, fetch.task);
	const notMedia = (what: string) =>
		fail(`The result URL did not serve an image (${what}); nothing was saved`);
	const { value: data } = await boundedDownload(ctx, {
		url,
		scope: fetch.scope,
		maxBytes,
		timeoutMs: fetch.timeoutMs,
		deadline: fetch.deadline,
		itemIndex: fetch.itemIndex,
		task: fetch.task,
		describe,
		read: async (body, response) =>
			await readCapped(
				body,
				maxBytes,
				() => fail(describe({ kind: 'tooLarge' }).message),
				(head) => {
					if (!sniffMedia(head))
						throw notMedia(`content-type ${String(response.headers?.['content-type'])}`);
				},
			),
	});
	const media = sniffMedia(data);
	if (!media) throw notMedia(`${data.length} bytes`);
	return { data, media };
}

/**
 * A finished task's file as binary data, for the node and the trigger alike: an image into
 * memory, a video or draft cache streamed into binary storage. Unauthenticated: delivery hosts
 * are storage and never see the key.
 */
export async function downloadResult(
	ctx: VideoDownloadContext,
	taskId: string,
	file: ResultFile,
	fetch: ResultFetch,
): Promise<IBinaryData> {
	const { kind, url } = file;
	if (kind !== 'image') return await downloadVideo(ctx, taskId, { kind, url }, fetch);
	const { data, media } = await downloadMedia(ctx, file.url, fetch);
	return await ctx.helpers.prepareBinaryData(data, mediaFileName(taskId, media), media.mimeType);
}
