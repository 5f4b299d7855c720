export type ImageFormat = 'jpeg' | 'png' | 'webp';

const MIME_TYPES: Record<ImageFormat, string> = {
	jpeg: 'image/jpeg',
	png: 'image/png',
	webp: 'image/webp',
};

const EXTENSIONS: Record<ImageFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' };

/** Detects an image format from its first bytes; BFL's content-type is trusted less than the bytes. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | undefined {
	if (
		bytes.length >= 8 &&
		bytes[0] === 0x89 &&
		bytes[1] === 0x50 &&
		bytes[2] === 0x4e &&
		bytes[3] === 0x47
	) {
		return 'png';
	}
	if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
		return 'jpeg';
	const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
	if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
	return undefined;
}

/** Maps a content-type header to a format, ignoring parameters such as charset. */
export function formatFromMimeType(mimeType: unknown): ImageFormat | undefined {
	if (typeof mimeType !== 'string') return undefined;
	const bare = mimeType.split(';')[0].trim().toLowerCase();
	if (bare === 'image/jpg') return 'jpeg';
	return (Object.keys(MIME_TYPES) as ImageFormat[]).find((format) => MIME_TYPES[format] === bare);
}

export function mimeTypeOf(format: ImageFormat): string {
	return MIME_TYPES[format];
}

/** File name for a result image: `<task id>.<ext>`, safe for every binary data store. */
export function resultFileName(taskId: string, format: ImageFormat): string {
	const safeId = taskId.replace(/[^A-Za-z0-9._-]/g, '_') || 'image';
	return `${safeId}.${EXTENSIONS[format]}`;
}
