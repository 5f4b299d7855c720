// @ts-check
'use strict';

const zlib = require('node:zlib');

const KEY = 'test-key';

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @param {{ apiBase: string }} fake
 * @param {string} model
 * @param {unknown} body object (sent as JSON) or a raw string
 * @param {Record<string, string>} [headers]
 */
async function submit(fake, model, body, headers = { 'x-key': KEY }) {
	const res = await fetch(`${fake.apiBase}/v1/${model}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
	const text = await res.text();
	/** @type {any} */
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json };
}

/**
 * @param {string} url
 * @param {Record<string, string>} [headers]
 */
async function getJson(url, headers = { 'x-key': KEY }) {
	const res = await fetch(url, { headers });
	return { status: res.status, headers: res.headers, json: /** @type {any} */ (await res.json()) };
}

/**
 * Polls until a terminal status, like a well-behaved client. With `fake` (started on a manual
 * clock) each interval advances the simulator's clock instead of waiting, so no wall time passes.
 * @param {string} pollingUrl
 * @param {{ headers?: Record<string, string>, intervalMs?: number, maxPolls?: number, fake?: { advance: (ms: number) => void } }} [opts]
 * @returns {Promise<{ body: any, seen: string[] }>}
 */
async function pollUntilDone(
	pollingUrl,
	{ headers = { 'x-key': KEY }, intervalMs = 20, maxPolls = 1000, fake } = {},
) {
	const terminal = ['Ready', 'Error', 'Failed', 'Request Moderated', 'Content Moderated'];
	/** @type {string[]} */
	const seen = [];
	for (let i = 0; i < maxPolls; i++) {
		const { json } = await getJson(pollingUrl, headers);
		seen.push(json.status);
		if (terminal.includes(json.status)) return { body: json, seen };
		if (fake) fake.advance(intervalMs);
		else await sleep(intervalMs);
	}
	throw new Error(`not done after ${maxPolls} polls; statuses seen: ${seen.join(', ')}`);
}

/** @param {string} url */
async function download(url, headers = {}) {
	const res = await fetch(url, { headers });
	return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/**
 * Structural checks a decoder relies on; throws on the first problem.
 * @param {Buffer} buf
 */
function checkPng(buf) {
	let offset = 8;
	const types = [];
	/** @type {Buffer[]} */
	const idat = [];
	while (offset < buf.length) {
		const length = buf.readUInt32BE(offset);
		const type = buf.toString('latin1', offset + 4, offset + 8);
		const crc = buf.readUInt32BE(offset + 8 + length);
		if (zlib.crc32(buf.subarray(offset + 4, offset + 8 + length)) !== crc)
			throw new Error(`bad CRC in ${type}`);
		if (type === 'IDAT') idat.push(buf.subarray(offset + 8, offset + 8 + length));
		types.push(type);
		offset += 12 + length;
	}
	if (types[0] !== 'IHDR' || types[types.length - 1] !== 'IEND')
		throw new Error(`bad chunk order ${types}`);
	const width = buf.readUInt32BE(16);
	const height = buf.readUInt32BE(20);
	const pixels = zlib.inflateSync(Buffer.concat(idat));
	if (pixels.length !== height * (1 + width * 3))
		throw new Error('IDAT does not inflate to the image size');
	return types;
}

/** @param {Buffer} buf */
function checkJpeg(buf) {
	let offset = 2;
	const markers = [];
	while (offset < buf.length) {
		if (buf[offset] !== 0xff) throw new Error(`no marker at ${offset}`);
		const marker = buf[offset + 1];
		markers.push(marker);
		if (marker === 0xda) break; // start of scan: entropy-coded data follows
		offset += 2 + buf.readUInt16BE(offset + 2);
	}
	if (!markers.includes(0xc0) && !markers.includes(0xc2))
		throw new Error('no SOF segment before the scan');
	if (buf[buf.length - 2] !== 0xff || buf[buf.length - 1] !== 0xd9)
		throw new Error('no EOI at the end');
	return markers;
}

/**
 * Width and height from a PNG's IHDR, a JPEG's SOF segment or an extended WebP's VP8X chunk.
 * @param {Buffer} buf
 */
function imageDimensions(buf) {
	if (buf[0] === 0x89) return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
	if (buf.toString('latin1', 12, 16) === 'VP8X')
		return { width: buf.readUIntLE(24, 3) + 1, height: buf.readUIntLE(27, 3) + 1 };
	for (let offset = 2; offset < buf.length; offset += 2 + buf.readUInt16BE(offset + 2)) {
		if (buf[offset + 1] === 0xc0 || buf[offset + 1] === 0xc2)
			return { width: buf.readUInt16BE(offset + 7), height: buf.readUInt16BE(offset + 5) };
	}
	throw new Error('no PNG header, JPEG SOF segment or WebP VP8X chunk');
}

/** @param {Buffer} buf */
function checkWebp(buf) {
	if (buf.readUInt32LE(4) !== buf.length - 8)
		throw new Error('RIFF size does not match the file size');
	const chunks = [];
	for (let offset = 12; offset < buf.length; ) {
		const size = buf.readUInt32LE(offset + 4);
		chunks.push(buf.toString('latin1', offset, offset + 4));
		offset += 8 + size + (size % 2);
		if (offset > buf.length) throw new Error('chunk runs past the end');
	}
	if (chunks.length > 1 && chunks[0] !== 'VP8X')
		throw new Error('extra chunks need a VP8X header first');
	if (!chunks.includes('VP8 ') && !chunks.includes('VP8L')) throw new Error('no image bitstream');
	return chunks;
}

module.exports = {
	KEY,
	sleep,
	submit,
	getJson,
	pollUntilDone,
	download,
	checkPng,
	checkJpeg,
	checkWebp,
	imageDimensions,
};
