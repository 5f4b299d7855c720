// @ts-check
'use strict';

/**
 * How the fake model answers on the wire: OpenAI's Chat Completions and Responses API bodies, each whole
 * or as server-sent events (`stream: true`), in the shapes `@langchain/openai` reads.
 */

const http = require('node:http');

/** Non-streamed bodies. */
const chatBody = (/** @type {any} */ message) => ({
	id: 'chatcmpl-fake',
	object: 'chat.completion',
	created: 1_765_000_000,
	model: 'fake-model',
	choices: [{ index: 0, message, finish_reason: message.tool_calls ? 'tool_calls' : 'stop' }],
	usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
});
const responseBody = (/** @type {any[]} */ output) => ({
	id: 'resp_fake',
	object: 'response',
	created_at: 1_765_000_000,
	status: 'completed',
	model: 'fake-model',
	output,
	usage: { input_tokens: 10, output_tokens: 10, total_tokens: 20 },
});

/** Server-sent events for a streamed answer. @param {http.ServerResponse} res @param {Array<[string | null, any]>} events @returns {'sse'} */
function sse(res, events) {
	res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
	for (const [event, data] of events)
		res.write(
			`${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`,
		);
	res.end();
	return 'sse';
}

/**
 * Answers in the API's shape; returns how: `sse` (a stream) or `json` (one body).
 * @param {http.ServerResponse} res @param {'chat' | 'responses'} api @param {boolean} stream @param {{ call?: { name: string, args: string }, text?: string }} answer
 */
function reply(res, api, stream, answer) {
	const { call, text } = answer;
	if (api === 'chat') {
		const toolCalls = call && [
			{ id: 'call_fake_1', type: 'function', function: { name: call.name, arguments: call.args } },
		];
		const message = call
			? { role: 'assistant', content: null, tool_calls: toolCalls }
			: { role: 'assistant', content: text };
		if (!stream) return json(res, chatBody(message));
		const chunk = (/** @type {any} */ delta, /** @type {string | null} */ finish) => [
			null,
			{
				id: 'chatcmpl-fake',
				object: 'chat.completion.chunk',
				created: 1_765_000_000,
				model: 'fake-model',
				choices: [{ index: 0, delta, finish_reason: finish }],
			},
		];
		const deltas = toolCalls
			? [
					chunk(
						{ role: 'assistant', content: null, tool_calls: [{ index: 0, ...toolCalls[0] }] },
						null,
					),
					chunk({}, 'tool_calls'),
				]
			: [chunk({ role: 'assistant', content: text }, null), chunk({}, 'stop')];
		return sse(res, /** @type {Array<[string | null, any]>} */ ([...deltas, [null, '[DONE]']]));
	}
	const item = call
		? {
				type: 'function_call',
				id: 'fc_fake_1',
				call_id: 'call_fake_1',
				name: call.name,
				arguments: call.args,
				status: 'completed',
			}
		: {
				type: 'message',
				id: 'msg_fake_1',
				role: 'assistant',
				status: 'completed',
				content: [{ type: 'output_text', text, annotations: [] }],
			};
	const full = responseBody([item]);
	if (!stream) return json(res, full);
	const events = /** @type {Array<[string, any]>} */ ([
		[
			'response.created',
			{ type: 'response.created', response: { ...full, status: 'in_progress', output: [] } },
		],
		[
			'response.output_item.added',
			{
				type: 'response.output_item.added',
				output_index: 0,
				item: call ? { ...item, arguments: '' } : { ...item, content: [] },
			},
		],
		call
			? [
					'response.function_call_arguments.delta',
					{
						type: 'response.function_call_arguments.delta',
						output_index: 0,
						item_id: item.id,
						delta: call.args,
					},
				]
			: [
					'response.output_text.delta',
					{
						type: 'response.output_text.delta',
						output_index: 0,
						item_id: item.id,
						content_index: 0,
						delta: text,
					},
				],
		['response.output_item.done', { type: 'response.output_item.done', output_index: 0, item }],
		['response.completed', { type: 'response.completed', response: full }],
	]);
	return sse(res, events);
}

/** @param {http.ServerResponse} res @param {unknown} body @param {number} [status] @returns {'json'} */
function json(res, body, status = 200) {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body));
	return 'json';
}

module.exports = { reply, json };
