import type { IBinaryData, IExecuteFunctions, IN8nHttpFullResponse } from 'n8n-workflow';

import { downloadRefusal, parseHttpUrl, type DownloadScope } from '../core/hosts';
import { describeErrorBody } from '../core/responses';
import {
	isMp4,
	MAX_VIDEO_DOWNLOAD_BYTES,
	megabytes,
	videoFileName,
	videoMimeType,
	type VideoResultKind,
} from '../core/video';
import { describeNetworkError, operationError, type TaskContext } from './errors';
import { MAX_TRANSIENT_ATTEMPTS } from './request';
import { sendWithRetries } from './retry';

/** The parts of a Node.js readable stream this file uses (the lint forbids importing 'stream'). */
interface ByteStream {
	on(event: string, listener: (...args: never[]) => void): unknown;
	pause(): unknown;
	resume(): unknown;
	destroy(error?: Error): unknown;
	push?(chunk: Buffer | null): boolean;
}

type StreamConstructor = new (options: { read(): void }) => ByteStream;
type BinaryInput = Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0];

export interface VideoDownload {
	url: string;
	kind: VideoResultKind;
	taskId: string;
	itemIndex: number;
	task: TaskContext;
	timeoutMs: number;
	maxBytes?: number;
	/** Which hosts a result may come from, as for images (core/hosts downloadRefusal). */
	scope: DownloadScope;
}

/**
 * The Readable class of a stream: the nearest class in its chain that defines push() (a response
 * may be an IncomingMessage, a plain Readable or a decompressing Transform).
 */
function readableClassOf(stream: ByteStream): StreamConstructor {
	let proto = Object.getPrototypeOf(stream);
	while (proto && !Object.prototype.hasOwnProperty.call(proto, 'push'))
		proto = Object.getPrototypeOf(proto);
	return (proto ?? Object.getPrototypeOf(stream)).constructor as StreamConstructor;
}

/** Bytes needed to recognise an MP4 (its ftyp box header). */
const HEAD_BYTES = 12;

/**
 * Passes the response on chunk by chunk, counting bytes: past `maxBytes` both streams fail. The
 * returned stream is of the response's own Readable class (see readableClassOf), so
 * n8n's binary helpers store it like any other stream, in memory, on disk or in S3 alike.
 * `ready` resolves once the first bytes are in, for sniffing (nothing is lost meanwhile: they wait
 * in the returned stream's buffer); `failed` rejects on the cap or a broken response, also when
 * that happens before the consumer has attached to the stream.
 */
interface GuardedStream {
	ready: Promise<{ stream: ByteStream; head: Buffer }>;
	failed: Promise<never>;
}

function guardedStream(source: ByteStream, maxBytes: number): GuardedStream {
	const Readable = readableClassOf(source);
	const out = new Readable({ read: () => void source.resume() });
	// The consumer attaches its own error listener later; until then a failure must not go unhandled.
	out.on('error', () => {});
	let received = 0;
	let head = Buffer.alloc(0);
	let markFailed: (error: Error) => void = () => {};
	const failed = new Promise<never>((_, reject) => (markFailed = reject));
	failed.catch(() => {}); // observed through `ready` or by the caller's race
	const ready = new Promise<{ stream: ByteStream; head: Buffer }>((resolve, reject) => {
		const fail = (error: Error) => {
			source.destroy();
			out.destroy(error);
			reject(error);
			markFailed(error);
		};
		source.on('data', (chunk: Buffer) => {
			received += chunk.length;
			if (received > maxBytes) {
				fail(new Error(`the file is larger than the ${megabytes(maxBytes)} download limit`));
				return;
			}
			if (head.length < HEAD_BYTES) {
				head = Buffer.concat([head, chunk]);
				if (head.length >= HEAD_BYTES) resolve({ stream: out, head });
			}
			if (out.push && !out.push(chunk)) source.pause();
		});
		source.on('end', () => {
			out.push?.(null);
			resolve({ stream: out, head });
		});
		source.on('error', (error: Error) => fail(error));
	});
	return { ready, failed };
}

/**
 * Downloads a video result (MP4 or draft cache) from its signed URL, unauthenticated (delivery
 * hosts are storage and never see the key), straight into n8n's binary storage as a stream.
 */
export async function downloadVideo(
	ctx: IExecuteFunctions,
	request: VideoDownload,
): Promise<IBinaryData> {
	const node = ctx.getNode();
	const fail = (message: string) => operationError(node, message, request.itemIndex, request.task);
	const url = parseHttpUrl(request.url);
	if (!url) throw fail(`BFL returned a result URL that is not http(s): "${request.url}"`);
	const refusal = downloadRefusal(request.url, request.scope);
	if (refusal) throw fail(`Refusing to download the result from "${request.url}": ${refusal}`);
	const outcome = await sendWithRetries(
		ctx,
		{ method: 'GET', maxAttempts: MAX_TRANSIENT_ATTEMPTS, attemptTimeoutMs: request.timeoutMs },
		async (signal) =>
			(await ctx.helpers.httpRequest({
				method: 'GET',
				url: url.toString(),
				encoding: 'stream',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: request.timeoutMs,
				disableFollowRedirect: true,
				maxRedirects: 0,
				abortSignal: signal,
			})) as IN8nHttpFullResponse,
	);
	if (outcome.kind === 'network')
		throw fail(`Could not download the result video: ${describeNetworkError(outcome.code)}`);
	if (outcome.kind === 'deadline') throw fail('Downloading the result video did not finish in time');
	const { statusCode, headers } = outcome.response;
	const body = outcome.response.body as ByteStream;
	if (statusCode >= 400) {
		const text = await ctx.helpers.binaryToString(body as unknown as Buffer);
		const expired = statusCode === 403 && /expir|after current time/i.test(text);
		throw fail(
			expired
				? 'The result URL expired before the video could be downloaded; generate again, or download sooner'
				: `Downloading the result video failed (${statusCode})${describeErrorBody(text) ? `: ${describeErrorBody(text)}` : ''}`,
		);
	}
	const maxBytes = request.maxBytes ?? MAX_VIDEO_DOWNLOAD_BYTES;
	const declared = Number(headers?.['content-length']);
	if (Number.isFinite(declared) && declared > maxBytes) {
		body.destroy();
		throw fail(
			`The result video is ${megabytes(declared)}, more than the ${megabytes(maxBytes)} download limit`,
		);
	}
	const guard = guardedStream(body, maxBytes);
	let guarded: { stream: ByteStream; head: Buffer };
	try {
		guarded = await guard.ready;
	} catch (error) {
		throw fail(`Could not download the result video: ${(error as Error).message}`);
	}
	// The type comes from the bytes: a video must be an MP4, whatever the headers say.
	if (request.kind === 'mp4' && !isMp4(guarded.head)) {
		guarded.stream.destroy();
		throw fail(
			`The result is not an MP4 video (content-type ${String(headers?.['content-type'] ?? 'none')})`,
		);
	}
	try {
		return await Promise.race([
			ctx.helpers.prepareBinaryData(
				guarded.stream as unknown as BinaryInput,
				videoFileName(request.taskId, request.kind),
				videoMimeType(request.kind),
			),
			guard.failed,
		]);
	} catch (error) {
		throw fail(`Could not download the result video: ${(error as Error).message}`);
	}
}
