// @ts-check
/**
 * Small hostile HTTP servers on loopback for the trust-boundary tests and the chaos suite: a
 * route table of handlers, and a record of every request with the x-key it carried. Plain JS
 * because it needs node:http and timers.
 */
const http = require('node:http');
const https = require('node:https');

/**
 * @typedef {{ method: string, path: string, key: string | undefined, host: string }} Seen
 * @typedef {(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => void | Promise<void>} Handler
 */

/**
 * Starts a server whose `routes` map "METHOD /path" (or "/path" for any method) to a handler;
 * "METHOD host/path" routes by the Host header too, for a server that answers for several host
 * names (see realHosts.js). Unknown routes answer 404. `hostname` is the name put into `base` (the
 * socket is 127.0.0.1 either way), so "localhost" makes another host for the node's host rules.
 * With `tls` (key and certificate) it serves https.
 * @param {Record<string, Handler>} routes
 * @param {{ hostname?: string, tls?: { key: Buffer, cert: Buffer } }} [options]
 */
async function startHostile(routes, options = {}) {
	/** @type {Seen[]} */
	const requests = [];
	/** @type {Set<import('net').Socket>} */
	const sockets = new Set();
	/** @type {http.RequestListener} */
	const listener = (req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (/** @type {Buffer} */ chunk) => chunks.push(chunk));
		req.on('end', async () => {
			const path = new URL(req.url ?? '/', 'http://x').pathname;
			const key = req.headers['x-key'];
			const host = req.headers.host ?? '';
			requests.push({
				method: req.method ?? 'GET',
				path,
				key: typeof key === 'string' ? key : undefined,
				host,
			});
			const name = host.replace(/:\d+$/, '').replace(/\.$/, '').toLowerCase();
			const handler =
				routes[`${req.method} ${name}${path}`] ?? routes[`${req.method} ${path}`] ?? routes[path];
			if (!handler) {
				res.statusCode = 404;
				res.end('{"detail":"Not Found"}');
				return;
			}
			try {
				await handler(req, res, Buffer.concat(chunks));
			} catch {
				res.destroy();
			}
		});
	};
	const server = options.tls
		? https.createServer(options.tls, listener)
		: http.createServer(listener);
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const { port } = /** @type {import('net').AddressInfo} */ (server.address());
	return {
		base: `${options.tls ? 'https' : 'http'}://${options.hostname ?? '127.0.0.1'}:${port}`,
		port,
		requests,
		/** Requests that carried an x-key header. */
		keyed: () => requests.filter((r) => r.key !== undefined),
		close: () =>
			new Promise((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve(undefined));
			}),
	};
}

/** Answers JSON. @param {http.ServerResponse} res @param {number} status @param {unknown} body */
function json(res, status, body, headers = {}) {
	res.writeHead(status, { 'content-type': 'application/json', ...headers });
	res.end(JSON.stringify(body));
}

/** Redirects. @param {http.ServerResponse} res @param {number} status @param {string} location */
function redirect(res, status, location) {
	res.writeHead(status, { location, 'content-type': 'text/plain' });
	res.end('moved');
}

/**
 * Sends `text` one chunk every `everyMs`, so the connection is never silent for long; stops
 * when the client goes away.
 * @param {http.ServerResponse} res @param {Buffer | string} payload
 */
function drip(res, payload, { everyMs = 100, chunk = 1, status = 200, headers = {} } = {}) {
	const bytes = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
	res.writeHead(status, { 'content-length': String(bytes.length), ...headers });
	let offset = 0;
	const timer = setInterval(() => {
		if (res.destroyed || offset >= bytes.length) {
			clearInterval(timer);
			if (!res.destroyed) res.end();
			return;
		}
		res.write(bytes.subarray(offset, offset + chunk));
		offset += chunk;
	}, everyMs);
	res.on('close', () => clearInterval(timer));
}

/**
 * Streams `total` bytes starting with `head` as fast as the client reads, without a
 * content-length (chunked), and counts what it managed to send.
 * @param {http.ServerResponse} res @param {number} total @param {Buffer} head
 */
function flood(res, total, head, sent = { bytes: 0 }, headers = {}, status = 200) {
	res.writeHead(status, { 'content-type': 'image/jpeg', ...headers });
	const block = Buffer.alloc(64 * 1024, 0x41);
	const write = () => {
		while (sent.bytes < total && !res.destroyed) {
			const piece = sent.bytes === 0 ? Buffer.concat([head, block.subarray(head.length)]) : block;
			sent.bytes += piece.length;
			if (!res.write(piece)) return void res.once('drain', write);
		}
		if (!res.destroyed) res.end();
	};
	res.on('error', () => {});
	write();
	return sent;
}

module.exports = { startHostile, json, redirect, drip, flood };
