// @ts-check
'use strict';

const { encodeJpeg } = require('./jpeg');
const { encodeWebp } = require('./webp');
const { pngChunk, renderPicture, encodePng } = require('./picture');

/** @typedef {'png' | 'jpeg' | 'webp'} ImageFormat */

const CONTENT_TYPES = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' };
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_MAX_SEGMENT_PAYLOAD = 65533;

/**
 * @param {Uint8Array} buffer
 * @returns {ImageFormat | null}
 */
function sniffImage(buffer) {
	const b = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
	if (b.length >= 8 && b.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
	if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
	if (
		b.length >= 12 &&
		b.toString('latin1', 0, 4) === 'RIFF' &&
		b.toString('latin1', 8, 12) === 'WEBP'
	) {
		return 'webp';
	}
	return null;
}

/** @param {Buffer} jpeg  Splits after SOI and an APP0/JFIF segment so COM segments follow the JFIF marker. */
function splitJpeg(jpeg) {
	let cut = 2;
	if (jpeg[2] === 0xff && jpeg[3] === 0xe0) cut = 4 + jpeg.readUInt16BE(4);
	return { head: jpeg.subarray(0, cut), tail: jpeg.subarray(cut) };
}

/** @param {Buffer} data  one JPEG COM segment (payload ≤ 65533 bytes) */
function jpegComment(data) {
	const out = Buffer.alloc(4 + data.length);
	out[0] = 0xff;
	out[1] = 0xfe;
	out.writeUInt16BE(data.length + 2, 2);
	data.copy(out, 4);
	return out;
}

/**
 * @param {string} fourcc
 * @param {Buffer} data
 */
function riffChunk(fourcc, data) {
	const out = Buffer.alloc(8 + data.length + (data.length % 2));
	out.write(fourcc, 0, 'latin1');
	out.writeUInt32LE(data.length, 4);
	data.copy(out, 8);
	return out;
}

/**
 * Unknown chunks are only allowed in the extended WebP layout, so a simple (VP8/VP8L) file gets a VP8X header.
 * @param {Buffer} webp
 * @returns {Buffer} every chunk after the 12-byte RIFF header, VP8X first
 */
function extendedWebpBody(webp) {
	const chunks = webp.subarray(12);
	const first = chunks.toString('latin1', 0, 4);
	if (first === 'VP8X') return chunks;
	let width;
	let height;
	if (first === 'VP8 ') {
		width = chunks.readUInt16LE(8 + 6) & 0x3fff;
		height = chunks.readUInt16LE(8 + 8) & 0x3fff;
	} else if (first === 'VP8L') {
		const bits = chunks.readUInt32LE(8 + 1);
		width = (bits & 0x3fff) + 1;
		height = ((bits >>> 14) & 0x3fff) + 1;
	} else {
		throw new Error(`unsupported WebP fixture chunk ${first}`);
	}
	const vp8x = Buffer.alloc(10);
	vp8x.writeUIntLE(width - 1, 4, 3);
	vp8x.writeUIntLE(height - 1, 7, 3);
	return Buffer.concat([riffChunk('VP8X', vp8x), chunks]);
}

/** Test fixtures and images built without a size are this small. */
const SMALL = { width: 64, height: 64 };

/** @type {Map<string, { head: Buffer, tail: Buffer }>} */
const baseCache = new Map();
const BASE_CACHE_LIMIT = 8;

/**
 * The encoded picture of one format and size, split where the task marker and padding go.
 * Encoding a large JPEG takes a while, so the few sizes in use are kept.
 * @param {ImageFormat} format
 * @param {import('./picture').Size} size
 */
function basePicture(format, { width, height }) {
	const key = `${format}:${width}x${height}`;
	const cached = baseCache.get(key);
	if (cached) {
		baseCache.delete(key);
		baseCache.set(key, cached);
		return cached;
	}
	let base;
	const rgb = renderPicture(width, height);
	if (format === 'webp')
		base = { head: Buffer.alloc(0), tail: extendedWebpBody(encodeWebp(rgb, width, height)) };
	else if (format === 'png') base = encodePng(rgb, width, height);
	else base = splitJpeg(encodeJpeg(rgb, width, height));
	if (baseCache.size >= BASE_CACHE_LIMIT)
		baseCache.delete(/** @type {string} */ (baseCache.keys().next().value));
	baseCache.set(key, base);
	return base;
}

/**
 * Per-format container rules: the task marker and the padding are both ancillary data that decoders skip.
 * `padding(n)` returns about n bytes in total, overhead included.
 * @type {Record<ImageFormat, { marker: (id: string) => Buffer, padding: (bytes: number) => Buffer, minPadding: number }>}
 */
const FORMATS = {
	png: {
		marker: (id) => pngChunk('tEXt', Buffer.from(`bfl-task-id\0${id}`, 'latin1')),
		// 'bfPd': ancillary (lower), private (lower), reserved bit clear (upper), safe-to-copy (lower).
		padding: (bytes) => pngChunk('bfPd', Buffer.alloc(bytes - 12, 0x2e)),
		minPadding: 12,
	},
	jpeg: {
		marker: (id) => jpegComment(Buffer.from(`bfl-task-id:${id}`, 'latin1')),
		padding: (bytes) => {
			const segments = [];
			for (let left = bytes; left > 4; ) {
				const payload = Math.min(left - 4, JPEG_MAX_SEGMENT_PAYLOAD);
				segments.push(jpegComment(Buffer.alloc(payload, 0x2e)));
				left -= payload + 4;
			}
			return Buffer.concat(segments);
		},
		minPadding: 5,
	},
	webp: {
		marker: (id) => riffChunk('bfli', Buffer.from(id, 'latin1')),
		padding: (bytes) => riffChunk('bflp', Buffer.alloc((bytes - 8) & ~1, 0x2e)),
		minPadding: 10,
	},
};

/** @type {Map<string, Buffer>} */
const paddingCache = new Map();
const PADDING_CACHE_LIMIT = 24;

/**
 * @param {ImageFormat} format
 * @param {number} bytes
 */
function cachedPadding(format, bytes) {
	const key = `${format}:${bytes}`;
	let pad = paddingCache.get(key);
	if (!pad) {
		if (paddingCache.size >= PADDING_CACHE_LIMIT) paddingCache.clear();
		pad = FORMATS[format].padding(bytes);
		paddingCache.set(key, pad);
	}
	return pad;
}

/**
 * The served file as a list of buffers (cached shared pieces plus a small per-task marker), so a 1 MB download
 * is streamed without copying or re-encoding.
 * @param {ImageFormat} format
 * @param {string} id task id, embedded so every task's image differs
 * @param {number} [targetBytes] 0 = natural size; otherwise pad to about this many bytes
 * @param {import('./picture').Size} [size] pixels
 * @returns {Buffer[]}
 */
function imageParts(format, id, targetBytes = 0, size = SMALL) {
	const { head, tail } = basePicture(format, size);
	const rules = FORMATS[format];
	const marker = rules.marker(id);
	const riffHeaderBytes = format === 'webp' ? 12 : 0;
	const natural = riffHeaderBytes + head.length + marker.length + tail.length;
	const missing = targetBytes - natural;
	const padding = missing >= rules.minPadding ? [cachedPadding(format, missing)] : [];
	if (format !== 'webp') return [head, marker, ...padding, tail];
	const body = [tail, marker, ...padding];
	const header = Buffer.alloc(12);
	header.write('RIFF', 0, 'latin1');
	header.writeUInt32LE(
		body.reduce((n, b) => n + b.length, 4),
		4,
	);
	header.write('WEBP', 8, 'latin1');
	return [header, ...body];
}

/**
 * @param {ImageFormat} format
 * @param {string} id
 * @param {number} [targetBytes]
 * @param {import('./picture').Size} [size]
 */
function buildImage(format, id, targetBytes = 0, size = SMALL) {
	return Buffer.concat(imageParts(format, id, targetBytes, size));
}

module.exports = { sniffImage, imageParts, buildImage, CONTENT_TYPES };
