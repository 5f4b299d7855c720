// @ts-check
/**
 * CPU seconds of a process and all its descendants (n8n's task runners included), sampled from
 * /proc every `everyMs`: each process counts with the last utime + stime seen for it, so a
 * child that exits between samples loses at most one interval. Linux only; null elsewhere.
 */
const fs = require('node:fs');

const TICKS = 100; // USER_HZ on Linux

/** @returns {Map<number, { ppid: number, ticks: number }>} */
function processes() {
	const all = new Map();
	for (const name of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			all.set(Number(name), {
				ppid: Number(fields[1]),
				ticks: Number(fields[11]) + Number(fields[12]),
			});
		} catch {
			/* gone */
		}
	}
	return all;
}

function treeCpu(/** @type {number} */ root, everyMs = 200) {
	if (!fs.existsSync('/proc')) return { stop: () => ({ total: null, window: null }) };
	/** @type {Map<number, number>} */
	const seen = new Map();
	/** @type {Array<{ at: number, ticks: number }>} */
	const samples = [];
	const total = () => [...seen.values()].reduce((sum, t) => sum + t, 0);
	const sample = () => {
		const all = processes();
		const inTree = new Set([root]);
		for (let grew = true; grew; ) {
			grew = false;
			for (const [pid, p] of all)
				if (!inTree.has(pid) && inTree.has(p.ppid)) (inTree.add(pid), (grew = true));
		}
		for (const pid of inTree) {
			const p = all.get(pid);
			if (p) seen.set(pid, Math.max(seen.get(pid) ?? 0, p.ticks));
		}
		samples.push({ at: Date.now(), ticks: total() });
	};
	sample();
	const timer = setInterval(sample, everyMs);
	return {
		/**
		 * CPU seconds in all, and between two epoch-ms times (from the last sample before `from`
		 * to the first after `to`, so the window is never under-counted).
		 * @param {number} from @param {number} to
		 */
		stop(from, to) {
			clearInterval(timer);
			sample();
			const before = [...samples].reverse().find((s) => s.at <= from) ?? samples[0];
			const after = samples.find((s) => s.at >= to) ?? samples[samples.length - 1];
			const seconds = (/** @type {number} */ ticks) => Math.round((ticks / TICKS) * 10) / 10;
			return { total: seconds(total()), window: seconds(after.ticks - before.ticks) };
		},
	};
}

module.exports = { treeCpu };
