/**
 * What downloaded bytes are, judged by their first bytes only (magic numbers): a server's
 * content-type and the format asked for are never trusted: images, and MP4 video (Video → Upscale
 * results can reach the Trigger, and Get Result may be given any task).
 */

export type MediaKind = 'image' | 'video';

export interface MediaType {
	kind: MediaKind;
	/** Short name, e.g. "jpeg". */
	format: string;
	mimeType: string;
	extension: string;
}

/** Default cap on a downloaded result, per kind: a 4 MP PNG is about 12 MB, so 64 MB is ample. */
export const DEFAULT_MAX_DOWNLOAD_MB: Record<MediaKind, number> = {
	image: 64,
	video: 1024,
};

/** Bytes needed to tell every known type apart. */
export const SNIFF_BYTES = 12;

function ascii(bytes: Uint8Array, from: number, to: number): string {
	return String.fromCharCode(...bytes.subarray(from, to));
}

const SIGNATURES: Array<{ type: MediaType; matches: (bytes: Uint8Array) => boolean }> = [
	{
		type: { kind: 'image', format: 'jpeg', mimeType: 'image/jpeg', extension: 'jpg' },
		matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
	},
	{
		type: { kind: 'image', format: 'png', mimeType: 'image/png', extension: 'png' },
		matches: (b) => ascii(b, 0, 8) === '\x89PNG\r\n\x1a\n',
	},
	{
		type: { kind: 'image', format: 'webp', mimeType: 'image/webp', extension: 'webp' },
		matches: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP',
	},
	{
		type: { kind: 'image', format: 'gif', mimeType: 'image/gif', extension: 'gif' },
		matches: (b) => ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a',
	},
	{
		type: { kind: 'video', format: 'mp4', mimeType: 'video/mp4', extension: 'mp4' },
		matches: (b) => ascii(b, 4, 8) === 'ftyp',
	},
];

/** The media type of these bytes, or undefined when they are none of the known ones. */
export function sniffMedia(bytes: Uint8Array): MediaType | undefined {
	if (bytes.length < SNIFF_BYTES) return undefined;
	return SIGNATURES.find((signature) => signature.matches(bytes))?.type;
}

/** File name for a result: `<task id>.<ext>`, safe for every binary data store. */
export function mediaFileName(taskId: string, media: MediaType): string {
	const safeId = taskId.replace(/[^A-Za-z0-9._-]/g, '_') || 'result';
	return `${safeId}.${media.extension}`;
}

/** The number of bytes base64 text decodes to, read from its length (no decoding). */
export function base64ByteLength(text: string): number {
	const clean = text.replace(/\s/g, '');
	const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
	return Math.max(0, Math.floor((clean.length * 3) / 4) - padding);
}
