// @ts-check
'use strict';

/**
 * Streaming through n8n's agent: Webhook (POST, Respond "Streaming", v2.1) → AI Agent (Enable Streaming)
 * with the OpenAI Chat Model on the fake model and the zero-config Black Forest Labs tool, served by
 * `n8n start`. The suite POSTs the user's message and reads n8n's body as it comes. The fake model holds
 * its final text until the first read arrived, so a body n8n streams arrives in more than one read and a
 * buffered one cannot pass. A third workflow turns the agent's streaming off: it still makes its picture,
 * and must fail the stream checks (the proof that they can fail).
 */

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { scenarioWorkflow } = require('./workflows');
const { judgeScenario, judgeStream, requestsOf } = require('./judge');
const { executionsOf } = require('../db');
const { startN8n, waitFor } = require('../wait');
const { short } = require('../examples/judge');

/** A streamed agent run: the model's two turns, the tool and the simulator's latency, well inside. */
const POST_TIMEOUT_MS = 3 * 60000;
/** One registration probe; n8n answers it at once. */
const PROBE_TIMEOUT_MS = 5000;

/**
 * @typedef {import('./workflows').Scenario & { path: string, streaming: boolean }} StreamScenario
 * @typedef {import('./fakeModel').ModelRequest} ModelRequest
 */

/** @type {StreamScenario[]} */
const STREAM_SCENARIOS = [
	{
		id: 'bflAgent04StreamChat',
		label: 'streamed webhook, Chat Completions',
		api: 'chat',
		scene: 'a hot air balloon over lavender fields, morning haze, film photo',
		toolParameters: {},
		byHand: false,
		path: 'bfl-agent-stream-chat',
		streaming: true,
	},
	{
		id: 'bflAgent05StreamResp',
		label: 'streamed webhook, Responses API',
		api: 'responses',
		scene: 'a fox asleep in a library armchair, lamp light, oil painting',
		toolParameters: {},
		byHand: false,
		path: 'bfl-agent-stream-resp',
		streaming: true,
	},
	{
		id: 'bflAgent06StreamOff',
		label: "streamed webhook, the agent's streaming off",
		api: 'chat',
		scene: 'a glass greenhouse in the snow, blue hour, wide angle',
		toolParameters: {},
		byHand: false,
		path: 'bfl-agent-stream-off',
		streaming: false,
	},
];

/** The scenario's workflow with a streaming Webhook in place of Manual Trigger → Set. @param {StreamScenario} s */
function streamWorkflow(s) {
	const wf = /** @type {any} */ (scenarioWorkflow(s));
	const agent = wf.nodes.find((/** @type {any} */ n) => n.name === 'AI Agent');
	agent.parameters.text = '={{ $json.body.message }}';
	agent.parameters.options = { enableStreaming: s.streaming, returnIntermediateSteps: true };
	const start = wf.nodes.find((/** @type {any} */ n) => n.name === 'Start');
	Object.assign(start, {
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2.1,
		webhookId: start.id,
		parameters: { httpMethod: 'POST', path: s.path, responseMode: 'streaming', options: {} },
	});
	wf.nodes = wf.nodes.filter((/** @type {any} */ n) => n.name !== 'Message');
	delete wf.connections.Start;
	delete wf.connections.Message;
	wf.connections.Webhook = { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] };
	return wf;
}

/**
 * One HTTP request on loopback, ended by `timeoutMs` at the latest; `onRead` sees each body chunk as it
 * is read.
 * @param {string} url @param {{ method: string, headers?: Record<string, string>, body?: string, timeoutMs: number }} req
 * @param {(chunk: string) => void} [onRead]
 * @returns {Promise<{ status: number, headers: http.IncomingHttpHeaders, reads: string[] }>}
 */
function request(url, req, onRead) {
	return new Promise((resolve, reject) => {
		const r = http.request(url, { method: req.method, headers: req.headers }, (res) => {
			/** @type {string[]} */
			const reads = [];
			res.setEncoding('utf8');
			res.on('data', (chunk) => {
				reads.push(chunk);
				if (onRead) onRead(chunk);
			});
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, reads }));
			res.on('error', reject);
		});
		const timer = setTimeout(
			() => r.destroy(new Error(`no end within ${req.timeoutMs} ms`)),
			req.timeoutMs,
		);
		r.on('close', () => clearTimeout(timer));
		r.on('error', reject);
		r.end(req.body);
	});
}

