// @ts-check
'use strict';

/**
 * Reads an n8n home's SQLite database with n8n's own sqlite3 module (read-only, so n8n may keep running):
 * the binary_data rows of queue mode, and executions with their run data (n8n stores that as `flatted` text).
 */

const path = require('node:path');
const { run } = require('./proc');
const { n8nDir, n8nEnv } = require('./cache');

// argv: database file, SQL, JSON parameters, comma-separated columns to parse with flatted
const QUERY_SCRIPT = `
const [file, sql, params, flattedColumns] = process.argv.slice(1);
const sqlite3 = require('sqlite3');
const parse = flattedColumns ? require('flatted').parse : null;
const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
db.all(sql, JSON.parse(params), (err, rows) => {
	if (err) console.log(JSON.stringify({ error: err.message }));
	else {
		for (const row of rows)
			for (const c of (flattedColumns || '').split(',').filter(Boolean))
				if (typeof row[c] === 'string') row[c] = parse(row[c]);
		console.log(JSON.stringify({ rows }));
	}
	db.close();
});`;

/**
 * Runs one read-only query; throws with n8n's words when it fails.
 * @param {import('./cache').N8nRelease} release @param {string} userFolder
 * @param {string} sql @param {unknown[]} [params] @param {string[]} [flattedColumns]
 * @returns {Promise<any[]>}
 */
async function queryDatabase(release, userFolder, sql, params = [], flattedColumns = []) {
	const db = path.join(userFolder, '.n8n', 'database.sqlite');
	const r = await run(
		'node',
		['-e', QUERY_SCRIPT, db, sql, JSON.stringify(params), flattedColumns.join(',')],
		{ cwd: n8nDir(release), env: n8nEnv(release), timeoutMs: 30000 },
	);
	/** @type {{ rows?: any[], error?: string }} */
	let out = {};
	try {
		out = JSON.parse(r.stdout.trim().split('\n').pop() || '{}');
	} catch {
		/* reported below */
	}
	if (!out.rows)
		throw new Error(`could not read ${db}: ${out.error || r.stderr.trim().slice(0, 300)}`);
	return out.rows;
}

/**
 * Rows in n8n's binary_data table (an error text when that fails).
 * @param {import('./cache').N8nRelease} release @param {string} userFolder
 */
async function countDatabaseBinaries(release, userFolder) {
	try {
		const rows = await queryDatabase(release, userFolder, 'select count(*) as c from binary_data');
		return Number(rows[0].c);
	} catch (err) {
		return /** @type {Error} */ (err).message;
	}
}

/**
 * A workflow's executions, oldest first, with their run data parsed.
 * @param {import('./cache').N8nRelease} release @param {string} userFolder @param {string} workflowId
 * @returns {Promise<Array<{ id: number, status: string, mode: string, finished: number, data: any }>>}
 */
async function executionsOf(release, userFolder, workflowId) {
	return await queryDatabase(
		release,
		userFolder,
		'select e.id, e.status, e.mode, e.finished, d.data from execution_entity e ' +
			'left join execution_data d on d.executionId = e.id where e.workflowId = ? order by e.id',
		[workflowId],
		['data'],
	);
}

module.exports = { queryDatabase, countDatabaseBinaries, executionsOf };
