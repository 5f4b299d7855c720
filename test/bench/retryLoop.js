// @ts-check
/**
 * (b4): the per-item retry loop a careful user builds from (b1). The submit is batched at the
 * account's cap per generation time (24 every 2 s), and a refused item leaves through its error
 * output into a Wait of a few seconds and back into the submit, so no item is lost and none is
 * paid twice (a 429 creates no task). Polling ends on every final status: Ready goes on to the
 * download, Error, Failed and the two moderations end there.
 */

/** Seconds a refused item waits before it is submitted again. */
const RETRY_WAIT_S = 3;
const FINAL = ['Ready', 'Error', 'Failed', 'Content Moderated', 'Request Moderated'];

/**
 * @param {{ nodes: any[], connections: Record<string, any> }} graph (b1)'s loop
 * @param {{ latencyMs: number, webhookId: string }} spec
 * @param {(name: string, type: string, version: number, x: number, parameters: object, extra?: object) => any} node
 */
function retryLoop(graph, spec, node) {
	const to = (/** @type {string} */ name) => [{ node: name, type: 'main', index: 0 }];
	const nodes = graph.nodes.map((n) => {
		if (n.name !== 'Submit') return n;
		const body = n.parameters.jsonBody.replace('$json.prompt', "$('Prompts').item.json.prompt");
		const batch = { batchSize: 24, batchInterval: spec.latencyMs };
		return {
			...n,
			parameters: { ...n.parameters, jsonBody: body, options: { batching: { batch } } },
		};
	});
	nodes.push(
		node(
			'Retry Wait',
			'wait',
			1.1,
			500,
			{ amount: RETRY_WAIT_S, unit: 'seconds' },
			{ webhookId: spec.webhookId },
		),
		node('Finished?', 'if', 2.2, 900, {
			conditions: {
				options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
				conditions: FINAL.map((status, i) => ({
					id: `b1f1be00-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`,
					leftValue: '={{ $json.status }}',
					rightValue: status,
					operator: { type: 'string', operation: 'equals' },
				})),
				combinator: 'or',
			},
			options: {},
		}),
	);
	return {
		nodes,
		connections: {
			...graph.connections,
			Submit: { main: [to('Wait'), to('Retry Wait')] },
			'Retry Wait': { main: [to('Submit')] },
			Poll: { main: [to('Finished?')] },
			'Finished?': { main: [to('Ready?'), to('Wait')] },
			'Ready?': { main: [to('Download'), []] },
		},
	};
}

/** Tasks BFL accepted more than once for one prompt: paid twice. @param {Array<{ prompt: string }>} tasks */
const duplicateSubmits = (tasks) => tasks.length - new Set(tasks.map((t) => t.prompt)).size;

/**
 * (b4)'s rows of the targets table: every item back and none paid twice, and the node's speed-up.
 * @param {any[]} results @param {any[]} ours the (a) rows
 * @param {(measure: string, value: string, target: string, holds: boolean | null) => void} add
 */
function retryLoopTargets(results, ours, add) {
	for (const r of results.filter((x) => x.variant === 'b4')) {
		const mine = ours.find((o) => o.n === r.n);
		add(
			`(b4) per-item retry loop N=${r.n}: every item delivered, none paid twice`,
			`${r.delivered} of ${r.n}, ${r.duplicateSubmits ?? '?'} duplicate submits`,
			`${r.n}, 0`,
			r.delivered === r.n && r.duplicateSubmits === 0,
		);
		if (mine)
			add(
				`speed-up of the node over (b4) N=${r.n}: wall time; Ready → binary p95; 429s`,
				`${(r.wallMs / mine.wallMs).toFixed(2)}× (${(r.wallMs / 1000).toFixed(1)} s / ${(mine.wallMs / 1000).toFixed(1)} s); ${r.readyToBinaryP95} / ${mine.readyToBinaryP95} ms; ${r.status429} / ${mine.status429}`,
				'–',
				null,
			);
	}
}

module.exports = { retryLoop, retryLoopTargets, duplicateSubmits, RETRY_WAIT_S };
