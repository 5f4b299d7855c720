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

module.exports = { streamOf, drain };
