// @ts-check
'use strict';

/**
 * Process helpers for the e2e suite: every child runs in its own process group, is registered so that it can be
 * killed (group and all) on exit, and every wait has a timeout. The waiting helpers live in wait.js and are
 * re-exported here.
 */

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const { sleep, waitFor, waitReady, fetchWithTimeout, n8nReady, tail } = require('./wait');
const { watchIdle } = require('./idle');

/** @type {Set<import('node:child_process').ChildProcess>} */
const live = new Set();

/** @param {import('node:child_process').ChildProcess} child @param {NodeJS.Signals} signal */
function killGroup(child, signal) {
	if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {
			/* already gone */
		}
	}
}

/** SIGTERM every live child group, then SIGKILL what is left after `graceMs`. */
async function killAll(graceMs = 8000) {
	const children = [...live];
	for (const child of children) killGroup(child, 'SIGTERM');
	const deadline = Date.now() + graceMs;
	while (
		Date.now() < deadline &&
		children.some((c) => c.exitCode === null && c.signalCode === null)
	) {
		await sleep(100);
	}
	for (const child of children) {
		killGroup(child, 'SIGKILL');
		// the group leader may be gone while grandchildren live on: kill the group regardless
		if (child.pid) {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				/* no such group */
			}
		}
	}
	live.clear();
}

/** Synchronous last resort for process 'exit': SIGKILL every registered group. */
function killAllSync() {
	for (const child of live) {
		if (!child.pid) continue;
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			/* gone */
		}
	}
	live.clear();
}

let hooksInstalled = false;
/** Kill every child group when this process ends, however it ends. */
function installExitHooks() {
	if (hooksInstalled) return;
	hooksInstalled = true;
	process.on('exit', killAllSync);
	for (const signal of /** @type {NodeJS.Signals[]} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
		process.once(signal, () => {
			process.stderr.write(`\ne2e: ${signal}, stopping child processes\n`);
			killAll(3000).finally(() => process.exit(130));
		});
	}
}

/**
 * @typedef {object} RunOptions
 * @property {string} [cwd]
 * @property {NodeJS.ProcessEnv} [env]
 * @property {number} timeoutMs
 * @property {number} [idleMs] also stop the command when, for this long, it printed nothing and its
 *   process group used no CPU (a stuck download; a long compile keeps the CPU busy)
 * @property {string} [logFile] append stdout+stderr here as well
 * @property {boolean} [echo] also copy output to our stderr
 * @property {string} [input]
 *
 * @typedef {object} RunResult
 * @property {number | null} code
 * @property {string | null} signal
 * @property {string} stdout
 * @property {string} stderr
 * @property {boolean} timedOut
 * @property {boolean} idle stopped by idleMs rather than timeoutMs
 * @property {number} ms
 */

/**
 * Runs a command to completion (bounded by timeoutMs; on timeout the whole group is killed).
 * @param {string} cmd @param {string[]} args @param {RunOptions} options
 * @returns {Promise<RunResult>}
 */
function run(cmd, args, options) {
	const started = Date.now();
	return new Promise((resolve) => {
		const log = options.logFile ? fs.openSync(options.logFile, 'a') : null;
		if (log !== null) fs.writeSync(log, `\n$ ${cmd} ${args.join(' ')}\n`);
		const child = spawn(cmd, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			detached: true,
			stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
		});
		live.add(child);
		let stdout = '';
		let stderr = '';
		let timedOut = false;
		let idle = false;
		const take = (/** @type {'out'|'err'} */ which) => (/** @type {Buffer} */ chunk) => {
			watch?.touch();
			const text = chunk.toString();
			if (which === 'out') stdout += text;
			else stderr += text;
			if (log !== null) fs.writeSync(log, text);
			if (options.echo) process.stderr.write(text);
		};
		child.stdout?.on('data', take('out'));
		child.stderr?.on('data', take('err'));
		if (options.input !== undefined) child.stdin?.end(options.input);
		const stop = () => {
			killGroup(child, 'SIGTERM');
			setTimeout(() => killGroup(child, 'SIGKILL'), 5000).unref();
		};
		const timer = setTimeout(() => {
			timedOut = true;
			stop();
		}, options.timeoutMs);
		const watch = options.idleMs
			? watchIdle(/** @type {number} */ (child.pid), options.idleMs, () => {
					idle = true;
					stop();
				})
			: undefined;
		child.on('error', (err) => {
			stderr += `\n${err.message}`;
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			watch?.stop();
			live.delete(child);
			// reap stragglers in the group (e.g. a task runner the CLI forked)
			if (child.pid) {
				try {
					process.kill(-child.pid, 'SIGKILL');
				} catch {
					/* none left */
				}
			}
			if (log !== null) {
				fs.writeSync(
					log,
					`\n[exit ${code ?? signal} after ${((Date.now() - started) / 1000).toFixed(1)} s]\n`,
				);
				fs.closeSync(log);
			}
			resolve({ code, signal, stdout, stderr, timedOut, idle, ms: Date.now() - started });
		});
	});
}

/**
 * Starts a long-running process in its own group, output to logFile. Returns the child and a `stop()`.
 * @param {string} cmd @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, logFile: string }} options
 */
function startDaemon(cmd, args, options) {
	const out = fs.openSync(options.logFile, 'a');
	const child = spawn(cmd, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		detached: true,
		stdio: ['ignore', out, out],
	});
	fs.closeSync(out);
	live.add(child);
	const exited = new Promise((resolve) =>
		child.on('exit', (code, signal) => resolve({ code, signal })),
	);
	child.on('error', () => {});
	return {
		child,
		exited,
		/** Whether the process is still running. */
		running: () => child.exitCode === null && child.signalCode === null,
		/** SIGTERM the group, SIGKILL after graceMs. */
		async stop(graceMs = 10000) {
			if (child.exitCode === null && child.signalCode === null) {
				killGroup(child, 'SIGTERM');
				/** @type {NodeJS.Timeout | undefined} */
				let timer;
				const t = new Promise((resolve) => {
					timer = setTimeout(() => resolve('timeout'), graceMs);
				});
				const outcome = await Promise.race([exited, t]);
				clearTimeout(timer);
				if (outcome === 'timeout') killGroup(child, 'SIGKILL');
			}
			if (child.pid) {
				try {
					process.kill(-child.pid, 'SIGKILL');
				} catch {
					/* group gone */
				}
			}
			live.delete(child);
		},
	};
}

module.exports = {
	run,
	waitReady,
	startDaemon,
	killAll,
	killAllSync,
	installExitHooks,
	waitFor,
	sleep,
	fetchWithTimeout,
	n8nReady,
	tail,
};
