// @ts-check
'use strict';

/**
 * The simulator's video results: a small valid MP4 (ftyp, moov with one H.264 video track, mdat
 * whose frames the sample tables point at exactly; it plays) and the opaque draft cache. Both
 * embed the task id, so every task's file differs. A large MP4 (`videoBytes`) is the same file
 * with filler after the frames in mdat, produced chunk by chunk, never held whole.
 */

const FPS = 24;
const WIDTH = 64;
const HEIGHT = 36;
const DRAFT_MAGIC = 'BFLDRAFT';

/** @param {string} type four ASCII letters @param {number} payloadBytes */
function boxHeader(type, payloadBytes) {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(8 + payloadBytes, 0);
	head.write(type, 4, 'latin1');
	return head;
}

/**
 * @param {string} type four ASCII letters
 * @param {...Buffer} payload
 */
function box(type, ...payload) {
	const body = Buffer.concat(payload);
	return Buffer.concat([boxHeader(type, body.length), body]);
}

/**
 * @param {string} type
 * @param {number} version
 * @param {number} flags
 * @param {...Buffer} payload
 */
function fullBox(type, version, flags, ...payload) {
	const vf = Buffer.alloc(4);
	vf.writeUInt32BE(((version & 0xff) << 24) | (flags & 0xffffff), 0);
	return box(type, vf, ...payload);
}

/** @param {number[]} values @param {number} [bytes] big-endian unsigned integers */
function uints(values, bytes = 4) {
	const out = Buffer.alloc(values.length * bytes);
	values.forEach((v, i) => out.writeUIntBE(v, i * bytes, bytes));
	return out;
}

/** The identity transform every track and movie header carries. */
const MATRIX = uints([0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000]);

/**
 * A real H.264 stream (baseline profile, level 1.0): a 64×36 solid-colour clip of six frames, one
 * IDR and five P frames, each a single slice. Encoded once with x264; the container around it is
 * built here, so the file decodes with any H.264 decoder.
 */
const SPS = Buffer.from('6742c00ada11fe7c0440000003004000000c03c489a8', 'hex');
const PPS = Buffer.from('68ce0f2c80', 'hex');
const SLICES = [
	'6588840cf118a00022db1c00046da38000876c9c9c9d75d75d75d75e',
	'419a2033c6c0',
	'419a4033c6c0',
	'419a6033c6c0',
	'419a802fc6c0',
	'419aa02bc6c0',
].map((hex) => Buffer.from(hex, 'hex'));

/** The samples: each slice length-prefixed, as avcC's lengthSizeMinusOne = 3 says. */
function frames() {
	return SLICES.map((nal) => Buffer.concat([uints([nal.length]), nal]));
}

function avcC() {
	return box(
		'avcC',
		Buffer.from([1, SPS[1], SPS[2], SPS[3], 0xff, 0xe1]),
		uints([SPS.length], 2),
		SPS,
		Buffer.from([1]),
		uints([PPS.length], 2),
		PPS,
	);
}

function sampleEntry() {
	return box(
		'avc1',
		Buffer.alloc(6),
		uints([1], 2), // data reference index
		Buffer.alloc(16),
		uints([WIDTH, HEIGHT], 2),
		uints([0x480000, 0x480000, 0]),
		uints([1], 2), // frames per sample
		Buffer.alloc(32), // compressor name
		uints([0x18], 2),
		Buffer.from([0xff, 0xff]),
		avcC(),
	);
}

/**
 * @param {Buffer[]} samples
 * @param {number} mdatPayloadOffset
 * @param {string} id the task id, kept in the movie's user data so every task's file differs
 */
function moov(samples, mdatPayloadOffset, id) {
	const durationMs = Math.round((samples.length * 1000) / FPS);
	const stbl = box(
		'stbl',
		fullBox('stsd', 0, 0, uints([1]), sampleEntry()),
		fullBox('stts', 0, 0, uints([1, samples.length, 1])),
		fullBox('stss', 0, 0, uints([1, 1])),
		fullBox('stsc', 0, 0, uints([1, 1, samples.length, 1])),
		fullBox('stsz', 0, 0, uints([0, samples.length, ...samples.map((s) => s.length)])),
		fullBox('stco', 0, 0, uints([1, mdatPayloadOffset])),
	);
	const minf = box(
		'minf',
		fullBox('vmhd', 0, 1, Buffer.alloc(8)),
		box('dinf', fullBox('dref', 0, 0, uints([1]), fullBox('url ', 0, 1))),
		stbl,
	);
	const mdia = box(
		'mdia',
		fullBox('mdhd', 0, 0, uints([0, 0, FPS, samples.length]), uints([0x55c4, 0], 2)),
		fullBox(
			'hdlr',
			0,
			0,
			uints([0]),
			Buffer.from('vide', 'latin1'),
			Buffer.alloc(12),
			Buffer.from('VideoHandler\0', 'latin1'),
		),
		minf,
	);
	const tkhd = fullBox(
		'tkhd',
		0,
		3,
		uints([0, 0, 1, 0, durationMs, 0, 0]),
		uints([0, 0, 0, 0], 2),
		MATRIX,
		uints([WIDTH << 16, HEIGHT << 16]),
	);
	const mvhd = fullBox(
		'mvhd',
		0,
		0,
		uints([0, 0, 1000, durationMs, 0x10000]),
		uints([0x100, 0], 2),
		Buffer.alloc(8),
		MATRIX,
		Buffer.alloc(24),
		uints([2]),
	);
	const udta = box('udta', box('tkid', Buffer.from(id, 'utf8')));
	return box('moov', mvhd, box('trak', tkhd, mdia), udta);
}

