// @ts-check
'use strict';

/**
 * A minimal lossless WebP (VP8L) encoder for the simulator's pictures: subtract-green and a
 * left-pixel predictor, then one set of prefix (Huffman) codes, no colour cache and no
 * backward references. Files are larger than a library's (about 3 bits per pixel for the
 * simulator's picture) but any WebP decoder reads them.
 */

class BitWriter {
	constructor() {
		/** @type {number[]} */
		this.bytes = [];
		this.acc = 0;
		this.count = 0;
	}

	/** LSB first, as VP8L reads. @param {number} value @param {number} length */
	write(value, length) {
		for (let i = 0; i < length; i++) {
			this.acc |= ((value >>> i) & 1) << this.count;
			if (++this.count === 8) {
				this.bytes.push(this.acc);
				this.acc = 0;
				this.count = 0;
			}
		}
	}

	finish() {
		if (this.count) this.bytes.push(this.acc);
		return Buffer.from(this.bytes);
	}
}

/**
 * Code lengths for a histogram, no longer than maxLength (counts are flattened until they fit).
 * @param {number[]} counts
 * @param {number} maxLength
 * @returns {number[]}
 */
function codeLengths(counts, maxLength) {
	for (let shift = 0; ; shift++) {
		/** @type {Array<{ count: number, symbols: number[] }>} */
		let nodes = [];
		counts.forEach((count, symbol) => {
			if (count) nodes.push({ count: Math.max(1, count >> shift), symbols: [symbol] });
		});
		const lengths = counts.map(() => 0);
		while (nodes.length > 1) {
			nodes.sort((a, b) => a.count - b.count);
			const [a, b] = nodes;
			for (const symbol of [...a.symbols, ...b.symbols]) lengths[symbol]++;
			nodes = [
				{ count: a.count + b.count, symbols: [...a.symbols, ...b.symbols] },
				...nodes.slice(2),
			];
		}
		if (Math.max(...lengths) <= maxLength) return lengths;
	}
}

/** Canonical codes, bit-reversed for LSB-first writing (as in DEFLATE). @param {number[]} lengths */
function canonicalCodes(lengths) {
	const codes = lengths.map(() => 0);
	let code = 0;
	for (let length = 1; length <= 15; length++) {
		lengths.forEach((l, symbol) => {
			if (l !== length) return;
			let reversed = 0;
			for (let i = 0; i < length; i++) reversed |= ((code >> i) & 1) << (length - 1 - i);
			codes[symbol] = reversed;
			code++;
		});
		code <<= 1;
	}
	return codes;
}

const CODE_LENGTH_ORDER = [17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];

/**
 * Writes one prefix code for the histogram and returns the symbol writer.
 * @param {BitWriter} bits
 * @param {number[]} counts one per symbol of the alphabet
 * @returns {(symbol: number) => void}
 */
function writePrefixCode(bits, counts) {
	const used = counts.flatMap((count, symbol) => (count ? [symbol] : []));
	if (used.length <= 2 && used.every((symbol) => symbol < 256)) {
		const symbols = used.length ? used : [0];
		bits.write(1, 1); // simple code
		bits.write(symbols.length - 1, 1);
		bits.write(1, 1); // 8-bit symbols
		for (const symbol of symbols) bits.write(symbol, 8);
		return symbols.length === 1
			? () => {}
			: (symbol) => bits.write(symbol === symbols[0] ? 0 : 1, 1);
	}
	const lengths = codeLengths(counts, 15);
	const lengthCounts = Array(19).fill(0);
	for (const length of lengths) lengthCounts[length]++;
	if (lengthCounts.filter(Boolean).length === 1) lengthCounts[lengthCounts[0] ? 1 : 0]++; // a code needs two symbols
	const lengthLengths = codeLengths(lengthCounts, 7);
	const lengthCodes = canonicalCodes(lengthLengths);
	bits.write(0, 1); // normal code
	bits.write(19 - 4, 4);
	for (const symbol of CODE_LENGTH_ORDER) bits.write(lengthLengths[symbol], 3);
	bits.write(0, 1); // max_symbol = the alphabet size
	for (const length of lengths) bits.write(lengthCodes[length], lengthLengths[length]);
	const codes = canonicalCodes(lengths);
	return (symbol) => bits.write(codes[symbol], lengths[symbol]);
}

/**
 * @param {Uint8Array} rgb width × height × 3 bytes
 * @param {number} width
 * @param {number} height
 * @returns {Buffer} a complete .webp file
 */
function encodeWebp(rgb, width, height) {
	const count = width * height;
	const greenFirst = new Uint8Array(count * 3); // g, r - g, b - g: the subtract-green transform
	for (let i = 0; i < count; i++) {
		const g = rgb[i * 3 + 1];
		greenFirst[i * 3] = g;
		greenFirst[i * 3 + 1] = (rgb[i * 3] - g) & 0xff;
		greenFirst[i * 3 + 2] = (rgb[i * 3 + 2] - g) & 0xff;
	}
	const residuals = new Uint8Array(count * 3);
	for (let i = 0; i < count; i++) {
		// The top-left pixel is predicted as black, the first column from above, the rest from the left.
		const from = i === 0 ? -1 : i % width === 0 ? i - width : i - 1;
		for (let c = 0; c < 3; c++) {
			const previous = from < 0 ? 0 : greenFirst[from * 3 + c];
			residuals[i * 3 + c] = (greenFirst[i * 3 + c] - previous) & 0xff;
		}
	}
	const bits = new BitWriter();
	bits.write(0x2f, 8);
	bits.write(width - 1, 14);
	bits.write(height - 1, 14);
	bits.write(0, 1); // no alpha
	bits.write(0, 3); // version
	bits.write(1, 1); // transform: subtract green
	bits.write(2, 2);
	bits.write(1, 1); // transform: predictor, one mode for 512×512 blocks
	bits.write(0, 2);
	bits.write(7, 3);
	// The modes sub-image: every code has one symbol (green 1 = the left pixel), so its pixels take no bits.
	bits.write(0, 1); // no colour cache
	for (const counts of [[0, 1], [1], [1], [1], [1]]) writePrefixCode(bits, counts);
	bits.write(0, 1); // no more transforms
	bits.write(0, 1); // main image: no colour cache
	bits.write(0, 1); // no meta prefix codes
	const histograms = [Array(280).fill(0), Array(256).fill(0), Array(256).fill(0)];
	for (let i = 0; i < count; i++) for (let c = 0; c < 3; c++) histograms[c][residuals[i * 3 + c]]++;
	const alpha = Array(256).fill(0);
	alpha[0] = 1; // residual alpha: 0xff - 0xff
	const [green, red, blue] = histograms.map((counts) => writePrefixCode(bits, counts));
	writePrefixCode(bits, alpha);
	writePrefixCode(bits, Array(40).fill(0));
	for (let i = 0; i < count; i++) {
		green(residuals[i * 3]);
		red(residuals[i * 3 + 1]);
		blue(residuals[i * 3 + 2]);
	}
	const data = bits.finish();
	const chunk = Buffer.alloc(8 + data.length + (data.length % 2));
	chunk.write('VP8L', 0, 'latin1');
	chunk.writeUInt32LE(data.length, 4);
	data.copy(chunk, 8);
	const header = Buffer.alloc(12);
	header.write('RIFF', 0, 'latin1');
	header.writeUInt32LE(4 + chunk.length, 4);
	header.write('WEBP', 8, 'latin1');
	return Buffer.concat([header, chunk]);
}

module.exports = { encodeWebp };
