import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

import {
	isMp4,
	megabytes,
	videoFileName,
	videoMimeType,
	type VideoResultKind,
} from '../core/bytes/video';
import { boundedDownload } from './boundedDownload';
import { operationError } from './errors';
import { resultFailure, type ResultFetch } from './resultFailure';
import type { RequestContext } from './retry';

/** The parts of a Node.js readable stream this file uses (the lint forbids importing 'stream'). */
interface ByteStream {
	on(event: string, listener: (...args: never[]) => void): unknown;
	pause(): unknown;
	resume(): unknown;
	destroy(error?: Error): unknown;
	push?(chunk: Buffer | null): boolean;
}

/** n8n hands a streamed body out as a Node.js Readable; anything else is a bug to report clearly. */
function asByteStream(body: object): ByteStream {
	const stream = body as Partial<ByteStream>;
	if (
		typeof stream.on !== 'function' ||
		typeof stream.pause !== 'function' ||
		typeof stream.resume !== 'function' ||
		typeof stream.destroy !== 'function'
	)
		throw new Error('the response body is not a stream');
	return stream as ByteStream;
}

type StreamConstructor = new (options: { read(): void }) => ByteStream;
type BinaryInput = Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0];

/** What a download needs of n8n: HTTP and binary storage (the node's execute, the trigger's webhook). */
export interface VideoDownloadContext extends RequestContext {
	helpers: RequestContext['helpers'] & {
		prepareBinaryData: IExecuteFunctions['helpers']['prepareBinaryData'];
	};
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
 * hosts are storage and never see the key), straight into n8n's binary storage as a stream. The
 * host, redirect, size and time rules and the failure wording are those of every result download.
 */
export async function downloadVideo(
	ctx: VideoDownloadContext,
	taskId: string,
	file: { kind: VideoResultKind; url: string },
	fetch: ResultFetch,
): Promise<IBinaryData> {
	const fail = (message: string) =>
		operationError(ctx.getNode(), message, fetch.itemIndex, fetch.task);
	const maxBytes = fetch.maxBytes.video;
	const { value: body, response } = await boundedDownload(ctx, {
		url: file.url,
		scope: fetch.scope,
		maxBytes,
		timeoutMs: fetch.timeoutMs,
		itemIndex: fetch.itemIndex,
		task: fetch.task,
		describe: resultFailure(file.url, 'video', fetch, maxBytes),
		// Handed on unread: the bytes stream into binary storage below.
		read: async (stream) => asByteStream(stream),
	});
	const guard = guardedStream(body, maxBytes);
	let guarded: { stream: ByteStream; head: Buffer };
	try {
		guarded = await guard.ready;
	} catch (error) {
		throw fail(`Could not download the result video: ${(error as Error).message}`);
	}
	// The type comes from the bytes: a video must be an MP4, whatever the headers say.
	if (file.kind === 'mp4' && !isMp4(guarded.head)) {
		guarded.stream.destroy();
		throw fail(
			`The result is not an MP4 video (content-type ${String(response.headers?.['content-type'] ?? 'none')})`,
		);
	}
	try {
		return await Promise.race([
			ctx.helpers.prepareBinaryData(
				guarded.stream as BinaryInput,
				videoFileName(taskId, file.kind),
				videoMimeType(file.kind),
			),
			guard.failed,
		]);
	} catch (error) {
		throw fail(`Could not download the result video: ${(error as Error).message}`);
	}
}
