// @ts-check
'use strict';

/** A throwaway redis-server on 127.0.0.1 (no persistence), for n8n's queue mode. */

const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { run, startDaemon, waitFor } = require('./proc');

/** @returns {Promise<string | null>} */
async function findRedis() {
	for (const p of [
		'/usr/bin/redis-server',
		'/usr/local/bin/redis-server',
		'/usr/sbin/redis-server',
	]) {
		if (fs.existsSync(p)) return p;
	}
	const r = await run('sh', ['-c', 'command -v redis-server'], { timeoutMs: 10000 });
	return r.code === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}

/**
 * Finds redis-server; when it is missing and we are root with apt-get (CI), installs Debian's package.
 * @param {(line: string) => void} say
 */
async function ensureRedis(say) {
	const found = await findRedis();
	if (found) return found;
	const canApt =
		process.getuid &&
		process.getuid() === 0 &&
		fs.existsSync('/usr/bin/apt-get') &&
		process.env.E2E_NO_APT !== '1';
	if (!canApt) {
		throw new Error(
			'redis-server is not installed (Debian: sudo apt-get install -y redis-server); queue mode needs it',
		);
	}
	say('redis-server missing: apt-get install -y redis-server');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	let r = await run('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server'], {
		env,
		timeoutMs: 5 * 60000,
	});
	if (r.code !== 0) {
		await run('apt-get', ['update'], { env, timeoutMs: 5 * 60000 });
		r = await run('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server'], {
			env,
			timeoutMs: 5 * 60000,
		});
	}
	const after = await findRedis();
	if (!after)
		throw new Error(
			`apt-get install redis-server failed:\n${r.stderr.split('\n').slice(-10).join('\n')}`,
		);
	return after;
}

/** Sends PING, resolves true on +PONG. @param {number} port */
function ping(port) {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		let answer = '';
		socket.setTimeout(2000, () => {
			socket.destroy();
			resolve(false);
		});
		socket.on('error', () => resolve(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (d) => {
			answer += d.toString();
			if (answer.includes('\r\n')) {
				socket.end();
				resolve(answer.startsWith('+PONG'));
			}
		});
	});
}

/**
 * Starts redis-server in the foreground of its own process group (so we own and stop it).
 * @param {string} bin @param {number} port @param {string} dir
 */
async function startRedis(bin, port, dir) {
	fs.mkdirSync(dir, { recursive: true });
	const logFile = path.join(dir, 'redis.log');
	const daemon = startDaemon(
		bin,
		[
			'--bind',
			'127.0.0.1',
			'--port',
			String(port),
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
			'--daemonize',
			'no',
			'--protected-mode',
			'yes',
		],
		{ logFile },
	);
	const up = await waitFor(() => ping(port), 20000, 200);
	if (!up) {
		await daemon.stop(2000);
		throw new Error(
			`redis-server did not answer PING on port ${port} within 20 s (log ${logFile})`,
		);
	}
	return { ...daemon, logFile };
}

module.exports = { ensureRedis, startRedis, ping };
