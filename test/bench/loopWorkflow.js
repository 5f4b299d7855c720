// @ts-check
/**
 * Scenario (b) as a workflow: the loop n8n users build today (BENCHMARKS.md says why),
 * with built-in nodes only. HTTP Request submits every item at once with a Header Auth credential
 * (x-key) → Wait → HTTP Request GET polling_url → IF status == Ready → download the sample as a
 * file; not Ready → back to Wait. The submit node is set to "On Error: Continue (using error
 * output)", the one-click setting that keeps the accepted items going when some get a 429; with
 * the default "Stop Workflow" the first 429 ends the whole execution and nothing comes back.
 */

const CREDENTIAL = { id: 'bflBenchHeader01', name: 'BFL x-key (benchmark)' };

/** @param {string} apiKey */
function headerCredential(apiKey) {
	return [{ ...CREDENTIAL, type: 'httpHeaderAuth', data: { name: 'x-key', value: apiKey } }];
}

/** @param {string} name @param {string} type @param {number} version @param {number} x @param {object} parameters */
function node(name, type, version, x, parameters, extra = {}) {
	return {
		parameters,
		id: `b1f1be00-0000-4000-8000-${String(x).padStart(12, '0')}`,
		name,
		type: `n8n-nodes-base.${type}`,
		typeVersion: version,
		position: [x, 0],
		...extra,
	};
}

const AUTH = {
	authentication: 'genericCredentialType',
	genericAuthType: 'httpHeaderAuth',
};

/**
 * @param {{ id: string, n: number, prefix: string, apiBase: string, model: string,
 *   waitSeconds: number, width?: number, height?: number, batching?: boolean, oneByOne?: boolean }} spec
 */
function loopWorkflow(spec) {
	const creds = { credentials: { httpHeaderAuth: CREDENTIAL } };
	const sizeFields = spec.width ? `, width: ${spec.width}, height: ${spec.height}` : '';
	const prompts =
		`const items = [];\nfor (let i = 0; i < ${spec.n}; i++) {\n` +
		`  items.push({ json: { prompt: ${JSON.stringify(spec.prefix)} + ' #' + i + ': a lighthouse at dusk' } });\n` +
		`}\nreturn items;`;
	const nodes = [
		node('Start', 'manualTrigger', 1, 0, {}),
		node('Prompts', 'code', 2, 200, { jsCode: prompts }),
		node(
			'Submit',
			'httpRequest',
			4.2,
			400,
			{
				method: 'POST',
				url: `${spec.apiBase}/v1/${spec.model}`,
				...AUTH,
				sendBody: true,
				specifyBody: 'json',
				jsonBody: `={{ JSON.stringify({ prompt: $json.prompt${sizeFields} }) }}`,
				// What a careful user adds to stay under the cap: 24 requests, then 1 s, and so on.
				options: spec.batching
					? { batching: { batch: { batchSize: 24, batchInterval: 1000 } } }
					: {},
			},
			{ ...creds, onError: 'continueErrorOutput' },
		),
		node(
			'Wait',
			'wait',
			1.1,
			600,
			{ amount: spec.waitSeconds, unit: 'seconds' },
			{ webhookId: 'b1f1be00-0000-4000-8000-0000000000aa' },
		),
		node(
			'Poll',
			'httpRequest',
			4.2,
			800,
			{ url: "={{ $('Submit').item.json.polling_url }}", ...AUTH, options: {} },
			creds,
		),
		node('Ready?', 'if', 2.2, 1000, {
			conditions: {
				options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
				conditions: [
					{
						id: 'b1f1be00-0000-4000-8000-0000000000bb',
						leftValue: '={{ $json.status }}',
						rightValue: 'Ready',
						operator: { type: 'string', operation: 'equals' },
					},
				],
				combinator: 'and',
			},
			options: {},
		}),
		node('Download', 'httpRequest', 4.2, 1200, {
			url: '={{ $json.result.sample }}',
			options: { response: { response: { responseFormat: 'file' } } },
		}),
	];
	const to = (/** @type {string} */ name) => [{ node: name, type: 'main', index: 0 }];
	// (b3): Loop Over Items hands one item at a time to the same loop; Download goes back to it.
	if (spec.oneByOne) nodes.push(node('Loop Over Items', 'splitInBatches', 3, 300, { options: {} }));
	const start = spec.oneByOne ? 'Loop Over Items' : 'Submit';
	const oneByOne = spec.oneByOne
		? {
				'Loop Over Items': { main: [[], to('Submit')] },
				Download: { main: [to('Loop Over Items')] },
			}
		: {};
	return {
		id: spec.id,
		name: `Benchmark: HTTP Request + Wait loop, ${spec.n} items`,
		active: false,
		nodes,
		connections: {
			Start: { main: [to('Prompts')] },
			Prompts: { main: [to(start)] },
			Submit: { main: [to('Wait'), []] },
			Wait: { main: [to('Poll')] },
			Poll: { main: [to('Ready?')] },
			'Ready?': { main: [to('Download'), to('Wait')] },
			...oneByOne,
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** Runs of a node in an execute-batch snapshot: [{ startTime, executionTime, items }]. */
/**
 * @param {any} snapshot
 * @param {string} name
 * @returns {Array<{ start: number, end: number, items: any[], errors: any[] }>}
 */
function runsOf(snapshot, name) {
	const runs = snapshot?.data?.resultData?.runData?.[name] ?? [];
	return runs.map((/** @type {any} */ run) => ({
		start: run.startTime,
		end: run.startTime + (run.executionTime ?? 0),
		items: run.data?.main?.[0] ?? [],
		errors: run.data?.main?.[1] ?? [],
	}));
}

module.exports = { loopWorkflow, headerCredential, runsOf };
