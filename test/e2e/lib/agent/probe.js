// @ts-check
'use strict';

/**
 * Run by the e2e agent phase with a release's own Node and `node_modules`: drives the fake model through
 * that release's `openai` SDK (the one `@langchain/openai` loads, under n8n's OpenAI Chat Model node) on both APIs, streamed and
 * not, and prints one JSON line per mode: the tool call it read and the text after the tool's answer.
 *
 *   node probe.js <release node_modules> <model base URL>
 */

const path = require('node:path');

const TOOL = {
	name: 'Black_Forest_Labs',
	description: 'Makes a picture',
	parameters: { type: 'object', properties: { prompt: { type: 'string' } }, required: ['prompt'] },
};
const ASK = 'Draw: a probe picture';
const ANSWER = '[{"ok":true,"imageUrl":"https://probe.invalid/p.jpeg"}]';

/** Chat Completions: the tool call, then the text once the tool answered. @param {any} client @param {boolean} stream */
async function chat(client, stream) {
	const tools = [{ type: 'function', function: TOOL }];
	const ask = { role: 'user', content: ASK };
	/** @param {any[]} messages */
	const send = async (messages) => {
		const res = await client.chat.completions.create({
			model: 'fake-model',
			messages,
			tools,
			stream,
		});
		if (!stream) return res.choices[0].message;
		const message = { role: 'assistant', content: '', tool_calls: /** @type {any[]} */ ([]) };
		for await (const chunk of res) {
			const delta = chunk.choices[0]?.delta ?? {};
			if (delta.content) message.content += delta.content;
			for (const call of delta.tool_calls ?? []) message.tool_calls[call.index] = call;
		}
		return message;
	};
	const first = await send([ask]);
	const call = first.tool_calls && first.tool_calls[0];
	if (!call) return { call: null, text: '' };
	const second = await send([ask, first, { role: 'tool', tool_call_id: call.id, content: ANSWER }]);
	return {
		call: { name: call.function.name, args: JSON.parse(call.function.arguments) },
		text: String(second.content),
	};
}

/** The Responses API, the same two turns. @param {any} client @param {boolean} stream */
async function responses(client, stream) {
	const tools = [{ type: 'function', ...TOOL }];
	/** @param {any[]} input */
	const send = async (input) => {
		const res = await client.responses.create({ model: 'fake-model', input, tools, stream });
		if (!stream) return res;
		let done = null;
		for await (const event of res) if (event.type === 'response.completed') done = event.response;
		return done;
	};
	const first = await send([{ role: 'user', content: ASK }]);
	const call = first && first.output.find((/** @type {any} */ o) => o.type === 'function_call');
	if (!call) return { call: null, text: '' };
	const second = await send([
		{ role: 'user', content: ASK },
		call,
		{ type: 'function_call_output', call_id: call.call_id, output: ANSWER },
	]);
	const text = second.output
		.flatMap((/** @type {any} */ o) => o.content ?? [])
		.map((/** @type {any} */ c) => c.text)
		.join('');
	return { call: { name: call.name, args: JSON.parse(call.arguments) }, text };
}

async function main() {
	const [modules, baseURL] = process.argv.slice(2);
	// the copy @langchain/openai itself loads (1.123.81 nests it there)
	const sdk = require(
		require.resolve('openai', { paths: [path.join(modules, '@langchain', 'openai')] }),
	);
	const OpenAI = sdk.OpenAI ?? sdk.default ?? sdk;
	const client = new OpenAI({ apiKey: 'sk-probe', baseURL, maxRetries: 0, timeout: 20000 });
	for (const api of ['chat', 'responses'])
		for (const streaming of [false, true]) {
			const got =
				api === 'chat' ? await chat(client, streaming) : await responses(client, streaming);
			process.stdout.write(`${JSON.stringify({ api, streaming, ...got })}\n`);
		}
}

main().catch((err) => {
	process.stderr.write(`${err && err.stack}\n`);
	process.exit(1);
});
