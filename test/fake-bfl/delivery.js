// @ts-check
'use strict';

/**
 * The delivery host: a Ready task's file behind its signed, expiring URL, as Azure Blob Storage
 * answers it (BFL's delivery URLs are Azure SAS URLs).
 */

const { sendParts, sendStream, sendText, azureErrorXml } = require('./exchange');
const { imageParts, CONTENT_TYPES } = require('./images');
const { buildDraftCache, mp4Chunks, mp4Layout } = require('./video');

/**
 * @typedef {import('./state').State} State
 * @typedef {import('./exchange').Exchange} Exchange
 */

const DELIVERY_PATH = /^\/results\/([^/]+)\/(?:sample\.(jpeg|png|webp|mp4)|draft_cache\.(bin))$/;

/**
 * GET /results/<id>/sample.<ext>?se=&sp=r&sig= — behaves like an Azure SAS blob URL.
 * @param {State} state
 * @param {Exchange} ex
 */
function deliver(state, ex) {
	const [, id, sampleExt, draftExt] = /** @type {RegExpExecArray} */ (
		DELIVERY_PATH.exec(ex.url.pathname)
	);
	const ext = sampleExt || draftExt;
	const task = state.tasks.get(id);
	/** @param {number} status @param {string} xml */
	const xmlError = (status, xml) => sendText(ex, status, xml, 'application/xml');
	if (!task || task.status !== 'Ready' || task.outputFormat !== ext || task.expiresAt === null) {
		return xmlError(404, azureErrorXml('BlobNotFound', 'The specified blob does not exist.'));
	}
	const se = ex.url.searchParams.get('se') || '';
	const authFailed =
		'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.';
	if (
		se !== new Date(task.expiresAt).toISOString() ||
		ex.url.searchParams.get('sig') !== task.sig
	) {
		return xmlError(
			403,
			azureErrorXml('AuthenticationFailed', authFailed, 'Signature did not match.'),
		);
	}
	const now = state.options.clock.now();
	if (now > task.expiresAt) {
		state.stats.expiredDownloads++;
		const detail = `Signed expiry time [${new Date(task.expiresAt).toUTCString()}] has to be after current time [${new Date(now).toUTCString()}]`;
		return xmlError(403, azureErrorXml('AuthenticationFailed', authFailed, detail));
	}
	const headers = {
		'content-type': RESULT_TYPES[task.outputFormat],
		'x-ms-blob-type': 'BlockBlob',
		'last-modified': new Date(task.readyAt).toUTCString(),
	};
	const { length, chunks } = resultBody(task);
	const parts = chunks();
	// Files held in memory go out in one corked write; a large video is streamed.
	if (Array.isArray(parts)) sendParts(ex, 200, parts, headers);
	else sendStream(ex, 200, length, parts, headers);
}

const RESULT_TYPES = { ...CONTENT_TYPES, mp4: 'video/mp4', bin: 'application/octet-stream' };

/**
 * The bytes a Ready task's signed URL serves (its image, MP4 or draft cache): its exact length,
 * and its chunks: a list when the file is held in memory, else made as they are read.
 * @param {import('./tasks').Task} task
 * @returns {{ length: number, chunks: () => Iterable<Buffer> }}
 */
function resultBody(task) {
	if (task.outputFormat === 'mp4') {
		const { head, fillerBytes } = mp4Layout(task.id, task.videoBytes);
		const chunks = () => (fillerBytes ? mp4Chunks(task.id, task.videoBytes) : [head]);
		return { length: head.length + fillerBytes, chunks };
	}
	const parts =
		task.outputFormat === 'bin'
			? [buildDraftCache(task.id)]
			: imageParts(task.outputFormat, task.id, task.imageBytes, task.size);
	return { length: parts.reduce((n, b) => n + b.length, 0), chunks: () => parts };
}

module.exports = { deliver, resultBody, DELIVERY_PATH };
