// @ts-check
'use strict';

/**
 * A minimal baseline JPEG encoder (JFIF, YCbCr 4:4:4, one scan) for the simulator's pictures.
 * It uses the standard quantisation tables at quality 75 but not the standard Huffman tables:
 * every DC category gets a 4-bit code and every AC run/size symbol an 8-bit code. That costs some
 * compression and saves hand-copying the spec's tables; any JPEG decoder reads it.
 */

/** Zig-zag position → natural (row-major) index. */
const ZIGZAG = [
	0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20,
	13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52,
	45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
];
const LUMA_Q = [
	16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
	14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113,
	92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];
const CHROMA_Q = [
	17,
	18,
	24,
	47,
	99,
	99,
	99,
	99,
	18,
	21,
	26,
	66,
	99,
	99,
	99,
	99,
	24,
	26,
	56,
	99,
	99,
	99,
	99,
	99,
	47,
	66,
	99,
	99,
	99,
	99,
	99,
	99,
	...Array(32).fill(99),
];
const QUALITY_SCALE = 50; // libjpeg's scaling for quality 75

/** @param {number[]} table */
const scaled = (table) =>
	table.map((q) => Math.min(255, Math.max(1, Math.floor((q * QUALITY_SCALE + 50) / 100))));
const QUANT = [scaled(LUMA_Q), scaled(CHROMA_Q)];

/** DC categories 0–11, all 4 bits; AC symbols EOB, ZRL and run/size for runs 0–15 and sizes 1–10, all 8 bits. */
const DC_SYMBOLS = Array.from({ length: 12 }, (_, i) => i);
const AC_SYMBOLS = [0x00, 0xf0];
for (let run = 0; run < 16; run++)
	for (let size = 1; size <= 10; size++) AC_SYMBOLS.push((run << 4) | size);
const AC_CODE = new Map(AC_SYMBOLS.map((symbol, i) => [symbol, i]));

/** cos((2x+1)uπ/16)·C(u)/2 for the separable forward DCT. */
const COS = new Float64Array(64);
for (let x = 0; x < 8; x++) {
	for (let u = 0; u < 8; u++) {
		COS[x * 8 + u] =
			(Math.cos(((2 * x + 1) * u * Math.PI) / 16) * (u === 0 ? Math.SQRT1_2 : 1)) / 2;
	}
}

class BitWriter {
	constructor() {
		/** @type {number[]} */
		this.bytes = [];
		this.acc = 0;
		this.count = 0;
	}

	/** @param {number} value @param {number} length */
	write(value, length) {
		for (let i = length - 1; i >= 0; i--) {
			this.acc = (this.acc << 1) | ((value >> i) & 1);
			if (++this.count === 8) this.flushByte();
		}
	}

	flushByte() {
		this.bytes.push(this.acc);
		if (this.acc === 0xff) this.bytes.push(0); // byte stuffing
		this.acc = 0;
		this.count = 0;
	}

	finish() {
		while (this.count !== 0) this.write(1, 1); // pad with one-bits
		return Buffer.from(this.bytes);
	}
}

/** @param {number} value */
function category(value) {
	let abs = Math.abs(value);
	let bits = 0;
	while (abs) {
		bits++;
		abs >>= 1;
	}
	return bits;
}

/**
 * @param {Float64Array} block 64 samples minus 128, row-major
 * @param {number[]} quant natural order
 * @param {Int32Array} out quantised coefficients in zig-zag order
 */
function transform(block, quant, out) {
	const tmp = new Float64Array(64);
	for (let y = 0; y < 8; y++) {
		for (let u = 0; u < 8; u++) {
			let sum = 0;
			for (let x = 0; x < 8; x++) sum += block[y * 8 + x] * COS[x * 8 + u];
			tmp[y * 8 + u] = sum;
		}
	}
	for (let k = 0; k < 64; k++) {
		const index = ZIGZAG[k];
		const u = index & 7;
		const v = index >> 3;
		let sum = 0;
		for (let y = 0; y < 8; y++) sum += tmp[y * 8 + u] * COS[y * 8 + v];
		out[k] = Math.round(sum / quant[index]);
	}
}

