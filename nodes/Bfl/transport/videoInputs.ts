import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

import { MAX_UPSCALE_INPUT, MAX_VIDEO_INPUT_BYTES, type VideoSpec } from '../catalog/videoModels';
import { sniffImageFormat } from '../core/bytes/files';
import { base64ByteLength } from '../core/bytes/media';
import { isMp4, megabytes, mp4FrameSize } from '../core/bytes/video';
import { keyframeSeconds, type EncodedMedia, type MediaSource } from '../core/request/videoRequest';
import { operationError } from './errors';
import { requireBinary } from './inputImages';

/** A binary field's size from the item, when n8n recorded it, so a huge file is refused unread. */
function recordedBytes(binary: IBinaryData): number | undefined {
	return typeof binary.bytes === 'number' && Number.isFinite(binary.bytes)
		? binary.bytes
		: undefined;
}

/**
 * The size of a binary field without reading its bytes: recorded in the item, or in the binary
 * store's metadata, or (inline data, n8n 1.x's default mode) from the length of the base64 text
 * already in the item. Undefined when none of them tells.
 */
async function knownBytes(
	ctx: IExecuteFunctions,
	binary: IBinaryData,
): Promise<number | undefined> {
	const recorded = recordedBytes(binary);
	if (recorded !== undefined) return recorded;
	if (!binary.id)
		return typeof binary.data === 'string' ? base64ByteLength(binary.data) : undefined;
	if (typeof ctx.helpers.getBinaryMetadata !== 'function') return undefined;
	try {
		const { fileSize } = await ctx.helpers.getBinaryMetadata(binary.id);
		return typeof fileSize === 'number' && Number.isFinite(fileSize) ? fileSize : undefined;
	} catch {
		// A store without metadata for it: the bounded read below still stops at the limit.
		return undefined;
	}
}

/**
 * The bytes of a binary field, read no further than `limit` + 1 bytes: a stored file is streamed
 * and the stream closed once it passes the limit (undefined then). Inline data is already in
 * memory and was measured by knownBytes.
 */
async function readBounded(
	ctx: IExecuteFunctions,
	itemIndex: number,
	property: string,
	binary: IBinaryData,
	limit: number,
): Promise<Buffer | undefined> {
	if (!binary.id || typeof ctx.helpers.getBinaryStream !== 'function')
		return await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
	const stream = await ctx.helpers.getBinaryStream(binary.id);
	const chunks: Buffer[] = [];
	let total = 0;
	try {
		for await (const chunk of stream as AsyncIterable<Buffer>) {
			total += chunk.length;
			if (total > limit) return undefined;
			chunks.push(chunk);
		}
	} finally {
		stream.destroy();
	}
	return Buffer.concat(chunks);
}

function tooLarge(property: string, what: string, bytes?: number): string {
	const size = bytes === undefined ? 'larger than that' : megabytes(bytes);
	return `The binary field "${property}" used as ${what} is ${size}; BFL accepts at most ${megabytes(MAX_VIDEO_INPUT_BYTES)} (50 MB). Send a URL instead, or shorten or downscale the file`;
}

/** What the bytes must be for the row's media, or a message saying why they are not. */
function contentProblem(
	spec: VideoSpec,
	property: string,
	what: string,
	bytes: Buffer,
	mimeType?: string,
): string | undefined {
	const kind = spec.media.kind;
	const seen = mimeType ? ` (it is ${mimeType})` : '';
	if (kind === 'image' && !sniffImageFormat(bytes))
		return `The binary field "${property}" used as ${what} is not a PNG, JPEG or WebP image${seen}`;
	if (kind === 'video' && !isMp4(bytes))
		return `The binary field "${property}" used as ${what} is not an MP4 video${seen}`;
	if (spec.operation === 'upscale') {
		const size = mp4FrameSize(bytes);
		const { width, height } = MAX_UPSCALE_INPUT;
		// Portrait clips count too: the limit is on the long and the short side.
		if (
			size &&
			(Math.max(size.width, size.height) > width || Math.min(size.width, size.height) > height)
		) {
			return `The video in "${property}" is ${size.width}×${size.height}; Video → Upscale takes at most ${width}×${height}. Downscale it first`;
		}
	}
	return undefined;
}

/**
 * Reads one binary medium through n8n's helpers (any binary mode) and checks its size and kind.
 * The size recorded in the item is checked first, so an oversized file is refused without reading it.
 */
async function readMedium(
	ctx: IExecuteFunctions,
	spec: VideoSpec,
	itemIndex: number,
	property: string,
	what: string,
): Promise<Buffer> {
	const binary = requireBinary(ctx, itemIndex, property, what);
	const refuse = (bytes?: number) =>
		operationError(ctx.getNode(), tooLarge(property, what, bytes), itemIndex);
	const known = await knownBytes(ctx, binary);
	if (known !== undefined && known > MAX_VIDEO_INPUT_BYTES) throw refuse(known);
	const bytes = await readBounded(ctx, itemIndex, property, binary, MAX_VIDEO_INPUT_BYTES);
	if (!bytes || bytes.length > MAX_VIDEO_INPUT_BYTES) throw refuse(bytes?.length);
	const problem = contentProblem(spec, property, what, bytes, binary.mimeType);
	if (problem) throw operationError(ctx.getNode(), problem, itemIndex);
	return bytes;
}

/**
 * Each medium of the item as the body takes it: a URL as given, or the binary read once and
 * base64-encoded once. With `encode` false, binaries are only read and checked (the prepare step).
 */
export async function readVideoMedia(
	ctx: IExecuteFunctions,
	spec: VideoSpec,
	sources: MediaSource[],
	itemIndex: number,
	encode: boolean,
): Promise<EncodedMedia[]> {
	const media: EncodedMedia[] = [];
	for (const [i, source] of sources.entries()) {
		const what = spec.media.max > 1 ? `${spec.media.label} ${i + 1}` : `the ${spec.media.label}`;
		const seconds = keyframeSeconds(source);
		if (source.source === 'url') {
			media.push({ value: String(source.url).trim(), seconds });
			continue;
		}
		const property = String(source.binaryPropertyName).trim();
		const bytes = await readMedium(ctx, spec, itemIndex, property, what);
		media.push({ value: encode ? bytes.toString('base64') : '', seconds });
	}
	return media;
}
