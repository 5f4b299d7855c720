// @ts-check
'use strict';

/**
 * The agent phases' judgement: one scenario from n8n's run data, the simulator's records and the fake
 * model's log (judgeScenario), and what only a streamed run has: the model asked to stream, and n8n's
 * streamed HTTP body read as it came (judgeStream). Both take records, never a running n8n.
 */

const { itemsOf, ranOk, short } = require('../examples/judge');

/** n8n's guidance for tool answers is a small JSON; the issue asks for at most about 1 KB per image. */
const MAX_ANSWER_BYTES = 1024;
/** The node whose text n8n streams: the agent of every agent workflow. */
const AGENT_NODE = 'AI Agent';

/**
 * @typedef {[string, boolean, string]} Check
 * @typedef {import('./fakeModel').ModelRequest} ModelRequest
 * @typedef {import('../n8n').N8nHome} N8nHome
 */

/** The model's requests of one scenario: those whose body holds its scene (as JSON escapes it). */
function requestsOf(/** @type {ModelRequest[]} */ requests, /** @type {string} */ scene) {
	const inBody = JSON.stringify(scene).slice(1, -1);
	return requests.filter((r) => r.raw.includes(inBody));
}

/** The tool's answer as the model read it, parsed. @param {ModelRequest[]} requests */
function answerOf(requests) {
	const raw = requests.flatMap((r) => r.toolResults)[0];
	if (raw === undefined) return { raw: '', answers: null };
	try {
		const parsed = JSON.parse(raw);
		return { raw, answers: Array.isArray(parsed) ? parsed : [parsed] };
	} catch {
		return { raw, answers: null };
	}
}

/**
 * Judges one scenario (or example 16) from the snapshot and the records.
 * @param {{ label: string, scene: string, byHand: boolean }} s @param {any} snap
 * @param {{ fake: any, model: { requests: ModelRequest[] }, apiKey: string, home: N8nHome }} ctx
 * @returns {Check[]}
 */
function judgeScenario(s, snap, ctx) {
	/** @type {Check[]} */
	const checks = [];
	const label = `agent ${s.label}`;
	if (!ranOk(checks, snap, { home: ctx.home, fake: ctx.fake, apiKey: ctx.apiKey }, label))
		return checks;
	// the scene as it appears inside a JSON body (example 16's has quotes)
	const requests = requestsOf(ctx.model.requests, s.scene);
	const submits = ctx.fake.stats().submitsByPrompt[s.scene] ?? 0;
	const calls = requests.filter((r) => r.reply === 'tool_call');
	checks.push([
		`${label}: exactly one submit, with the model's prompt`,
		submits === 1 && calls.length === 1,
		`${submits} submits of "${s.scene}", ${calls.length} tool calls, ${requests.length} model requests`,
	]);
	const tool = requests[0] && requests[0].tools.find((t) => /black|forest/i.test(t.name));
	const description = tool ? tool.description : '';
	const promptKey = s.byHand ? 'Prompt' : 'prompt';
	const prompt = tool && tool.parameters.properties && tool.parameters.properties[promptKey];
	checks.push([
		`${label}: the tool description reaches the model`,
		/FLUX/.test(description) && /imageUrl/.test(description) && /minutes/.test(description),
		short(description),
	]);
	checks.push([
		`${label}: the prompt parameter reaches the model${s.byHand ? '' : ' with its guidance'}`,
		Boolean(prompt) &&
			(s.byHand || /describe the picture itself/i.test(String(prompt.description))),
		short(prompt ?? tool?.parameters),
	]);
	const { raw, answers } = answerOf(requests);
	const a = answers && answers[0];
	const served = a && typeof a.taskId === 'string' ? ctx.fake.imageFor(a.taskId) : null;
	const sizePerImage = answers ? Buffer.byteLength(raw) / answers.length : Infinity;
	checks.push([
		`${label}: the answer is small JSON the model can act on`,
		Boolean(
			a &&
				a.ok === true &&
				a.imageUrl &&
				a.expiresAt &&
				a.mimeType === 'image/jpeg' &&
				served &&
				a.sizeBytes === served.length &&
				String(a.message).includes(a.imageUrl),
		) &&
			sizePerImage <= MAX_ANSWER_BYTES &&
			!/base64|"data"/.test(raw),
		`${Buffer.byteLength(raw)} bytes: ${short(raw)}`,
	]);
	const text = String((itemsOf(snap, AGENT_NODE) || [])[0]?.json?.output ?? '');
	checks.push([
		`${label}: the agent's reply carries the link`,
		Boolean(a && text.includes(a.imageUrl)),
		short(text),
	]);
	const leaked = ctx.model.requests.filter(
		(r) => r.raw.includes(ctx.apiKey) || r.authorization.includes(ctx.apiKey),
	);
	checks.push([
		`${label}: the BFL key never reaches the model`,
		leaked.length === 0,
		leaked.length
			? `${leaked.length} requests carry it`
			: `${ctx.model.requests.length} model requests checked`,
	]);
	return checks;
}

