// @ts-check
'use strict';

/** The cross-process lock that lets two runs share the install cache, and small file readers. */

const fs = require('node:fs');
const path = require('node:path');
const { sleep } = require('./wait');
const { cacheRoot } = require('./cache');

/** @param {string} file */
function readFile(file) {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch {
		return null;
	}
}

/** @param {number} pid */
function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/**
 * A cross-process lock (O_EXCL file holding our pid); a lock whose pid is gone is taken over.
 * @param {string} name @param {number} timeoutMs
 */
async function lock(name, timeoutMs) {
	fs.mkdirSync(cacheRoot(), { recursive: true });
	const file = path.join(cacheRoot(), `${name}.lock`);
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			const fd = fs.openSync(file, 'wx');
			fs.writeSync(fd, String(process.pid));
			fs.closeSync(fd);
			return () => fs.rmSync(file, { force: true });
		} catch (err) {
			if (/** @type {NodeJS.ErrnoException} */ (err).code !== 'EEXIST') throw err;
			const holder = Number(fs.readFileSync(file, 'utf8').trim());
			if (!holder || !alive(holder)) {
				fs.rmSync(file, { force: true });
				continue;
			}
			if (Date.now() > deadline)
				throw new Error(`${file} is held by process ${holder} for too long`);
			await sleep(2000);
		}
	}
}

/** @param {string} file */
function readJson(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return null;
	}
}

module.exports = { lock, readFile, readJson };