/**
 * @param {BitWriter} bits
 * @param {Int32Array} coefficients zig-zag order
 * @param {number} previousDc
 */
function encodeBlock(bits, coefficients, previousDc) {
	const diff = coefficients[0] - previousDc;
	const dcSize = category(diff);
	bits.write(dcSize, 4);
	if (dcSize) bits.write(diff < 0 ? diff + (1 << dcSize) - 1 : diff, dcSize);
	let run = 0;
	for (let k = 1; k < 64; k++) {
		const value = coefficients[k];
		if (value === 0) {
			run++;
			continue;
		}
		for (; run > 15; run -= 16) bits.write(/** @type {number} */ (AC_CODE.get(0xf0)), 8);
		const size = category(value);
		bits.write(/** @type {number} */ (AC_CODE.get((run << 4) | size)), 8);
		bits.write(value < 0 ? value + (1 << size) - 1 : value, size);
		run = 0;
	}
	if (run > 0) bits.write(/** @type {number} */ (AC_CODE.get(0x00)), 8);
}

/**
 * @param {number} marker
 * @param {number[] | Buffer} payload
 */
function segment(marker, payload) {
	const out = Buffer.alloc(4 + payload.length);
	out[0] = 0xff;
	out[1] = marker;
	out.writeUInt16BE(payload.length + 2, 2);
	Buffer.from(payload).copy(out, 4);
	return out;
}

/**
 * @param {Uint8Array} rgb width × height × 3 bytes
 * @param {number} width
 * @param {number} height
 * @returns {Buffer}
 */
function encodeJpeg(rgb, width, height) {
	const bits = new BitWriter();
	const dc = [0, 0, 0];
	const blocks = [new Float64Array(64), new Float64Array(64), new Float64Array(64)];
	const coefficients = new Int32Array(64);
	for (let by = 0; by < height; by += 8) {
		for (let bx = 0; bx < width; bx += 8) {
			for (let y = 0; y < 8; y++) {
				for (let x = 0; x < 8; x++) {
					const p = (Math.min(by + y, height - 1) * width + Math.min(bx + x, width - 1)) * 3;
					const r = rgb[p];
					const g = rgb[p + 1];
					const b = rgb[p + 2];
					const i = y * 8 + x;
					blocks[0][i] = 0.299 * r + 0.587 * g + 0.114 * b - 128;
					blocks[1][i] = -0.168736 * r - 0.331264 * g + 0.5 * b;
					blocks[2][i] = 0.5 * r - 0.418688 * g - 0.081312 * b;
				}
			}
			for (let c = 0; c < 3; c++) {
				transform(blocks[c], QUANT[c === 0 ? 0 : 1], coefficients);
				encodeBlock(bits, coefficients, dc[c]);
				dc[c] = coefficients[0];
			}
		}
	}
	const jfif = [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
	const dqt = [0, ...ZIGZAG.map((i) => QUANT[0][i]), 1, ...ZIGZAG.map((i) => QUANT[1][i])];
	const sof = [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3];
	for (const [id, table] of [
		[1, 0],
		[2, 1],
		[3, 1],
	])
		sof.push(id, 0x11, table);
	const countsOf = (/** @type {number} */ length, /** @type {number} */ n) =>
		Array.from({ length: 16 }, (_, i) => (i + 1 === length ? n : 0));
	const dht = [
		0x00,
		...countsOf(4, DC_SYMBOLS.length),
		...DC_SYMBOLS,
		0x10,
		...countsOf(8, AC_SYMBOLS.length),
		...AC_SYMBOLS,
	];
	const sos = [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0];
	return Buffer.concat([
		Buffer.from([0xff, 0xd8]),
		segment(0xe0, jfif),
		segment(0xdb, dqt),
		segment(0xc0, sof),
		segment(0xc4, dht),
		segment(0xda, sos),
		bits.finish(),
		Buffer.from([0xff, 0xd9]),
	]);
}

module.exports = { encodeJpeg };
