// @ts-check
'use strict';

const http = require('node:http');
const { Writable } = require('node:stream');
const { sendStream } = require('./exchange');
const { startFakeBfl, manualClock } = require('./index');
const { buildMp4, mp4Chunks, mp4Layout, readBoxes } = require('./video');
const { submit, pollUntilDone, download } = require('./testHelpers');

// Streaming 256 MB over loopback takes a few seconds on a busy machine; the limit only stops a hang.
jest.setTimeout(120_000);

const MB = 1024 * 1024;

/** @param {number} videoBytes */
const startWith = (videoBytes) =>
	startFakeBfl({ latencyMs: 150, credits: 100000, clock: manualClock(), videoBytes });

/** A Ready t2v task's id and sample URL. @param {import('./index').FakeBfl} fake */
async function readyVideo(fake) {
	const res = await submit(fake, 'flux-3-video', { mode: 't2v', prompt: 'a long take' });
	const { body } = await pollUntilDone(res.json.polling_url, { fake });
	return { id: String(res.json.id), url: String(body.result.sample) };
}

/**
 * GETs a URL into a sink that only counts: the body's length, its first bytes, and the largest
 * resident set size of this process seen while it came in.
 * @param {string} url
 */
function countingGet(url) {
	return new Promise((resolve, reject) => {
		http
			.get(url, (res) => {
				let bytes = 0;
				let head = Buffer.alloc(0);
				let peakRss = process.memoryUsage.rss();
				res.on('data', (/** @type {Buffer} */ chunk) => {
					if (head.length < 4096) head = Buffer.concat([head, chunk.subarray(0, 4096)]);
					bytes += chunk.length;
					peakRss = Math.max(peakRss, process.memoryUsage.rss());
				});
				res.on('end', () =>
					resolve({ status: res.statusCode, headers: res.headers, bytes, head, peakRss }),
				);
				res.on('error', reject);
			})
			.on('error', reject);
	});
}

describe('a large MP4 (videoBytes)', () => {
	test('is the small clip with filler after its frames in mdat, exactly the size asked for', () => {
		const small = buildMp4('task-1');
		const size = 3 * MB + 5;
		const bytes = buildMp4('task-1', size);
		expect(bytes.length).toBe(size);
		const top = readBoxes(bytes);
		expect(top.map((b) => b.type)).toEqual(['ftyp', 'moov', 'mdat']);
		expect(top[2].offset + top[2].size).toBe(size);
		// ftyp and moov (so the sample table, pointing at the frames at mdat's start) are the small
		// file's; mdat differs only in its size, then holds the same frames first.
		const mdatAt = readBoxes(small)[2].offset;
		expect(bytes.subarray(0, mdatAt).equals(small.subarray(0, mdatAt))).toBe(true);
		expect(bytes.subarray(mdatAt + 4, small.length).equals(small.subarray(mdatAt + 4))).toBe(true);
		expect(buildMp4('task-1', small.length - 1).equals(small)).toBe(true);
		expect(() => mp4Layout('task-1', 5 * 1024 * MB)).toThrow(/64-bit mdat/);
	});

	test('is sent chunk by chunk only as fast as the client reads', async () => {
		let made = 0;
		function* counted() {
			for (const chunk of mp4Chunks('task-1', 256 * MB)) {
				made += chunk.length;
				yield chunk;
			}
		}
		/** A client that takes one chunk and never finishes reading it. */
		const res = Object.assign(new Writable({ write: () => {} }), {
			headersSent: false,
			writeHead: () => {},
		});
		const ex = /** @type {any} */ ({ res, resetAfter: false });
		sendStream(ex, 200, 256 * MB, counted(), {});
		for (let turn = 0; turn < 50; turn++) await new Promise((resolve) => setImmediate(resolve));
		expect(made).toBeGreaterThan(0);
		expect(made).toBeLessThan(MB);
		res.destroy();
	});

	test('imageFor, resultStream and the delivery URL give the same bytes', async () => {
		const size = 3 * MB + 5;
		const fake = await startWith(size);
		try {
			const { id, url } = await readyVideo(fake);
			const served = await download(url);
			expect(served.bytes.length).toBe(size);
			expect(served.bytes.equals(buildMp4(id, size))).toBe(true);
			expect(/** @type {Buffer} */ (fake.imageFor(id)).equals(served.bytes)).toBe(true);
			const streamed = /** @type {{ length: number, stream: import('node:stream').Readable }} */ (
				fake.resultStream(id)
			);
			expect(streamed.length).toBe(size);
			/** @type {Buffer[]} */
			const chunks = [];
			for await (const chunk of streamed.stream) chunks.push(chunk);
			expect(Buffer.concat(chunks).equals(served.bytes)).toBe(true);
		} finally {
			await fake.close();
		}
	});

	test('streams 256 MB with its exact Content-Length while the simulator holds far less', async () => {
		const size = 256 * MB;
		const fake = await startWith(size);
		try {
			const { id, url } = await readyVideo(fake);
			const rssBefore = process.memoryUsage.rss();
			const got = /** @type {any} */ (await countingGet(url));
			expect(got.status).toBe(200);
			expect(got.headers['content-type']).toBe('video/mp4');
			expect(got.headers['content-length']).toBe(String(size));
			expect(got.bytes).toBe(size);
			const { head } = mp4Layout(id, size);
			expect(got.head.subarray(0, head.length).equals(head)).toBe(true);
			expect(got.head.toString('latin1', 4, 8)).toBe('ftyp');
			// Holding the file would add its 256 MB; streaming adds the socket's and GC's slack.

			expect(got.peakRss - rssBefore).toBeLessThan(size / 2);
		} finally {
			await fake.close();
		}
	});
});
