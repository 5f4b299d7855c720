// @ts-check
'use strict';

/**
 * n8n-core writes an instance config (an encryption key) into $N8N_USER_FOLDER/.n8n on first use. The in-process
 * runs (jest, demo, chaos, bench) give it a fresh temp folder that the process removes when it exits, so no run
 * leaves an n8n-nodes-bfl-* folder behind. A folder set by the caller is used as it is and kept.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** @param {string} name a word for the folder's name: jest, demo, chaos, bench */
function scratchUserFolder(name) {
	if (process.env.N8N_USER_FOLDER) return process.env.N8N_USER_FOLDER;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `n8n-nodes-bfl-${name}-`));
	process.env.N8N_USER_FOLDER = dir;
	// child processes inherit the variable and so the folder; only its creator removes it
	process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
	return dir;
}

module.exports = { scratchUserFolder };
