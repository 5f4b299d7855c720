// @ts-check
'use strict';

const crypto = require('node:crypto');
const http = require('node:http');
const { startFakeBfl, manualClock } = require('./index');
const { submit, pollUntilDone, getJson } = require('./testHelpers');
const { waitFor } = require('../helpers/wait');

/** @type {import('./index').FakeBfl} */
let fake;

beforeAll(async () => {
	fake = await startFakeBfl({ latencyMs: 200, clock: manualClock() });
});
afterAll(() => fake.close());

test.each([
	[
		'[request-moderated]',
		'Request Moderated',
		{ 'Moderation Reasons': ['Derivative Works Filter'] },
	],
	[
		'[content-moderated]',
		'Content Moderated',
		{ 'Moderation Reasons': ['Derivative Works Filter'] },
	],
	['[error]', 'Error', { error: 'Internal generation failure' }],
	['[failed]', 'Failed', null],
])('%s → terminal "%s" at the end of the latency', async (tag, status, details) => {
	const { json } = await submit(fake, 'flux-2-pro', { prompt: `a scene ${tag}` });
	expect((await getJson(json.polling_url)).json).toMatchObject({
		status: expect.stringMatching(/^(Pending|Reasoning|Generating)$/),
		details: null,
	});
	const task = fake.tasks.get(json.id);
	fake.advance(199);
	expect(task && task.status).not.toBe(status);
	fake.advance(1);
	expect(task && task.status).toBe(status);
	const { body } = await pollUntilDone(json.polling_url, { fake });
	expect(body).toEqual({
		id: json.id,
		status,
		result: null,
		progress: null,
		details,
		preview: null,
	});
	expect(fake.imageFor(json.id)).toBeNull();
});

describe('webhooks', () => {
	/** @type {http.Server} */
	let receiver;
	/** @type {Array<{ headers: http.IncomingHttpHeaders, raw: string }>} */
	const received = [];
	let hookUrl = '';

	beforeAll(async () => {
		receiver = http.createServer((req, res) => {
			let raw = '';
			req.on('data', (c) => (raw += c));
			req.on('end', () => {
				received.push({ headers: req.headers, raw });
				res.statusCode = req.url === '/fail' ? 500 : 200;
				res.end('ok');
			});
		});
		await new Promise((resolve) => receiver.listen(0, '127.0.0.1', () => resolve(undefined)));
		hookUrl = `http://127.0.0.1:${/** @type {import('net').AddressInfo} */ (receiver.address()).port}`;
	});
	afterAll(() => new Promise((resolve) => receiver.close(() => resolve(undefined))));
	beforeEach(() => {
		received.length = 0;
		fake.resetStats();
	});

	/** @param {number} n */
	async function waitForDeliveries(n) {
		await waitFor(() => received.length >= n, `${n} webhook deliveries`);
		expect(received).toHaveLength(n);
	}

	/** The receiver sees the body before the fake sees the answer, so outcomes land in stats a moment later. */
	async function waitForOutcomes(/** @type {number} */ n) {
		const settled = () => fake.stats().webhooksSent + fake.stats().webhookFailures.length;
		await waitFor(() => settled() >= n, `${n} webhook outcomes`);
		expect(settled()).toBe(n);
	}

	test('with webhook_url: submit has no polling_url; Ready is POSTed, signed with the secret', async () => {
		const res = await submit(fake, 'flux-2-pro', {
			prompt: 'hook',
			seed: 7,
			webhook_url: `${hookUrl}/hook`,
			webhook_secret: 's3cret',
		});
		expect(res.json).toEqual({
			id: expect.any(String),
			status: 'Pending',
			webhook_url: `${hookUrl}/hook`,
			cost: expect.any(Number),
			input_mp: 0,
			output_mp: 1.05,
		});
		fake.advance(200);
		await waitForDeliveries(1);
		const [{ headers, raw }] = received;
		const payload = JSON.parse(raw);
		expect(payload).toEqual({
			id: res.json.id,
			status: 'Ready',
			result: expect.objectContaining({
				sample: expect.stringContaining(fake.deliveryBase),
				prompt: 'hook',
				seed: 7,
			}),
		});
		const expected = `sha256=${crypto.createHmac('sha256', 's3cret').update(raw).digest('hex')}`;
		expect(headers['x-bfl-signature']).toBe(expected);
		expect(headers['content-type']).toBe('application/json');
		await waitForOutcomes(1);
		expect(fake.stats().webhooksSent).toBe(1);
	});

	test('unsigned without a secret; moderated tasks are delivered too; failures land in stats', async () => {
		await submit(fake, 'flux-2-klein-4b', { prompt: 'x', webhook_url: `${hookUrl}/plain` });
		await submit(fake, 'flux-2-klein-4b', {
			prompt: 'x [content-moderated]',
			webhook_url: `${hookUrl}/fail`,
		});
		const dead = await submit(fake, 'flux-2-klein-4b', {
			prompt: 'x',
			webhook_url: 'http://127.0.0.1:9/closed',
		});
		fake.advance(200);
		await waitForDeliveries(2);
		await waitForOutcomes(3);
		const plain = received.find(
			(r) => r.headers['x-bfl-signature'] === undefined && JSON.parse(r.raw).status === 'Ready',
		);
		expect(plain).toBeDefined();
		const moderated = received
			.map((r) => JSON.parse(r.raw))
			.find((p) => p.status === 'Content Moderated');
		expect(moderated.details).toEqual({ 'Moderation Reasons': ['Derivative Works Filter'] });
		const failures = fake.stats().webhookFailures;
		expect(failures).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ url: `${hookUrl}/fail`, error: 'HTTP 500' }),
				expect.objectContaining({ taskId: dead.json.id, url: 'http://127.0.0.1:9/closed' }),
			]),
		);
		expect(fake.stats().webhooksSent).toBe(1);
	});

	test('a webhook task can still be polled on apiBase', async () => {
		const res = await submit(fake, 'flux-dev', { prompt: 'x', webhook_url: `${hookUrl}/x` });
		const { body } = await pollUntilDone(`${fake.apiBase}/v1/get_result?id=${res.json.id}`, {
			fake,
		});
		expect(body.status).toBe('Ready');
		await waitForDeliveries(1);
		await waitForOutcomes(1);
	});
});
