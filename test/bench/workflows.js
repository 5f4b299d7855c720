// @ts-check
/**
 * The benchmark's workflows, all started the same way: a Webhook (GET ?n=N&run=PREFIX) → Code
 * (N prompts, each starting with PREFIX) → the scenario, answered when the execution ends.
 * - `node`: our node (Generate Image) with Concurrency 24; `node-c`: the same with Concurrency 1.
 * - `b`: the loop users build without a BFL node (BENCHMARKS.md says why): HTTP Request submits
 *   every item at once with a Header Auth credential (x-key) → Wait → HTTP Request GET
 *   polling_url → IF status == Ready → download the sample as a file; not Ready → back to Wait.
 *   The submit is set to "On Error: Continue (using error output)", the one-click setting that
 *   keeps the accepted items going when some get a 429 (with the default the first 429 ends the
 *   execution and nothing comes back).
 * - `b2`: `b` with HTTP Request's Batching on the submit (24 per batch, 1 s apart).
 * - `b3`: Loop Over Items (batch size 1) around the same loop; Download leads back to it.
 * - `b4`: the per-item retry loop of retryLoop.js.
 * - `video`: our node's Video → Generate (text to video), its MP4 streamed into binary storage (V).
 */
const { withCredential } = require('../e2e/lib/n8n');
const { retryLoop } = require('./retryLoop');

const HEADER_CREDENTIAL = { id: 'bflBenchHeader01', name: 'BFL x-key (benchmark)' };
const BFL_CREDENTIAL = { id: 'bflCredential01', name: 'Black Forest Labs account' };
const VARIANTS = ['node', 'node-c', 'b', 'b2', 'b3', 'b4', 'video'];

/** @param {string} apiKey */
function headerCredential(apiKey) {
	return [{ ...HEADER_CREDENTIAL, type: 'httpHeaderAuth', data: { name: 'x-key', value: apiKey } }];
}

/** @param {string} name @param {string} type @param {number} version @param {number} x @param {object} parameters */
function node(name, type, version, x, parameters, extra = {}) {
	return {
		parameters,
		id: `b1f1be00-0000-4000-8000-${String(x).padStart(12, '0')}`,
		name,
		type: type.includes('.') ? type : `n8n-nodes-base.${type}`,
		typeVersion: version,
		position: [x, 0],
		...extra,
	};
}

/** The webhook path of a variant. @param {string} variant */
const webhookPath = (variant) => `bfl-bench-${variant}`;

/** Webhook and Code: the items of every variant. @param {string} variant */
function start(variant) {
	const prompts =
		`const q = $input.first().json.query;\nconst items = [];\n` +
		`for (let i = 0; i < Number(q.n); i++) ` +
		// The execution's id tells which queue-mode worker submitted a task (measure.js workerShares).
		`items.push({ json: { prompt: q.run + ' #' + i + ' x' + $execution.id + ': a lighthouse at dusk' } });\nreturn items;`;
	return [
		node(
			'Webhook',
			'webhook',
			2,
			0,
			{
				httpMethod: 'GET',
				path: webhookPath(variant),
				responseMode: 'lastNode',
				responseData: 'allEntries',
				options: {},
			},
			{
				webhookId: `b1f1be00-0000-4000-8000-0000000e${String(VARIANTS.indexOf(variant)).padStart(4, '0')}`,
			},
		),
		node('Prompts', 'code', 2, 200, { jsCode: prompts }),
	];
}

