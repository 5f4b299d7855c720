import type { IExecuteFunctions } from 'n8n-workflow';

import { MAX_UPSCALE_INPUT, MAX_VIDEO_INPUT_BYTES, type VideoSpec } from '../catalog/videoModels';
import { sniffImageFormat } from '../core/files';
import { isMp4, megabytes, mp4FrameSize } from '../core/video';
import { keyframeSeconds, type EncodedMedia, type MediaSource } from '../core/videoRequest';
import { operationError } from './errors';
import { requireBinary } from './inputImages';

/** A binary field's size from its metadata, when n8n recorded it, so a huge file is refused unread. */
function recordedBytes(binary: { bytes?: unknown }): number | undefined {
	return typeof binary.bytes === 'number' && Number.isFinite(binary.bytes)
		? binary.bytes
		: undefined;
}

function tooLarge(property: string, what: string, bytes: number): string {
	return `The binary field "${property}" used as ${what} is ${megabytes(bytes)}; BFL accepts at most ${megabytes(MAX_VIDEO_INPUT_BYTES)} (50 MB). Send a URL instead, or shorten or downscale the file`;
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
	const recorded = recordedBytes(binary as { bytes?: unknown });
	if (recorded !== undefined && recorded > MAX_VIDEO_INPUT_BYTES)
		throw operationError(ctx.getNode(), tooLarge(property, what, recorded), itemIndex);
	const bytes = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
	const problem =
		bytes.length > MAX_VIDEO_INPUT_BYTES
			? tooLarge(property, what, bytes.length)
			: contentProblem(spec, property, what, bytes, binary.mimeType);
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
