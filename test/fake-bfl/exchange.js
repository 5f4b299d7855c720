// @ts-check
'use strict';

const { Readable, pipeline } = require('node:stream');

/**
 * One request/response pair, plus what the fault layer decided about it.
 * @typedef {object} Exchange
 * @property {import('./state').ServerName} server
 * @property {import('http').IncomingMessage} req
 * @property {import('http').ServerResponse} res
 * @property {URL} url
 * @property {boolean} resetAfter handle normally, then destroy the socket instead of answering
 */

const MAX_BODY_BYTES = 80 * 1024 * 1024;

/**
 * @param {import('./state').State} state
 * @param {import('./state').ServerName} server
 * @param {import('http').IncomingMessage} req
 * @param {import('http').ServerResponse} res
 * @returns {Exchange}
 */
function openExchange(state, server, req, res) {
	const url = new URL(req.url || '/', 'http://fake-bfl.invalid');
	const hadKey = req.headers['x-key'] !== undefined;
	const method = req.method || 'GET';
	const path = req.url || '/';
	const at = Date.now();
	if (hadKey && (server === 'delivery' || server === 'untrusted'))
		state.stats.keyLeaks.push({ server, method, path });
	let recorded = false;
	// 'finish' comes before the client sees the response; 'close' alone means the socket went without one.
	const record = () => {
		if (recorded) return;
		recorded = true;
		const status = res.headersSent ? res.statusCode : 0;
		const entry = { server, method, path, status, hadKey, at };
		state.stats.requests.push(entry);
		if (status === 401) state.stats.status401++;
		if (state.options.log)
			process.stdout.write(`${JSON.stringify({ ...entry, ms: Date.now() - at })}\n`);
	};
	res.on('finish', record);
	res.on('close', record);
	return { server, req, res, url, resetAfter: false };
}

/**
 * @param {Exchange} ex
 * @returns {Promise<string | null>} null when the body was too large (a 413 has been sent)
 */
function readBody(ex) {
	return new Promise((resolve, reject) => {
		/** @type {Buffer[]} */
		const chunks = [];
		let size = 0;
		ex.req.on('data', (/** @type {Buffer} */ chunk) => {
			size += chunk.length;
			if (size <= MAX_BODY_BYTES) chunks.push(chunk);
		});
		ex.req.on('end', () => {
			if (size <= MAX_BODY_BYTES) return resolve(Buffer.concat(chunks).toString('utf8'));
			sendJson(ex, 413, { detail: 'Request body too large' });
			resolve(null);
		});
		ex.req.on('error', reject);
	});
}

/**
 * @param {Exchange} ex
 * @param {number} status
 * @param {Buffer[]} parts
 * @param {Record<string, string | number>} headers
 */
function sendParts(ex, status, parts, headers) {
	if (ex.resetAfter) {
		ex.req.socket.destroy();
		return;
	}
	if (ex.res.destroyed || ex.res.headersSent) return;
	const length = parts.reduce((n, b) => n + b.length, 0);
	ex.res.writeHead(status, { ...headers, 'content-length': length });
	ex.res.cork();
	for (const part of parts) ex.res.write(part);
	ex.res.end();
	ex.res.uncork();
}

/**
 * Streams a body of a known length: each chunk is taken from `chunks` only when the socket has
 * room for it, so a large body is never held in memory, however slowly the client reads.
 * @param {Exchange} ex
 * @param {number} status
 * @param {number} length the exact byte count `chunks` yields
 * @param {Iterable<Buffer>} chunks
 * @param {Record<string, string | number>} headers
 */
function sendStream(ex, status, length, chunks, headers) {
	if (ex.resetAfter) {
		ex.req.socket.destroy();
		return;
	}
	if (ex.res.destroyed || ex.res.headersSent) return;
	ex.res.writeHead(status, { ...headers, 'content-length': length });
	// A client that goes away ends the pipeline with an error: nothing to answer then.
	pipeline(Readable.from(chunks, { objectMode: false }), ex.res, () => {});
}

/**
 * @param {Exchange} ex
 * @param {number} status
 * @param {string} text
 * @param {string} contentType
 * @param {Record<string, string | number>} [headers]
 */
function sendText(ex, status, text, contentType, headers = {}) {
	sendParts(ex, status, [Buffer.from(text, 'utf8')], { 'content-type': contentType, ...headers });
}

/**
 * @param {Exchange} ex
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string | number>} [headers]
 */
function sendJson(ex, status, body, headers = {}) {
	sendText(ex, status, JSON.stringify(body), 'application/json', headers);
}

/**
 * Azure Blob Storage's error shape, which BFL's signed delivery URLs answer with.
 * @param {string} code
 * @param {string} message
 * @param {string} [authenticationDetail]
 */
function azureErrorXml(code, message, authenticationDetail) {
	const requestId = `${Math.random().toString(16).slice(2, 10)}-801e-0049-1c2b-${Date.now().toString(16).padStart(12, '0')}`;
	const detail = authenticationDetail
		? `<AuthenticationErrorDetail>${authenticationDetail}</AuthenticationErrorDetail>`
		: '';
	return (
		'\ufeff<?xml version="1.0" encoding="utf-8"?>' +
		`<Error><Code>${code}</Code><Message>${message}\nRequestId:${requestId}\nTime:${new Date().toISOString()}</Message>` +
		`${detail}</Error>`
	);
}

/** @param {number} status */
function nginxErrorHtml(status) {
	const reason = {
		500: 'Internal Server Error',
		502: 'Bad Gateway',
		503: 'Service Temporarily Unavailable',
		504: 'Gateway Time-out',
	}[status];
	const title = `${status} ${reason || 'Error'}`;
	return (
		`<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n` +
		'<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'
	);
}

module.exports = {
	openExchange,
	readBody,
	sendParts,
	sendStream,
	sendText,
	sendJson,
	azureErrorXml,
	nginxErrorHtml,
};
