// @ts-check
'use strict';

/**
 * A scripted OpenAI-compatible model on loopback, for n8n's real Tools Agent with an OpenAI Chat Model
 * node whose credential's base URL points here. It answers Chat Completions (`POST /v1/chat/completions`)
 * and the Responses API (`POST /v1/responses`), each with and without `stream: true`, and logs what it was
 * offered (tools, their descriptions and argument schemas) and what each tool answered.
 *
 * The script: while the conversation holds no tool result, it calls the offered tool whose name matches
 * /black|bfl|forest/i once. The user's message says what to draw after "Draw:", and that text is the
 * argument `prompt` (and `Prompt`, the key n8n's "let the model define this" button writes); every other
 * argument the schema names gets its default, else a type-shaped value. Once a tool answered, it replies
 * with text quoting the first link in the answer. A test may hold that text answer (`setHoldText`) until
 * it lets it go, to see n8n stream what came before it.
 */

const http = require('node:http');
const { reply, json } = require('./wire');

/**
 * @typedef {{ name: string, description: string, parameters: Record<string, any> }} OfferedTool
 * @typedef {{
 *   api: 'chat' | 'responses', stream: boolean, tools: OfferedTool[], toolResults: string[],
 *   reply: 'tool_call' | 'text', callArgs?: Record<string, unknown>, raw: string, authorization: string,
 *   answeredAs?: 'sse' | 'json',
 * }} ModelRequest
 */

/** Offered tools, in one shape for both APIs. @param {any} body @param {'chat' | 'responses'} api */
function offeredTools(body, api) {
	return (Array.isArray(body.tools) ? body.tools : []).map((/** @type {any} */ tool) => {
		const fn = api === 'chat' ? (tool.function ?? {}) : tool;
		return {
			name: String(fn.name ?? ''),
			description: String(fn.description ?? ''),
			parameters: fn.parameters ?? {},
		};
	});
}

/** What tools answered so far in the conversation. @param {any} body @param {'chat' | 'responses'} api */
function toolResults(body, api) {
	if (api === 'chat')
		return (body.messages ?? [])
			.filter((/** @type {any} */ m) => m.role === 'tool')
			.map((/** @type {any} */ m) =>
				typeof m.content === 'string' ? m.content : JSON.stringify(m.content),
			);
	const input = Array.isArray(body.input) ? body.input : [];
	return input
		.filter((/** @type {any} */ item) => item && item.type === 'function_call_output')
		.map((/** @type {any} */ item) =>
			typeof item.output === 'string' ? item.output : JSON.stringify(item.output),
		);
}

/** The last user message's text. @param {any} body @param {'chat' | 'responses'} api */
function userText(body, api) {
	const list = api === 'chat' ? (body.messages ?? []) : Array.isArray(body.input) ? body.input : [];
	const users = list.filter((/** @type {any} */ m) => m && m.role === 'user');
	const content = users.length
		? users[users.length - 1].content
		: typeof body.input === 'string'
			? body.input
			: '';
	if (typeof content === 'string') return content;
	return (Array.isArray(content) ? content : [])
		.map((/** @type {any} */ part) => part.text ?? '')
		.join(' ');
}

/** The call's arguments: the script's, plus a value for every other argument the schema names. */
function argumentsFor(
	/** @type {OfferedTool} */ tool,
	/** @type {Record<string, unknown>} */ args,
) {
	/** @type {Record<string, unknown>} */
	const out = {};
	for (const [key, schema] of Object.entries(tool.parameters.properties ?? {})) {
		if (key in args) out[key] = args[key];
		else if (schema && schema.default !== undefined) out[key] = schema.default;
		else
			out[key] =
				schema && schema.type === 'number' ? 1 : schema && schema.type === 'boolean' ? false : '';
	}
	return out;
}

/** @param {string} text */
const firstLink = (text) => (text.match(/https?:\/\/[^\s"'\\]+/) ?? [''])[0];

/**
 * Starts the model on a free loopback port; `requests` grows with every call.
 */
async function startFakeModel() {
	/** @type {ModelRequest[]} */
	const requests = [];
	/** @type {{ holdText: null | ((request: ModelRequest) => Promise<void>) }} */
	const model = { holdText: null };
	const toolName = /black|bfl|forest/i;
	const server = http.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			const path = (req.url ?? '').split('?')[0];
			const api = path.endsWith('/chat/completions')
				? 'chat'
				: path.endsWith('/responses')
					? 'responses'
					: null;
			if (req.method === 'GET' && path.endsWith('/models'))
				return json(res, {
					object: 'list',
					data: [{ id: 'fake-model', object: 'model', owned_by: 'test' }],
				});
			if (req.method !== 'POST' || !api)
				return json(res, { error: { message: `not served: ${path}` } }, 404);
			let body;
			try {
				body = JSON.parse(raw);
			} catch {
				return json(res, { error: { message: 'body is not JSON' } }, 400);
			}
			const tools = offeredTools(body, api);
			const results = toolResults(body, api);
			const stream = body.stream === true;
			/** @type {ModelRequest} */
			const logged = {
				api,
				stream,
				tools,
				toolResults: results,
				reply: 'text',
				raw,
				authorization: String(req.headers.authorization ?? ''),
			};
			requests.push(logged);
			const tool = tools.find((/** @type {OfferedTool} */ t) => toolName.test(t.name));
			if (!results.length && tool) {
				const scene = (userText(body, api).split('Draw:')[1] ?? '').trim();
				const args = argumentsFor(tool, { prompt: scene, Prompt: scene, numberOfImages: 1 });
				logged.reply = 'tool_call';
				logged.callArgs = args;
				return (logged.answeredAs = reply(res, api, stream, {
					call: { name: tool.name, args: JSON.stringify(args) },
				}));
			}
			const link = firstLink(results.join('\n'));
			const text = link ? `Here is your picture: ${link}` : 'I could not make the picture.';
			const hold = model.holdText;
			const held = Promise.resolve(hold && hold(logged)).catch(() => undefined);
			return void held.then(() => {
				logged.answeredAs = reply(res, api, stream, { text });
			});
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		baseUrl: `http://127.0.0.1:${port}/v1`,
		requests,
		/** Holds each text answer until the promise `hold` returns settles; null answers at once. */
		setHoldText: (/** @type {null | ((request: ModelRequest) => Promise<void>)} */ hold) => {
			model.holdText = hold;
		},
		close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
	};
}

module.exports = { startFakeModel };
