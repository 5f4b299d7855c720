// @ts-check
'use strict';

/**
 * Bounded waiting for the e2e suite: sleep, polling, daemon readiness, `n8n start` up, fetch with a
 * timeout, log tails.
 */

const fs = require('node:fs');

/** @param {number} ms */
function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `probe` until it returns a truthy value or the timeout passes.
 * @template T
 * @param {() => Promise<T> | T} probe @param {number} timeoutMs @param {number} [everyMs]
 * @returns {Promise<T | undefined>}
 */
async function waitFor(probe, timeoutMs, everyMs = 250) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			const value = await probe();
			if (value) return value;
		} catch {
			/* not yet */
		}
		await sleep(everyMs);
	}
	return undefined;
}

/**
 * Waits until a daemon is ready, giving up early when it exits.
 * @param {{ running: () => boolean, logFile: string }} daemon @param {() => Promise<boolean> | boolean} probe
 * @param {string} what @param {number} timeoutMs
 */
async function waitReady(daemon, probe, what, timeoutMs) {
	const outcome = await waitFor(
		async () => (!daemon.running() ? 'exited' : (await probe()) ? 'ready' : false),
		timeoutMs,
		500,
	);
	if (outcome === 'ready') return;
	const why = outcome === 'exited' ? 'exited' : `was not ready within ${timeoutMs / 1000} s`;
	throw new Error(`${what} ${why} (log ${daemon.logFile}):\n${tail(daemon.logFile, 20)}`);
}

/**
 * fetch with a hard timeout.
 * @param {string} url @param {RequestInit} [init] @param {number} [timeoutMs]
 */
async function fetchWithTimeout(url, init = {}, timeoutMs = 10000) {
	return fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
}

/** Whether the n8n at `base` answers its readiness check. @param {string} base */
async function n8nReady(base) {
	return (await fetchWithTimeout(`${base}/healthz/readiness`, {}, 3000)).status === 200;
}

/**
 * `n8n start` (regular mode) on a home, once it answers /healthz; stopped again when it never does.
 * Stop it with `stop(graceMs)`. @param {import('./n8n').N8nHome} home @param {string} logName
 */
async function startN8n(home, logName) {
	const n8n = home.daemon(logName, ['start']);
	const base = `http://127.0.0.1:${home.port}`;
	try {
		await waitReady(
			n8n,
			async () => (await fetchWithTimeout(`${base}/healthz`, {}, 3000)).status === 200,
			'n8n start',
			180000,
		);
	} catch (err) {
		await n8n.stop(15000);
		throw err;
	}
	return { ...n8n, base };
}

/** @param {string} file @param {number} [lines] */
function tail(file, lines = 30) {
	try {
		const text = fs.readFileSync(file, 'utf8').split('\n');
		return text.slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

module.exports = { sleep, waitFor, waitReady, startN8n, fetchWithTimeout, n8nReady, tail };
