// @ts-check
/** What the chaos suite runs and watches besides the fake: executions, output and memory. */
const { startBflWorkflow, simulatorCredentials } = require('../helpers/bflWorkflow');

/** Captures (and hides) everything written to stdout and stderr until stop(), which returns it. */
function captureOutput() {
	/** @type {string[]} */
	const chunks = [];
	const originals = { out: process.stdout.write, err: process.stderr.write };
	const capture = (/** @type {string | Uint8Array} */ chunk) => {
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

/**
 * Starts one execution of the built node generating one image per prompt, with Continue On Fail.
 * @param {{ fake: any, key: string, prompts: string[], options: object }} run
 */
function startChaosRun({ fake, key, prompts, options }) {
	return startBflWorkflow({
		from: 'dist',
		parameters: {
			resource: 'image',
			operation: 'generate',
			model: 'flux-2-pro',
			prompt: '={{ $json.prompt }}',
			width: 512,
			height: 512,
			options,
		},
		input: prompts.map((prompt) => ({ json: { prompt } })),
		continueOnFail: true,
		credentials: simulatorCredentials(fake.apiBase, key),
	});
}

module.exports = { captureOutput, sampleMemory, startChaosRun };
