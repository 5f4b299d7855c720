// @ts-check
/**
 * `node test/bench/profile.js DIR [RESULTS.json] [--top 20]`: where the CPU went in the
 * .cpuprofile files that `node test/bench/bench.js --cpu-prof DIR` made n8n's processes write.
 * With the run's throughput.json, each scenario's wall time is cut out of the profiles (both use
 * the monotonic clock), so n8n's start-up does not drown the scenario. Prints the CPU per package
 * (n8n-nodes-bfl, n8n-core, …, garbage collector) and the busiest functions by self time.
 */
const fs = require('node:fs');
const path = require('node:path');

/** The package a script URL belongs to. @param {string} url */
function packageOf(url) {
	if (!url) return '(native)';
	const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/g;
	let last = null;
	for (let hit = m.exec(url); hit; hit = m.exec(url)) last = hit[1];
	if (last) return last;
	return url.startsWith('node:') || !url.includes('/') ? 'node' : path.basename(url);
}

/** Self time per profile node inside [from, to] µs (all of it without a window). */
function selfTimes(/** @type {any} */ prof, /** @type {number[] | null} */ window) {
	/** @type {Map<number, number>} */
	const us = new Map();
	let t = prof.startTime;
	for (let i = 0; i < prof.samples.length; i++) {
		const delta = prof.timeDeltas[i] ?? 0;
		t += delta;
		if (window && (t < window[0] || t > window[1])) continue;
		us.set(prof.samples[i], (us.get(prof.samples[i]) ?? 0) + delta);
	}
	return us;
}

/** @param {any} prof @param {number[] | null} window @param {number} top */
function summarize(prof, window, top) {
	const us = selfTimes(prof, window);
	/** @type {Map<string, number>} */
	const byFn = new Map();
	/** @type {Map<string, number>} */
	const byPkg = new Map();
	let busy = 0;
	for (const node of prof.nodes) {
		const ms = (us.get(node.id) ?? 0) / 1000;
		const { functionName, url, lineNumber } = node.callFrame;
		if (!ms || functionName === '(idle)' || functionName === '(program)') continue;
		busy += ms;
		const where = url ? ` ${path.basename(url)}:${lineNumber + 1}` : '';
		const fn = `${functionName || '(anonymous)'}${where}`;
		byFn.set(fn, (byFn.get(fn) ?? 0) + ms);
		const pkg = functionName === '(garbage collector)' ? '(garbage collector)' : packageOf(url);
		byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + ms);
	}
	const span = window ? (window[1] - window[0]) / 1e6 : (prof.endTime - prof.startTime) / 1e6;
	const lines = [`  ${(busy / 1000).toFixed(2)} s on CPU in ${span.toFixed(1)} s`];
	const sorted = (/** @type {Map<string, number>} */ m) => [...m].sort((a, b) => b[1] - a[1]);
	const pct = (/** @type {number} */ ms) => ((ms / Math.max(busy, 1)) * 100).toFixed(1).padStart(5);
	for (const [pkg, ms] of sorted(byPkg).slice(0, 10))
		lines.push(`  ${(ms / 1000).toFixed(2).padStart(6)} s ${pct(ms)} %  ${pkg}`);
	lines.push('  busiest functions (self time):');
	for (const [fn, ms] of sorted(byFn).slice(0, top))
		lines.push(`  ${(ms / 1000).toFixed(2).padStart(6)} s ${pct(ms)} %  ${fn}`);
	return lines.join('\n');
}

function main() {
	const args = process.argv.slice(2);
	const topAt = args.indexOf('--top');
	const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 20;
	const [dir, resultsFile] = args;
	if (!dir)
		return void console.error('usage: node test/bench/profile.js DIR [RESULTS.json] [--top 20]');
	const results = resultsFile ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')).results : [];
	for (const f of fs.readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
		const prof = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
		const inside = results.filter(
			(/** @type {any} */ r) =>
				r.monotonicWindowUs &&
				r.monotonicWindowUs[1] > prof.startTime &&
				r.monotonicWindowUs[0] < prof.endTime,
		);
		if (resultsFile && !inside.length) continue;
		console.log(`${f}`);
		if (!resultsFile) console.log(summarize(prof, null, top));
		for (const r of inside)
			console.log(`${r.label}:\n${summarize(prof, r.monotonicWindowUs, top)}`);
	}
}

main();
