// @ts-check
'use strict';

/**
 * Progress-based supervision for long child processes (the n8n installs): a command is idle when it prints
 * nothing and its process group uses no CPU. A stuck download is idle; a slow compile is not.
 */

const fs = require('node:fs');

/** One process group's CPU time so far, in clock ticks (Linux /proc; 0 where there is none). */
function groupCpuTicks(/** @type {number} */ pgid) {
	let ticks = 0;
	let entries = [];
	try {
		entries = fs.readdirSync('/proc');
	} catch {
		return 0;
	}
	for (const entry of entries) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
		} catch {
			/* the process ended meanwhile */
		}
	}
	return ticks;
}

/** CPU ticks a group must use between two looks to count as working (half a second at 100 Hz). */
const BUSY_TICKS = 50;

/**
 * Calls onIdle once when, for idleMs, touch() was not called and the group used no CPU.
 * @param {number} pgid the child's process group (children are spawned detached)
 * @param {number} idleMs
 * @param {() => void} onIdle
 */
function watchIdle(pgid, idleMs, onIdle) {
	let lastActivity = Date.now();
	let cpu = 0;
	let fired = false;
	const timer = setInterval(
		() => {
			const now = groupCpuTicks(pgid);
			if (now >= cpu + BUSY_TICKS) {
				cpu = now;
				lastActivity = Date.now();
			}
			if (!fired && Date.now() - lastActivity > idleMs) {
				fired = true;
				onIdle();
			}
		},
		Math.min(30000, idleMs / 4),
	);
	timer.unref();
	return {
		touch: () => {
			lastActivity = Date.now();
		},
		stop: () => clearInterval(timer),
	};
}

module.exports = { watchIdle, groupCpuTicks };
