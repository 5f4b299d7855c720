import type { IExecuteFunctions } from 'n8n-workflow';

import { MAX_UPSCALE_INPUT, MAX_VIDEO_INPUT_BYTES, type VideoSpec } from '../catalog/videoModels';
import { sniffImageFormat } from '../core/bytes/files';
import { isMp4, megabytes, mp4FrameSize } from '../core/bytes/video';
import { keyframeSeconds, type EncodedMedia, type MediaSource } from '../core/request/videoRequest';
import { readBinaryInput } from './binaryInput';
import { operationError } from './errors';

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

/** Reads one binary medium, bounded at BFL's 50 MB (transport/binaryInput), and checks its kind. */
async function readMedium(
	ctx: IExecuteFunctions,
	spec: VideoSpec,
	itemIndex: number,
	property: string,
	what: string,
): Promise<Buffer> {
	const { bytes, binary } = await readBinaryInput(
		ctx,
		itemIndex,
		property,
		what,
		MAX_VIDEO_INPUT_BYTES,
		(size) => tooLarge(property, what, size),
	);
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
