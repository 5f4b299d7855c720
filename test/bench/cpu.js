// @ts-check
/**
 * CPU seconds of a process and all its descendants (n8n's task runners included), sampled from
 * /proc every `everyMs`: each process counts with the last utime + stime seen for it, so a
 * child that exits between samples loses at most one interval. Also the time their main threads
 * (the JavaScript event loops) were ready to run but waited for a core (`/proc/PID/schedstat`,
 * run-queue delay): on a machine whose cores are busy with other work, that is the time the
 * machine took from n8n. Linux only; null elsewhere.
 */
const fs = require('node:fs');

const TICKS = 100; // USER_HZ on Linux

/** @returns {Map<number, { ppid: number, ticks: number, waitNs: number }>} */
function processes() {
	const all = new Map();
	for (const name of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			let waitNs = 0;
			try {
				waitNs = Number(fs.readFileSync(`/proc/${name}/schedstat`, 'utf8').split(' ')[1]) || 0;
			} catch {
				/* no schedstat in this kernel */
			}
			all.set(Number(name), {
				ppid: Number(fields[1]),
				ticks: Number(fields[11]) + Number(fields[12]),
				waitNs,
			});
		} catch {
			/* gone */
		}
	}
	return all;
}

function treeCpu(/** @type {number} */ root, everyMs = 200) {
	const none = { total: null, window: null, waitedWindow: null };
	if (!fs.existsSync('/proc')) return { stop: () => none };
	/** @type {Map<number, { ticks: number, waitNs: number }>} */
	const seen = new Map();
	/** @type {Array<{ at: number, ticks: number, waitNs: number }>} */
	const samples = [];
	const sum = (/** @type {'ticks' | 'waitNs'} */ key) =>
		[...seen.values()].reduce((s, p) => s + p[key], 0);
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
			const before = seen.get(pid);
			if (p)
				seen.set(pid, {
					ticks: Math.max(before?.ticks ?? 0, p.ticks),
					waitNs: Math.max(before?.waitNs ?? 0, p.waitNs),
				});
		}
		samples.push({ at: Date.now(), ticks: sum('ticks'), waitNs: sum('waitNs') });
	};
	sample();
	const timer = setInterval(sample, everyMs);
	return {
		/**
		 * CPU seconds in all and between two epoch-ms times (from the last sample before `from` to
		 * the first after `to`, so the window is never under-counted), and the seconds the main
		 * threads waited for a core in that window.
		 * @param {number} from @param {number} to
		 */
		stop(from, to) {
			clearInterval(timer);
			sample();
			const before = [...samples].reverse().find((s) => s.at <= from) ?? samples[0];
			const after = samples.find((s) => s.at >= to) ?? samples[samples.length - 1];
			const round = (/** @type {number} */ s) => Math.round(s * 10) / 10;
			return {
				total: round(sum('ticks') / TICKS),
				window: round((after.ticks - before.ticks) / TICKS),
				waitedWindow: round((after.waitNs - before.waitNs) / 1e9),
			};
		},
	};
}

module.exports = { treeCpu };
