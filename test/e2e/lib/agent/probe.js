// @ts-check
'use strict';

/**
 * Run by the e2e agent phase with a release's own Node and `node_modules`: drives the fake model through
 * that release's `@langchain/openai` (the client n8n's OpenAI Chat Model node builds) on both APIs, streamed
 * and not, and prints one JSON line per mode: the tool call it parsed and the text after the tool's answer.
 *
 *   node probe.js <release node_modules> <model base URL>
 */

const path = require('node:path');

async function main() {
	const [modules, baseURL] = process.argv.slice(2);
	const { ChatOpenAI } = require(path.join(modules, '@langchain/openai'));
	const tool = {
		type: 'function',
		function: {
			name: 'Black_Forest_Labs',
			description: 'Makes a picture',
			parameters: {
				type: 'object',
				properties: { prompt: { type: 'string' } },
				required: ['prompt'],
			},
		},
	};
	for (const useResponsesApi of [false, true]) {
		for (const streaming of [false, true]) {
			const model = new ChatOpenAI({
				apiKey: 'sk-probe',
				model: 'fake-model',
				configuration: { baseURL },
				useResponsesApi,
				streaming,
			}).bindTools([tool]);
			const ask = { role: 'user', content: 'Draw: a probe picture' };
			const first = await model.invoke([ask]);
			const call = first.tool_calls && first.tool_calls[0];
			const answer = '[{"ok":true,"imageUrl":"https://probe.invalid/p.jpeg"}]';
			const second = call
				? await model.invoke([ask, first, { role: 'tool', tool_call_id: call.id, content: answer }])
				: null;
			const text = second ? JSON.stringify(second.content) : '';
			process.stdout.write(
				`${JSON.stringify({ api: useResponsesApi ? 'responses' : 'chat', streaming, call: call ? { name: call.name, args: call.args } : null, text })}\n`,
			);
		}
	}
}

main().catch((err) => {
	process.stderr.write(`${err && err.stack}\n`);
	process.exit(1);
});
