// @ts-check
/** Node streams for tests of the node's stream handling. Plain JS: the strict lint bans 'stream' in TypeScript. */
const { Readable } = require('node:stream');

/**
 * A byte stream that yields these chunks, like an HTTP response body.
 * @param {Buffer[]} chunks
 */
function streamOf(chunks) {
	return Readable.from(chunks, { objectMode: false });
}

/**
 * Reads a stream to its end.
 * @param {AsyncIterable<Buffer | string>} stream
 */
async function drain(stream) {
	const parts = [];
	for await (const part of stream) parts.push(Buffer.from(part));
	return Buffer.concat(parts);
}

/**
 * A body of `total` bytes made as it is read, in 16 KB chunks; `produced()` says how many bytes
 * were pulled from it, so a test sees whether a reader stopped early.
 * @param {number} total
 * @param {number} [fill]
 */
function lazyStream(total, fill = 0x78) {
	let made = 0;
	const chunk = 16 * 1024;
	const stream = new Readable({
		read() {
			if (made >= total) {
				this.push(null);
				return;
			}
			const size = Math.min(chunk, total - made);
			made += size;
			this.push(Buffer.alloc(size, fill));
		},
	});
	return { stream, produced: () => made };
}

module.exports = { streamOf, drain, lazyStream };
