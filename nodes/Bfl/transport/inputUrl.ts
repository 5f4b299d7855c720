import type { IExecuteFunctions } from 'n8n-workflow';

import { MAX_BASE64_IMAGE_BYTES, checkImageBytes } from '../core/request/images';
import { boundedDownload, readCapped, type DownloadFailure } from './boundedDownload';
import { describeNetworkError, operationError } from './errors';
import { getEndpoints } from './request';

/** How long fetching an input may take: each request, and the item as a whole. */
export interface InputFetchBounds {
	requestTimeoutMs: number;
	/** Epoch ms: the item's deadline (its Timeout counts from before the inputs are fetched). */
	deadline: number;
}

/** The largest image whose base64 stays within BFL's 20 MB limit. */
const MAX_IMAGE_BYTES = Math.floor((MAX_BASE64_IMAGE_BYTES * 3) / 4);

function describeInputFailure(label: string, url: string, failure: DownloadFailure): string {
	switch (failure.kind) {
		case 'refused':
			return `Refusing to download ${label} from "${failure.url}": ${failure.reason}`;
		case 'tooLarge':
			return `${label} at ${url} is larger than BFL accepts (about ${Math.round(MAX_IMAGE_BYTES / 1048576)} MB)`;
		case 'deadline':
			return `The item's Timeout ran out while downloading ${label} from ${url}`;
		case 'network':
			return `Could not download ${label} from ${url}: ${describeNetworkError(failure.code)}`;
		case 'status':
			return `Downloading ${label} from ${url} failed (${failure.statusCode})`;
	}
}

/**
 * Downloads an input image for a field BFL takes as base64 only (Fill, Expand, image prompts).
 * The request is unauthenticated: the key is for BFL's API and never goes to an image host. Any
 * public host may serve it, but, as for results, no loopback, private or link-local address
 * unless the custom base URL is one; redirects, size and time are bounded like every download,
 * and the item's deadline, which starts before its inputs are fetched, ends the retries.
 */
export async function fetchInputImage(
	ctx: IExecuteFunctions,
	url: string,
	label: string,
	itemIndex: number,
	bounds: InputFetchBounds,
): Promise<Buffer> {
	const describe = (failure: DownloadFailure) => ({
		message: describeInputFailure(label, url, failure),
	});
	const tooLarge = () =>
		operationError(ctx.getNode(), describe({ kind: 'tooLarge' }).message, itemIndex);
	const { customBaseUrl } = await getEndpoints(ctx, itemIndex);
	const { value: data, response } = await boundedDownload(ctx, {
		url,
		scope: { customBaseUrl, allowAnyHost: true },
		maxBytes: MAX_IMAGE_BYTES,
		timeoutMs: bounds.requestTimeoutMs,
		deadline: bounds.deadline,
		itemIndex,
		describe,
		read: async (body) => await readCapped(body, MAX_IMAGE_BYTES, tooLarge),
	});
	const problem = checkImageBytes(
		label,
		url,
		data,
		response.headers?.['content-type'] as string | undefined,
	);
	if (problem)
		throw operationError(
			ctx.getNode(),
			problem.replace(`The binary field "${url}"`, `The URL ${url}`),
			itemIndex,
		);
	return data;
}
