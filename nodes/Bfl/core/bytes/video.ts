/**
 * Video bytes: recognising an MP4 and its frame size from its boxes, and naming results. Pure.
 */

export type VideoResultKind = 'mp4' | 'draft';

const ascii = (bytes: Uint8Array, from: number, to: number) =>
	String.fromCharCode(...bytes.subarray(from, to));

/** True when the bytes start like an ISO base media file (MP4): a box of type `ftyp` first. */
export function isMp4(bytes: Uint8Array): boolean {
	return bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp';
}

function readUint32(bytes: Uint8Array, at: number): number {
	return ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
}

/** The boxes between `start` and `end`: type and where their payload lies. */
function boxes(
	bytes: Uint8Array,
	start: number,
	end: number,
): Array<{ type: string; from: number; to: number }> {
	const found = [];
	for (let at = start; at + 8 <= end; ) {
		let size = readUint32(bytes, at);
		let header = 8;
		if (size === 1 && at + 16 <= end) {
			// 64-bit size; a video of 4 GB or more is far beyond what the node handles anyway.
			size = readUint32(bytes, at + 8) * 2 ** 32 + readUint32(bytes, at + 12);
			header = 16;
		} else if (size === 0) {
			size = end - at;
		}
		if (size < header || at + size > end) break;
		found.push({ type: ascii(bytes, at + 4, at + 8), from: at + header, to: at + size });
		at += size;
	}
	return found;
}

/**
 * The largest frame size of the MP4's tracks (from each track header), or undefined when the file
 * has no readable moov. Enough to check a limit before uploading; not a decoder.
 */
export function mp4FrameSize(bytes: Uint8Array): { width: number; height: number } | undefined {
	const moov = boxes(bytes, 0, bytes.length).find((box) => box.type === 'moov');
	if (!moov) return undefined;
	let size: { width: number; height: number } | undefined;
	for (const trak of boxes(bytes, moov.from, moov.to).filter((box) => box.type === 'trak')) {
		const tkhd = boxes(bytes, trak.from, trak.to).find((box) => box.type === 'tkhd');
		if (!tkhd) continue;
		// Width and height (16.16 fixed point) end the track header, whose start depends on its version.
		const at = tkhd.from + (bytes[tkhd.from] === 1 ? 88 : 76);
		if (at + 8 > tkhd.to) continue;
		const width = readUint32(bytes, at) >>> 16;
		const height = readUint32(bytes, at + 4) >>> 16;
		if (width * height > (size ? size.width * size.height : 0)) size = { width, height };
	}
	return size;
}

/** File name of a video result: `<task id>.mp4`, or `<task id>.bin` for a draft cache. */
export function videoFileName(taskId: string, kind: VideoResultKind): string {
	const safeId = taskId.replace(/[^A-Za-z0-9._-]/g, '_') || 'video';
	return `${safeId}.${kind === 'mp4' ? 'mp4' : 'bin'}`;
}

export function videoMimeType(kind: VideoResultKind): string {
	return kind === 'mp4' ? 'video/mp4' : 'application/octet-stream';
}

/**
 * The video file a finished task's result points at, if it is one: a draft's cache bundle, or a
 * sample whose signed URL names an .mp4. Undefined for images.
 */
export function videoResultOf(result: unknown): { url: string; kind: VideoResultKind } | undefined {
	if (!result || typeof result !== 'object') return undefined;
	const { sample, draft_cache: draft } = result as Record<string, unknown>;
	if (typeof sample === 'string') {
		const path = sample.split(/[?#]/)[0];
		return /\.mp4$/i.test(path) ? { url: sample, kind: 'mp4' } : undefined;
	}
	return typeof draft === 'string' ? { url: draft, kind: 'draft' } : undefined;
}

/** Megabytes with one decimal, for messages. */
export function megabytes(bytes: number): string {
	return `${(bytes / 1048576).toFixed(1)} MB`;
}
