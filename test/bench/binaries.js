// @ts-check
/**
 * When each image became n8n binary data in a real n8n with the filesystem binary mode: every
 * image the simulator serves carries its task id in a marker near its start (test/fake-bfl
 * images.js), so a stored file is matched to its task by content and its modification time is the
 * moment n8n finished writing it. The same for our node and the HTTP Request loops. A video is
 * found by its task id in the MP4's head (storedFile).
 */
const fs = require('node:fs');
const path = require('node:path');

const MARKER = /bfl-task-id[:\0]([A-Za-z0-9_-]+)/;
const HEAD_BYTES = 64 * 1024;

/** @param {string} dir @returns {string[]} */
function filesUnder(dir) {
	/** @type {string[]} */
	const out = [];
	/** @type {fs.Dirent[]} */
	let entries = [];
	try {
		entries = fs.readdirSync(dir, { withFileTypes: true });
	} catch {
		return out;
	}
	for (const e of entries) {
		const full = path.join(dir, e.name);
		if (e.isDirectory()) out.push(...filesUnder(full));
		else if (e.isFile() && !e.name.endsWith('.metadata')) out.push(full);
	}
	return out;
}

/** The first HEAD_BYTES of a file (fewer when it is shorter). @param {string} file @param {Buffer} into */
function headOf(file, into) {
	const fd = fs.openSync(file, 'r');
	try {
		return into.subarray(0, fs.readSync(fd, into, 0, HEAD_BYTES, 0));
	} finally {
		fs.closeSync(fd);
	}
}

/**
 * Task id → epoch ms its image was first stored, over every file under `storageDir` modified at
 * or after `since` (earlier files belong to earlier scenarios).
 * @param {string} storageDir @param {number} since
 * @returns {Record<string, number>}
 */
function storedImages(storageDir, since) {
	/** @type {Record<string, number>} */
	const at = {};
	const head = Buffer.alloc(HEAD_BYTES);
	for (const file of filesUnder(storageDir)) {
		const { mtimeMs, size } = fs.statSync(file);
		if (mtimeMs < since - 1000 || size < 100) continue;
		const m = MARKER.exec(headOf(file, head).toString('latin1'));
		if (m) at[m[1]] = Math.min(at[m[1]] ?? Infinity, Math.round(mtimeMs));
	}
	return at;
}

/**
 * The stored file whose first bytes carry `taskId` (a video: the id is in the MP4's moov), among
 * the files modified at or after `since`; null when there is none.
 * @param {string} storageDir @param {number} since @param {string} taskId
 * @returns {{ file: string, size: number, mtimeMs: number } | null}
 */
function storedFile(storageDir, since, taskId) {
	const head = Buffer.alloc(HEAD_BYTES);
	for (const file of filesUnder(storageDir)) {
		const { mtimeMs, size } = fs.statSync(file);
		if (mtimeMs >= since - 1000 && headOf(file, head).includes(taskId, 0, 'latin1'))
			return { file, size, mtimeMs: Math.round(mtimeMs) };
	}
	return null;
}

module.exports = { storedImages, storedFile };