/** Whether n8n serves the POST webhook: a CORS preflight is answered 204 once it is registered, 404 before. */
async function registered(/** @type {string} */ url) {
	const preflight = { Origin: 'http://127.0.0.1', 'Access-Control-Request-Method': 'POST' };
	const probe = { method: 'OPTIONS', headers: preflight, timeoutMs: PROBE_TIMEOUT_MS };
	return (await request(url, probe)).status === 204;
}

/**
 * Posts the scenario's message, holding the model's final text until n8n's first chunk was read, and
 * judges the run: judgeScenario on its execution (read from the database), judgeStream on the body.
 * @param {StreamScenario} s @param {{ base: string, home: import('../n8n').N8nHome, fake: any,
 *   model: any, apiKey: string, logFile: string }} ctx @returns {Promise<import('./judge').Check[]>}
 */
async function streamScenario(s, ctx) {
	const label = `agent ${s.label}`;
	const url = `${ctx.base}/webhook/${s.path}`;
	const ready = await waitFor(() => registered(url), 60000, 500);
	if (!ready)
		return [
			[`${label}: webhook registered`, false, `no 204 to OPTIONS ${url} (log ${ctx.logFile})`],
		];
	/** @type {() => void} */
	let firstRead = () => undefined;
	const read = new Promise((resolve) => (firstRead = () => resolve(undefined)));
	ctx.model.setHoldText((/** @type {ModelRequest} */ q) => (q.stream ? read : Promise.resolve()));
	let res;
	try {
		res = await request(
			url,
			{
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ message: `Draw: ${s.scene}` }),
				timeoutMs: POST_TIMEOUT_MS,
			},
			firstRead,
		);
	} catch (err) {
		return [[`${label}: the webhook answered`, false, String(/** @type {Error} */ (err).message)]];
	} finally {
		firstRead();
		ctx.model.setHoldText(null);
	}
	const runs = await waitFor(
		async () => {
			const rows = await executionsOf(ctx.home.release, ctx.home.home, s.id);
			return rows.length && rows.every((r) => r.status !== 'running' && r.status !== 'new') && rows;
		},
		60000,
		500,
	);
	const run = runs && runs[runs.length - 1];
	const snap = run ? { status: run.status, data: run.data } : null;
	const requests = requestsOf(ctx.model.requests, s.scene);
	fs.writeFileSync(
		path.join(ctx.home.dir, `stream-${s.id}.json`),
		JSON.stringify(
			{ status: res.status, headers: res.headers, reads: res.reads, requests },
			null,
			2,
		),
	);
	const streamChecks = judgeStream({
		label,
		api: s.api,
		requests,
		reads: res.reads,
		apiKey: ctx.apiKey,
	});
	/** @type {import('./judge').Check[]} */
	const checks = [
		[
			`${label}: one execution, HTTP 200 with n8n's streaming headers`,
			Boolean(runs && runs.length === 1) &&
				res.status === 200 &&
				/chunked/.test(String(res.headers['transfer-encoding'])),
			`${runs ? runs.length : 0} executions; HTTP ${res.status}, ${short(res.headers['content-type'])}, ${short(res.headers['transfer-encoding'])}`,
		],
		...judgeScenario(s, snap, ctx),
	];
	if (s.streaming) return [...checks, ...streamChecks];
	const failed = streamChecks.filter(([, ok]) => !ok).map(([name]) => name.slice(label.length + 2));
	return [
		...checks,
		[
			`${label}: the stream checks fail (the model was not asked to stream)`,
			failed.some((n) => n.includes('stream: true')),
			`failed: ${failed.join('; ') || 'none'}; ${short(streamChecks[0][2])}; the body: ${res.reads.length} reads`,
		],
	];
}

/**
 * Publishes the streaming workflows (n8n stopped), starts n8n, runs each scenario, stops n8n.
 * @param {{ home: import('../n8n').N8nHome, fake: any, model: any, apiKey: string,
 *   say: (l: string) => void, check: (n: string, ok: boolean, d: string) => void, label: string }} o
 */
async function runStreaming({ home, fake, model, apiKey, say, check, label }) {
	for (const s of STREAM_SCENARIOS) await home.publish(s.id);
	const n8n = await startN8n(home, 'n8n-start-stream');
	try {
		for (const s of STREAM_SCENARIOS) {
			say(`${label} POST ${s.path}, reading the streamed answer`);
			const ctx = { base: n8n.base, home, fake, model, apiKey, logFile: n8n.logFile };
			for (const [name, ok, detail] of await streamScenario(s, ctx))
				check(`${label} ${name}`, ok, detail);
		}
	} finally {
		await n8n.stop(15000);
	}
}

module.exports = { STREAM_SCENARIOS, streamWorkflow, runStreaming };