/** A 32-bit box size bounds mdat; larger files would need a 64-bit box header. */
const MAX_MDAT_BYTES = 0xffffffff;

/** Filler after the frames of a large MP4: one block, never written to, sent as often as needed. */
const FILLER_BLOCK = Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 131 + 7) & 0xff));

/**
 * The MP4 served for a Ready video task, as its head and the filler that follows: ftyp, moov, then
 * mdat (moov first, as for streaming). With `totalBytes` above the small file's size, mdat holds
 * the frames and then filler up to exactly that size; the sample table still points at the
 * frames, so the file plays the same clip.
 * @param {string} id task id, in the movie's user data
 * @param {number} [totalBytes] 0 (or less than the small file): the small file
 * @returns {{ head: Buffer, fillerBytes: number }}
 */
function mp4Layout(id, totalBytes = 0) {
	const ftyp = box(
		'ftyp',
		Buffer.from('isom', 'latin1'),
		uints([0x200]),
		Buffer.from('isomiso2avc1mp41', 'latin1'),
	);
	const samples = frames();
	const frameBytes = samples.reduce((n, s) => n + s.length, 0);
	// stco holds a fixed-size offset, so moov's length does not depend on the value.
	const moovLength = moov(samples, 0, id).length;
	const fillerBytes = Math.max(0, totalBytes - (ftyp.length + moovLength + 8 + frameBytes));
	if (8 + frameBytes + fillerBytes > MAX_MDAT_BYTES)
		throw new RangeError(`an MP4 of ${totalBytes} bytes needs a 64-bit mdat box`);
	const header = moov(samples, ftyp.length + moovLength + 8, id);
	const mdat = boxHeader('mdat', frameBytes + fillerBytes);
	return { head: Buffer.concat([ftyp, header, mdat, ...samples]), fillerBytes };
}

/** @param {number} bytes @returns {Generator<Buffer>} */
function* fillerChunks(bytes) {
	for (let left = bytes; left > 0; left -= FILLER_BLOCK.length)
		yield left >= FILLER_BLOCK.length ? FILLER_BLOCK : FILLER_BLOCK.subarray(0, left);
}

/**
 * The served MP4 chunk by chunk: its head, then the filler in 64 KB blocks.
 * @param {string} id @param {number} [totalBytes]
 * @returns {Generator<Buffer>}
 */
function* mp4Chunks(id, totalBytes = 0) {
	const { head, fillerBytes } = mp4Layout(id, totalBytes);
	yield head;
	yield* fillerChunks(fillerBytes);
}

/**
 * The MP4 served for a Ready video task, whole (a large one is better read with mp4Chunks).
 * @param {string} id task id, in the movie's user data
 * @param {number} [totalBytes] see mp4Layout
 * @returns {Buffer}
 */
function buildMp4(id, totalBytes = 0) {
	return Buffer.concat([...mp4Chunks(id, totalBytes)]);
}

/**
 * The draft cache bundle: opaque to clients, recognisable to the simulator when sent back.
 * @param {string} id
 */
function buildDraftCache(id) {
	return Buffer.concat([Buffer.from(DRAFT_MAGIC, 'latin1'), Buffer.from(`\0${id}\0`, 'latin1')]);
}

/** @param {Uint8Array} bytes */
function isMp4(bytes) {
	return bytes.length >= 12 && Buffer.from(bytes.subarray(4, 8)).toString('latin1') === 'ftyp';
}

/** @param {Uint8Array} bytes */
function isDraftCache(bytes) {
	return Buffer.from(bytes.subarray(0, DRAFT_MAGIC.length)).toString('latin1') === DRAFT_MAGIC;
}

/**
 * Top-level boxes of an MP4 (or the children of one box's payload): type, offset and size.
 * @param {Buffer} bytes
 * @param {number} [start]
 * @param {number} [end]
 * @returns {Array<{ type: string, offset: number, size: number }>}
 */
function readBoxes(bytes, start = 0, end = bytes.length) {
	const boxes = [];
	for (let at = start; at < end; ) {
		if (at + 8 > end) throw new Error(`truncated box header at ${at}`);
		const size = bytes.readUInt32BE(at);
		if (size < 8 || at + size > end) throw new Error(`bad box size ${size} at ${at}`);
		boxes.push({ type: bytes.toString('latin1', at + 4, at + 8), offset: at, size });
		at += size;
	}
	return boxes;
}

module.exports = {
	buildMp4,
	mp4Layout,
	mp4Chunks,
	buildDraftCache,
	isMp4,
	isDraftCache,
	readBoxes,
	FRAMES: SLICES.length,
};