const AUTH = { authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth' };
const to = (/** @type {string} */ name) => [{ node: name, type: 'main', index: 0 }];

/**
 * Video → Generate, text to video, with the node's own defaults but the Poll Interval; Max Download
 * Size only where the video is over its default of 1,024 MB. @param {number} pollIntervalS
 * @param {number} videoBytes
 */
function videoNode(pollIntervalS, videoBytes) {
	const mb = Math.ceil(videoBytes / 1048576);
	return node('Generate Video', 'n8n-nodes-bfl.bfl', 1, 400, {
		resource: 'video',
		operation: 'generate',
		videoMode: 't2v',
		prompt: '={{ $json.prompt }}',
		aspectRatio: '16:9',
		duration: '5',
		resolution: 'hd',
		generateAudio: false,
		additionalFields: {},
		options: {
			pollInterval: pollIntervalS,
			download: true,
			binaryPropertyName: 'data',
			...(mb > 1024 ? { maxDownloadSize: mb } : {}),
		},
	});
}

/**
 * @param {{ variant: string, apiBase: string, model: string, pollIntervalS: number,
 *   width?: number, height?: number, latencyMs?: number, videoBytes?: number }} spec
 */
function benchWorkflow(spec) {
	const { variant } = spec;
	const base = {
		id: `bflBench${VARIANTS.indexOf(variant)}${variant.replace(/[^a-z0-9]/gi, '')}`,
		name: `Benchmark ${variant}`,
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
	const size = spec.width ? { width: spec.width, height: spec.height } : {};
	if (variant === 'video') {
		const video = videoNode(spec.pollIntervalS, spec.videoBytes ?? 0);
		return withCredential({
			...base,
			nodes: [...start(variant), { ...video, credentials: { bflApi: BFL_CREDENTIAL } }],
			connections: {
				Webhook: { main: [to('Prompts')] },
				Prompts: { main: [to('Generate Video')] },
			},
		});
	}
	if (variant.startsWith('node')) {
		const options = {
			pollInterval: spec.pollIntervalS,
			download: true,
			binaryPropertyName: 'data',
			concurrency: variant === 'node-c' ? 1 : 24,
		};
		const bfl = node('Generate Image', 'n8n-nodes-bfl.bfl', 1, 400, {
			resource: 'image',
			operation: 'generate',
			model: spec.model,
			prompt: '={{ $json.prompt }}',
			...size,
			additionalFields: {},
			options,
		});
		const nodes = [...start(variant), { ...bfl, credentials: { bflApi: BFL_CREDENTIAL } }];
		return withCredential({
			...base,
			nodes,
			connections: {
				Webhook: { main: [to('Prompts')] },
				Prompts: { main: [to('Generate Image')] },
			},
		});
	}
	if (variant === 'b4') {
		const webhookId = `b1f1be00-0000-4000-8000-0000000c${String(VARIANTS.indexOf(variant)).padStart(4, '0')}`;
		const latencyMs = spec.latencyMs ?? 2000;
		return { ...base, ...retryLoop(loopGraph(spec, size), { latencyMs, webhookId }, node) };
	}
	return { ...base, ...loopGraph(spec, size) };
}

/**
 * @param {{ variant: string, apiBase: string, model: string, pollIntervalS: number }} spec
 * @param {{ width?: number, height?: number }} size
 */
function loopGraph(spec, size) {
	const creds = { credentials: { httpHeaderAuth: HEADER_CREDENTIAL } };
	const sizeFields = size.width ? `, width: ${size.width}, height: ${size.height}` : '';
	const nodes = [
		...start(spec.variant),
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
				options:
					spec.variant === 'b2'
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
			{ amount: spec.pollIntervalS, unit: 'seconds' },
			{
				webhookId: `b1f1be00-0000-4000-8000-0000000a${String(VARIANTS.indexOf(spec.variant)).padStart(4, '0')}`,
			},
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
	const oneByOne = spec.variant === 'b3';
	if (oneByOne) nodes.push(node('Loop Over Items', 'splitInBatches', 3, 300, { options: {} }));
	return {
		nodes,
		connections: {
			Webhook: { main: [to('Prompts')] },
			Prompts: { main: [to(oneByOne ? 'Loop Over Items' : 'Submit')] },
			Submit: { main: [to('Wait'), []] },
			Wait: { main: [to('Poll')] },
			Poll: { main: [to('Ready?')] },
			'Ready?': { main: [to('Download'), to('Wait')] },
			...(oneByOne
				? {
						'Loop Over Items': { main: [[], to('Submit')] },
						Download: { main: [to('Loop Over Items')] },
					}
				: {}),
		},
	};
}

module.exports = { benchWorkflow, headerCredential, webhookPath, VARIANTS, HEADER_CREDENTIAL };
