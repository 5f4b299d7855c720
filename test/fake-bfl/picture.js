// @ts-check
'use strict';

const zlib = require('node:zlib');

/**
 * The picture the simulator serves: a landscape (sky gradient, sun, two ranges of hills) drawn at
 * any size, so an image has the requested dimensions and looks like a picture, not noise.
 */

/** @typedef {{ width: number, height: number }} Size */

/** Without width/height or aspect_ratio in the request, the simulator answers 1024×1024 (1 MP). */
const DEFAULT_SIZE = { width: 1024, height: 1024 };
const MAX_SIDE = 8192;
const MAX_PIXELS = 16e6;

/**
 * The output size for a request body: width × height when given; for aspect_ratio "W:H", about
 * 1024×1024's area in that ratio with sides on multiples of 16; otherwise DEFAULT_SIZE.
 * @param {Record<string, any>} body
 * @returns {Size}
 */
function requestedSize(body) {
	const side = (/** @type {unknown} */ v) =>
		Number.isInteger(v) && /** @type {number} */ (v) > 0
			? Math.min(MAX_SIDE, /** @type {number} */ (v))
			: undefined;
	const width = side(body.width);
	const height = side(body.height);
	if (width && height && width * height <= MAX_PIXELS) return { width, height };
	const ratio = typeof body.aspect_ratio === 'string' && /^(\d+):(\d+)$/.exec(body.aspect_ratio);
	if (ratio && Number(ratio[1]) > 0 && Number(ratio[2]) > 0) {
		const r = Number(ratio[1]) / Number(ratio[2]);
		const round16 = (/** @type {number} */ v) => Math.max(16, Math.round(v / 16) * 16);
		const area = DEFAULT_SIZE.width * DEFAULT_SIZE.height;
		return { width: round16(Math.sqrt(area * r)), height: round16(Math.sqrt(area / r)) };
	}
	return DEFAULT_SIZE;
}

/**
 * RGB pixels, row by row.
 * @param {number} width
 * @param {number} height
 * @returns {Uint8Array}
 */
function renderPicture(width, height) {
	const rgb = new Uint8Array(width * height * 3);
	const min = Math.min(width, height);
	const sun = { x: width * 0.7, y: height * 0.42, r: min * 0.09 };
	const far = (/** @type {number} */ x) =>
		height * (0.6 + 0.05 * Math.sin((x / width) * Math.PI * 3 + 0.5));
	const near = (/** @type {number} */ x) =>
		height * (0.74 + 0.06 * Math.sin((x / width) * Math.PI * 4.6 + 2));
	for (let y = 0; y < height; y++) {
		const t = y / height;
		for (let x = 0; x < width; x++) {
			let r = 30 + 220 * t;
			let g = 60 + 120 * t;
			let b = 140 - 40 * t;
			const dx = x - sun.x;
			const dy = y - sun.y;
			if (dx * dx + dy * dy < sun.r * sun.r) [r, g, b] = [255, 232, 150];
			const ground = near(x);
			if (y > ground) {
				const shade = (y - ground) / height;
				[r, g, b] = [44 - 30 * shade, 92 - 60 * shade, 52 - 30 * shade];
			} else if (y > far(x)) [r, g, b] = [70, 88, 122];
			const p = (y * width + x) * 3;
			rgb[p] = r;
			rgb[p + 1] = g;
			rgb[p + 2] = b;
		}
	}
	return rgb;
}

/**
 * @param {string} type four ASCII letters
 * @param {Buffer} data
 */
function pngChunk(type, data) {
	const out = Buffer.alloc(12 + data.length);
	out.writeUInt32BE(data.length, 0);
	out.write(type, 4, 'latin1');
	data.copy(out, 8);
	out.writeUInt32BE(zlib.crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
	return out;
}

/**
 * A truecolour PNG; every row uses the Sub filter, which suits gradients.
 * @param {Uint8Array} rgb
 * @param {number} width
 * @param {number} height
 * @returns {{ head: Buffer, tail: Buffer }} the file around the spot where extra chunks may go
 */
function encodePng(rgb, width, height) {
	const stride = width * 3;
	const raw = Buffer.alloc(height * (1 + stride));
	for (let y = 0; y < height; y++) {
		const row = y * (1 + stride);
		raw[row] = 1;
		for (let i = 0; i < stride; i++) {
			const left = i >= 3 ? rgb[y * stride + i - 3] : 0;
			raw[row + 1 + i] = (rgb[y * stride + i] - left) & 0xff;
		}
	}
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr[8] = 8; // bit depth
	ihdr[9] = 2; // colour type RGB
	return {
		head: Buffer.concat([
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
			pngChunk('IHDR', ihdr),
		]),
		tail: Buffer.concat([
			pngChunk('IDAT', zlib.deflateSync(raw)),
			pngChunk('IEND', Buffer.alloc(0)),
		]),
	};
}

module.exports = { DEFAULT_SIZE, requestedSize, renderPicture, encodePng, pngChunk };
