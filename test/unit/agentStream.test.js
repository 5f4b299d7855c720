// @ts-check
/**
 * The e2e suite's stream checks (test/e2e/lib/agent/judge.js) on runs its agent phase recorded (a
 * streaming Webhook in front of the AI Agent): in n8n 2.41.1 with the agent's Enable Streaming on
 * (Chat Completions, Responses API) and off, and in 1.123.81 on Chat Completions. The recordings keep
 * the fields the checks read. Each check passes on a streamed run and fails where streaming is missing.
 */
const fs = require('node:fs');
const path = require('node:path');
const { judgeStream, streamedText } = require('../e2e/lib/agent/judge');

const API_KEY = 'e2e-agent-bfl-key-4242';
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'agentStream');

/** @param {string} name */
function recorded(name) {
	const r = JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8'));
	return { label: name, api: r.api, requests: r.requests, reads: r.reads, apiKey: API_KEY };
}

/** Whether each check passed, by the words after the label. @param {ReturnType<typeof recorded>} run */
function verdicts(run) {
	return Object.fromEntries(
		judgeStream(run).map(([name, ok]) => [name.slice(run.label.length + 2), ok]),
	);
}

const STREAM = 'the model was asked with stream: true and answered as a stream';
const READS = "n8n's HTTP body came in more than one read, the link in a later one";
const LINK = "the streamed text carries the tool's image link";
const KEY = 'the BFL key never reaches the streamed response';

it.each(['2.41.1-chat-on', '2.41.1-responses-on', '1.123.81-chat-on'])(
	'a streamed run (%s) passes every check',
	(name) => {
		expect(verdicts(recorded(name))).toEqual({
			[STREAM]: true,
			[READS]: true,
			[LINK]: true,
			[KEY]: true,
		});
	},
);

it("with the agent's Enable Streaming off, the stream: true check fails (and n8n streamed nothing)", () => {
	const off = recorded('2.41.1-chat-off');
	expect(off.requests.map((/** @type {any} */ q) => q.stream)).toEqual([false, false]);
	expect(verdicts(off)).toEqual({ [STREAM]: false, [READS]: false, [LINK]: false, [KEY]: true });
});

it('a body that arrived in one read fails the read check', () => {
	const on = recorded('2.41.1-chat-on');
	expect(verdicts({ ...on, reads: [on.reads.join('')] })[READS]).toBe(false);
});

it('a model asked to stream but answered in one body fails the stream check', () => {
	const on = recorded('2.41.1-responses-on');
	const requests = on.requests.map((/** @type {any} */ q, /** @type {number} */ i) =>
		i === 1 ? { ...q, answeredAs: 'json' } : q,
	);
	expect(verdicts({ ...on, requests })[STREAM]).toBe(false);
});

it('a stream whose text lacks the link, or carries the key, fails', () => {
	const on = recorded('2.41.1-chat-on');
	const link = JSON.parse(on.requests[1].toolResults[0])[0].imageUrl;
	const reads = on.reads.map((/** @type {string} */ r) => r.split(link).join(API_KEY));
	expect(verdicts({ ...on, reads })).toMatchObject({ [LINK]: false, [KEY]: false });
});

it("streamedText joins the agent's item lines and skips keepalives and other nodes", () => {
	const line = (/** @type {object} */ o) => `${JSON.stringify(o)}\n`;
	const agent = { nodeName: 'AI Agent' };
	const body = [
		line({ type: 'begin', metadata: agent }),
		line({ type: 'item', content: 'Here is ', metadata: agent }),
		'{"type":"keepalive"}\n',
		line({ type: 'item', content: 'ignored', metadata: { nodeName: 'Other' } }),
		line({ type: 'item', content: 'your picture', metadata: agent }),
		line({ type: 'end', metadata: agent }),
	].join('');
	expect(streamedText(body).text).toBe('Here is your picture');
});
