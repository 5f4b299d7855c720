// @ts-check
/**
 * One benchmark execution of our node, in a child process of its own so that its memory is its
 * own: N prompts through ONE run of the built node in n8n-core's WorkflowExecute
 * (test/helpers/bflWorkflow), against the fake BFL the parent runs. The node is instrumented only
 * to timestamp the moment each image becomes n8n binary data (`helpers.prepareBinaryData`
 * returns); nothing else is changed.
 *
 * Parent → child (IPC): { apiBase, apiKey, n, prefix, pollIntervalS, concurrency, model, width,
 *   height }; after the child's { warmedUp: true } (a one-image warm-up), 'go'.
 * Child → parent: { startedAt, wallMs, items, withBinary, errors, firstError, attachedAt: { taskId:
 *   epoch ms }, rssBaseline, rssPeak } or { error }.
 */

require('../helpers/scratchUserFolder').scratchUserFolder('bench');

const { runBfl, simulatorCredentials, NODE_TYPE } = require('../helpers/bflWorkflow');

/** The built node, wrapped so that every attached binary is timestamped under its task id. */
function instrumentedNode(/** @type {Record<string, number>} */ attachedAt) {
	// The built node (npm run bench builds first), typed as its source.
	const built = '../../dist/nodes/Bfl/Bfl.node';
	/** @type {typeof import('../../nodes/Bfl/Bfl.node')} */
	const { Bfl } = require(built);
	const node = new Bfl();
	const execute = node.execute;
	/** @this {any} */
	node.execute = async function () {
		const helpers = this.helpers;
		const prepare = helpers.prepareBinaryData;
		helpers.prepareBinaryData = async (/** @type {any[]} */ ...args) => {
			const binary = await prepare.apply(helpers, args);
			const name = String(args[1] ?? '');
			attachedAt[name.replace(/\.[a-z]+$/, '')] = Date.now();
			return binary;
		};
		return await execute.call(this);
	};
	return node;
}

/** Samples this process's RSS every `everyMs` until stop(); returns the peak. */
function sampleRss(everyMs = 20) {
	let peak = process.memoryUsage.rss();
	const timer = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage.rss());
	}, everyMs);
	return {
		stop() {
			clearInterval(timer);
			return Math.max(peak, process.memoryUsage.rss());
		},
	};
}

/**
 * @param {{ apiBase: string, apiKey: string, n: number, prefix: string, pollIntervalS: number,
 *   concurrency?: number, model: string, width?: number, height?: number }} job
 * @param {Record<string, number>} attachedAt
 */
async function runOnce(job, attachedAt) {
	const input = Array.from({ length: job.n }, (_, i) => ({
		json: { prompt: `${job.prefix} #${i}: a lighthouse at dusk` },
	}));
	const options = /** @type {Record<string, unknown>} */ ({ pollInterval: job.pollIntervalS });
	if (job.concurrency) options.concurrency = job.concurrency;
	const started = Date.now();
	const { items, error } = await runBfl({
		from: 'dist',
		parameters: {
			resource: 'image',
			operation: 'generate',
			model: job.model,
			prompt: '={{ $json.prompt }}',
			...(job.width ? { width: job.width, height: job.height } : {}),
			options,
		},
		input,
		continueOnFail: true,
		credentials: simulatorCredentials(job.apiBase, job.apiKey),
		extraNodeTypes: { [NODE_TYPE]: instrumentedNode(attachedAt) },
	});
	const wallMs = Date.now() - started;
	const out = items ?? [];
	const errors = out.filter((item) => item.json.error !== undefined);
	return {
		startedAt: started,
		wallMs,
		items: out.length,
		withBinary: out.filter((item) => item.binary?.data).length,
		errors: errors.length,
		firstError: errors[0]?.json.error ?? error?.message,
	};
}

// The parent went away (Ctrl-C, a crash): stop rather than run on unobserved.
process.on('disconnect', () => process.exit(1));

process.once('message', async (/** @type {any} */ job) => {
	try {
		// Warm-up: one image, so module loading and JIT do not count against the measured run.
		await runOnce({ ...job, n: 1, prefix: `${job.prefix} warm-up` }, {});
		if (global.gc) global.gc();
		// The parent clears the fake's counters, then says go.
		await new Promise((resolve) => {
			process.once('message', resolve);
			process.send?.({ warmedUp: true });
		});
		const rssBaseline = process.memoryUsage.rss();
		/** @type {Record<string, number>} */
		const attachedAt = {};
		const rss = sampleRss();
		const result = await runOnce(job, attachedAt);
		const rssPeak = rss.stop();
		process.send?.({ ...result, attachedAt, rssBaseline, rssPeak }, () => process.exit(0));
	} catch (err) {
		const error = /** @type {Error} */ (err);
		process.send?.({ error: error.stack || error.message }, () => process.exit(1));
	}
});
