// @ts-check
/** What the chaos suite watches besides the fake: the process's own output and memory. */

/** Captures (and hides) everything written to stdout and stderr until stop(), which returns it. */
function captureOutput() {
	const chunks = [];
	const originals = { out: process.stdout.write, err: process.stderr.write };
	const capture = (chunk) => {
		chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
		return true;
	};
	process.stdout.write = /** @type {any} */ (capture);
	process.stderr.write = /** @type {any} */ (capture);
	return {
		stop() {
			process.stdout.write = originals.out;
			process.stderr.write = originals.err;
			return chunks.join('');
		},
	};
}

/** Samples RSS every 50 ms; stop() returns the peak growth over the starting RSS, in MB. */
function sampleMemory() {
	const start = process.memoryUsage().rss;
	let peak = start;
	const timer = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().rss);
	}, 50);
	return {
		stop() {
			clearInterval(timer);
			peak = Math.max(peak, process.memoryUsage().rss);
			return Math.round((peak - start) / 1048576);
		},
	};
}

module.exports = { captureOutput, sampleMemory };
