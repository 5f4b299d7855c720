import type { IExecuteFunctions, IN8nHttpFullResponse } from 'n8n-workflow';

import { MAX_BASE64_IMAGE_BYTES, checkImageBytes } from '../core/images';
import { describeNetworkError, operationError } from './errors';
import { MAX_TRANSIENT_ATTEMPTS } from './request';
import { sendWithRetries } from './retry';

/** The largest image whose base64 stays within BFL's 20 MB limit. */
const MAX_IMAGE_BYTES = Math.floor((MAX_BASE64_IMAGE_BYTES * 3) / 4);

/**
 * Downloads an input image for a field BFL takes as base64 only (Fill, Expand, image prompts).
 * The request is unauthenticated: the key is for BFL's API and never goes to an image host.
 * The size cap and the image check are those of binary inputs.
 */
export async function fetchInputImage(
	ctx: IExecuteFunctions,
	url: string,
	label: string,
	itemIndex: number,
	timeoutMs: number,
): Promise<Buffer> {
	const fail = (message: string) => operationError(ctx.getNode(), message, itemIndex);
	const outcome = await sendWithRetries(
		ctx,
		{ method: 'GET', maxAttempts: MAX_TRANSIENT_ATTEMPTS, attemptTimeoutMs: timeoutMs },
		async (signal) =>
			(await ctx.helpers.httpRequest({
				method: 'GET',
				url,
				encoding: 'arraybuffer',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: timeoutMs,
				abortSignal: signal,
			})) as IN8nHttpFullResponse,
	);
	if (outcome.kind === 'network')
		throw fail(`Could not download ${label} from ${url}: ${describeNetworkError(outcome.code)}`);
	if (outcome.kind === 'deadline')
		throw fail(`Downloading ${label} from ${url} did not finish in time`);
	const { statusCode, headers, body } = outcome.response;
	if (statusCode >= 400) throw fail(`Downloading ${label} from ${url} failed (${statusCode})`);
	const declared = Number(headers?.['content-length']);
	const data = Buffer.isBuffer(body) ? body : Buffer.from(body as ArrayBuffer);
	if (declared > MAX_IMAGE_BYTES || data.length > MAX_IMAGE_BYTES)
		throw fail(
			`${label} at ${url} is larger than BFL accepts (about ${Math.round(MAX_IMAGE_BYTES / 1048576)} MB)`,
		);
	const problem = checkImageBytes(
		label,
		url,
		data,
		headers?.['content-type'] as string | undefined,
	);
	if (problem) throw fail(problem.replace(`The binary field "${url}"`, `The URL ${url}`));
	return data;
}