/**
 * n8n's streamed body (one JSON object a line: `begin`, `item` with text, `end`, and on 2.x a `keepalive`
 * every 30 s): the lines, and the text the agent streamed. @param {string} body
 */
function streamedText(body) {
	/** @type {any[]} */
	const lines = [];
	for (const line of body.split('\n').filter((l) => l.trim())) {
		try {
			lines.push(JSON.parse(line));
		} catch {
			lines.push({ type: 'unparsed', content: line });
		}
	}
	const text = lines
		.filter((l) => l.type === 'item' && l.metadata?.nodeName === AGENT_NODE)
		.map((l) => String(l.content ?? ''))
		.join('');
	return { lines, text };
}

/**
 * The checks of a streamed agent run: the model was asked with `stream: true` and answered as a stream;
 * n8n's HTTP body came in more than one read, the tool's link in a read after the first, and its text
 * carries that link; the BFL key is nowhere in it. `requests` are the fake model's records of this run,
 * `reads` the body's chunks in the order the client read them.
 * @param {{ label: string, api: 'chat' | 'responses', requests: ModelRequest[], reads: string[], apiKey: string }} r
 * @returns {Check[]}
 */
function judgeStream({ label, api, requests, reads, apiKey }) {
	const asked = requests.map((q) => `${q.api} stream:${q.stream} answered ${q.answeredAs}`);
	const streamedAll =
		requests.length >= 2 &&
		requests.every((q) => q.api === api && q.stream === true && q.answeredAs === 'sse');
	const { answers } = answerOf(requests);
	const link = String((answers && answers[0] && answers[0].imageUrl) || '');
	const body = reads.join('');
	const { lines, text } = streamedText(body);
	let seen = '';
	const linkRead = link ? reads.findIndex((r) => (seen += r).includes(link)) : -1;
	const types = [...new Set(lines.map((l) => l.type))].join(', ');
	return [
		[
			`${label}: the model was asked with stream: true and answered as a stream`,
			streamedAll,
			`${requests.length} model requests: ${asked.join('; ')}`,
		],
		[
			`${label}: n8n's HTTP body came in more than one read, the link in a later one`,
			reads.length > 1 && linkRead > 0,
			`${reads.length} reads, the link first in read ${linkRead + 1 || 'none'}; line types ${types || 'none'}`,
		],
		[
			`${label}: the streamed text carries the tool's image link`,
			Boolean(link) && text.includes(link) && lines.some((l) => l.type === 'begin'),
			`link ${short(link) || '(no tool answer)'}; streamed text ${short(text)}`,
		],
		[
			`${label}: the BFL key never reaches the streamed response`,
			!body.includes(apiKey),
			`${Buffer.byteLength(body)} bytes checked`,
		],
	];
}

module.exports = {
	MAX_ANSWER_BYTES,
	answerOf,
	judgeScenario,
	judgeStream,
	requestsOf,
	streamedText,
};
