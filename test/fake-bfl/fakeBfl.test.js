// @ts-check
'use strict';

const { startFakeBfl, manualClock } = require('./index');
const { waitFor } = require('../helpers/wait');
const { KEY, submit, getJson, pollUntilDone, download, imageDimensions } = require('./testHelpers');

/** @type {import('./index').FakeBfl} */
let fake;

beforeAll(async () => {
	fake = await startFakeBfl({
		apiKey: KEY,
		latencyMs: 150,
		inFlightStatuses: ['Pending', 'Generating'],
		clock: manualClock(),
	});
});
afterAll(() => fake.close());
beforeEach(() => {
	fake.configure({
		latencyMs: 150,
		credits: 1000,
		notFoundPolls: 0,
		inFlightStatuses: ['Pending', 'Generating'],
	});
	fake.clearFaults();
	fake.resetStats();
});

describe('hosts and auth', () => {
	test('four servers: api, poll and delivery on different ports, untrusted on the hostname localhost', () => {
		const ports = [fake.apiBase, fake.pollBase, fake.deliveryBase, fake.untrustedBase].map(
			(b) => new URL(b).port,
		);
		expect(new Set(ports).size).toBe(4);
		expect(new URL(fake.apiBase).hostname).toBe('127.0.0.1');
		expect(new URL(fake.untrustedBase).hostname).toBe('localhost');
	});

	test.each([
		['missing', {}],
		['wrong', { 'x-key': 'nope' }],
	])('%s x-key → 401 on submit, credits and poll', async (_, headers) => {
		expect((await submit(fake, 'flux-2-pro', { prompt: 'a' }, headers)).json).toEqual({
			detail: 'Invalid or missing API key',
		});
		expect((await getJson(`${fake.apiBase}/v1/credits`, headers)).status).toBe(401);
		expect((await getJson(`${fake.pollBase}/v1/get_result?id=x`, headers)).status).toBe(401);
		expect(fake.stats().accepted).toBe(0);
	});

	test('unknown path → 404 {"detail":"Not Found"}', async () => {
		const res = await submit(fake, 'flux-9-ultra', { prompt: 'a' });
		expect(res.status).toBe(404);
		expect(res.json).toEqual({ detail: 'Not Found' });
	});
});

describe('submit, poll, result', () => {
	test('FLUX.2 submit answers id, polling_url on pollBase and a numeric cost', async () => {
		const res = await submit(fake, 'flux-2-pro', { prompt: 'a cat', width: 1024, height: 1024 });
		expect(res.status).toBe(200);
		expect(res.json).toEqual({
			id: expect.stringMatching(
				/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
			),
			polling_url: `${fake.pollBase}/v1/get_result?id=${res.json.id}`,
			cost: expect.any(Number),
			input_mp: 0,
			output_mp: 1.05,
		});
	});

	test('in-flight statuses are spread across the latency, then Ready with a full result', async () => {
		fake.configure({ latencyMs: 600 });
		const { json } = await submit(fake, 'flux-2-pro', { prompt: 'a dog', seed: 42 });
		const first = (await getJson(json.polling_url)).json;
		expect(first).toEqual({
			id: json.id,
			status: 'Pending',
			result: null,
			progress: expect.any(Number),
			details: null,
			preview: null,
		});
		expect(first.progress).toBeLessThan(0.5);
		fake.advance(350);
		expect((await getJson(json.polling_url)).json.status).toBe('Generating');
		const { body, seen } = await pollUntilDone(json.polling_url, { fake });
		expect(seen).not.toContain('Reasoning');
		expect(body).toEqual({
			id: json.id,
			status: 'Ready',
			result: {
				sample: expect.stringMatching(
					new RegExp(`^${fake.deliveryBase}/results/${json.id}/sample\\.jpeg\\?se=.+&sp=r&sig=.+`),
				),
				prompt: 'a dog',
				seed: 42,
				start_time: expect.any(Number),
				end_time: expect.any(Number),
				duration: 0.6,
			},
			progress: null,
			details: null,
			preview: null,
		});
		expect(body.cost).toBeUndefined();
	});

	test('default in-flight statuses include the undocumented Reasoning', async () => {
		const other = await startFakeBfl({ latencyMs: 150, clock: manualClock() });
		try {
			const { json } = await submit(other, 'flux-2-max', { prompt: 'x' });
			const { seen } = await pollUntilDone(json.polling_url, { intervalMs: 60, fake: other });
			expect(seen).toEqual(['Pending', 'Reasoning', 'Generating', 'Ready']);
		} finally {
			await other.close();
		}
	});

	test('FLUX.1 endpoints: null cost on submit, cost on the Ready body', async () => {
		const { json } = await submit(fake, 'flux-pro-1.1', { prompt: 'x', width: 1024, height: 768 });
		expect(json).toMatchObject({ cost: null, input_mp: null, output_mp: null });
		const { body } = await pollUntilDone(json.polling_url, { fake });
		expect(body.cost).toBe(4);
	});

	test('get_result also answers on apiBase; unknown ids answer 200 "Task not found"', async () => {
		const { json } = await submit(fake, 'flux-dev', { prompt: 'x' });
		expect((await getJson(`${fake.apiBase}/v1/get_result?id=${json.id}`)).json.id).toBe(json.id);
		const unknown = await getJson(`${fake.pollBase}/v1/get_result?id=nope`);
		expect(unknown).toMatchObject({ status: 200, json: { id: 'nope', status: 'Task not found' } });
		expect((await getJson(`${fake.pollBase}/v1/get_result`)).status).toBe(422);
	});

	test('notFoundPolls: the first N polls of a task say "Task not found"', async () => {
		fake.configure({ notFoundPolls: 2, latencyMs: 50 });
		const { json } = await submit(fake, 'flux-2-klein-4b', { prompt: 'x' });
		fake.advance(80);
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await getJson(json.polling_url)).json.status);
		expect(statuses).toEqual(['Task not found', 'Task not found', 'Ready']);
		expect(fake.stats().pollsByTask[json.id]).toBe(3);
	});

	test('[untrusted-poll] points polling_url at the untrusted host, which records a sent key as a leak', async () => {
		const { json } = await submit(fake, 'flux-2-pro', { prompt: 'x [untrusted-poll]' });
		expect(json.polling_url).toBe(`${fake.untrustedBase}/v1/get_result?id=${json.id}`);
		expect((await getJson(json.polling_url, {})).json).toHaveProperty('id', json.id);
		expect(fake.stats().keyLeaks).toEqual([]);
		await getJson(json.polling_url);
		expect(fake.stats().keyLeaks).toEqual([
			{ server: 'untrusted', method: 'GET', path: `/v1/get_result?id=${json.id}` },
		]);
	});

	test('configure({latencyMs}) applies to tasks submitted afterwards; [slow] takes 5× longer', async () => {
		fake.configure({ latencyMs: 40 });
		const fast = (await submit(fake, 'flux-2-pro', { prompt: 'x' })).json;
		const slow = (await submit(fake, 'flux-2-pro', { prompt: 'x [slow]' })).json;
		const fastTask = fake.tasks.get(fast.id);
		const slowTask = fake.tasks.get(slow.id);
		expect(fastTask && fastTask.readyAt - fastTask.createdAt).toBe(40);
		expect(slowTask && slowTask.readyAt - slowTask.createdAt).toBe(200);
		fake.advance(60);
		expect(fastTask && fastTask.status).toBe('Ready');
		expect(slowTask && slowTask.status).not.toBe('Ready');
	});
});

describe('credits', () => {
	test('GET /v1/credits; each accepted submit costs its price; below the price → 402', async () => {
		fake.configure({ credits: 10 });
		expect((await getJson(`${fake.apiBase}/v1/credits`)).json).toEqual({ credits: 10 });
		const first = await submit(fake, 'flux-2-max', { prompt: 'x' });
		expect(first.status).toBe(200);
		expect((await getJson(`${fake.apiBase}/v1/credits`)).json.credits).toBeCloseTo(
			10 - first.json.cost,
			6,
		);
		const second = await submit(fake, 'flux-2-max', { prompt: 'x' });
		expect(second.status).toBe(402);
		expect(second.json.detail).toMatch(/^Insufficient credits/);
		expect(fake.stats()).toMatchObject({ status402: 1, accepted: 1, submits: 2 });
	});

	test('[402] in the prompt → 402 whatever the balance', async () => {
		const res = await submit(fake, 'flux-2-pro', { prompt: 'x [402]' });
		expect(res.status).toBe(402);
		expect(fake.stats().submitsByPrompt).toEqual({ 'x [402]': 1 });
	});
});

describe('delivery', () => {
	test('serves the exact bytes of imageFor with the content-type of output_format, key-less', async () => {
		const { json } = await submit(fake, 'flux-2-pro', { prompt: 'x', output_format: 'webp' });
		const { body } = await pollUntilDone(json.polling_url, { fake });
		const res = await download(body.result.sample);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('image/webp');
		expect(res.bytes.equals(/** @type {Buffer} */ (fake.imageFor(json.id)))).toBe(true);
		expect(fake.stats()).toMatchObject({ downloads: 1, keyLeaks: [] });
	});

	test.each([
		['flux-2-pro', 'jpeg'],
		['flux-pro-1.1-ultra', 'jpeg'],
		['flux-kontext-pro', 'png'],
		['flux-tools/deblur-v1', 'png'],
	])('%s defaults to %s', async (model, ext) => {
		const body =
			model === 'flux-tools/deblur-v1' ? { image: 'https://example.com/a.png' } : { prompt: 'x' };
		const { json } = await submit(fake, model, body);
		const done = await pollUntilDone(json.polling_url, { fake });
		expect(done.body.result.sample).toContain(`/sample.${ext}?`);
	});

	test('a key sent to the delivery host is recorded as a leak', async () => {
		const { json } = await submit(fake, 'flux-dev', { prompt: 'x' });
		const { body } = await pollUntilDone(json.polling_url, { fake });
		await download(body.result.sample, { 'x-key': KEY });
		expect(fake.stats().keyLeaks).toEqual([
			expect.objectContaining({ server: 'delivery', method: 'GET' }),
		]);
	});

	test('after urlTtlMs the URL answers 403 with Azure-like XML; a forged signature too', async () => {
		fake.configure({ latencyMs: 20, urlTtlMs: 100 });
		const { json } = await submit(fake, 'flux-2-pro', { prompt: 'x' });
		const { body } = await pollUntilDone(json.polling_url, { fake });
		const expiry = new URL(body.result.sample).searchParams.get('se');
		expect(Date.parse(String(expiry))).toBe(Math.round(body.result.end_time * 1000) + 100);
		const forged = await download(body.result.sample.replace(/sig=[^&]+/, 'sig=forged'));
		expect(forged.status).toBe(403);
		expect(forged.bytes.toString()).toContain('Signature did not match');
		fake.advance(130);
		const res = await download(body.result.sample);
		expect(res.status).toBe(403);
		expect(res.headers.get('content-type')).toBe('application/xml');
		expect(res.bytes.toString()).toMatch(
			/<Code>AuthenticationFailed<\/Code>.*Signed expiry time \[.+\] has to be after current time/s,
		);
		expect(fake.stats().expiredDownloads).toBe(1);
	});

	test('serves a picture of the requested size and format: width × height, or about 1 MP for an aspect ratio', async () => {
		const sized = (await submit(fake, 'flux-2-pro', { prompt: 'x', width: 320, height: 240 })).json;
		const ratio = (await submit(fake, 'flux-kontext-pro', { prompt: 'x', aspect_ratio: '16:9' }))
			.json;
		const webp = (
			await submit(fake, 'flux-2-pro', {
				prompt: 'x',
				width: 256,
				height: 160,
				output_format: 'webp',
			})
		).json;
		for (const [json, size] of [
			[sized, { width: 320, height: 240 }],
			[ratio, { width: 1360, height: 768 }],
			[webp, { width: 256, height: 160 }],
		]) {
			const { body } = await pollUntilDone(json.polling_url, { fake });
			expect(imageDimensions((await download(body.result.sample)).bytes)).toEqual(size);
		}
	});

	test('unknown blobs → 404 XML', async () => {
		const res = await download(`${fake.deliveryBase}/results/nope/sample.jpeg?se=x&sig=y`);
		expect(res.status).toBe(404);
		expect(res.bytes.toString()).toContain('BlobNotFound');
	});
});

test('stats record every request with server, status and whether it carried a key', async () => {
	await getJson(`${fake.apiBase}/v1/credits`);
	await getJson(`${fake.apiBase}/v1/credits`, {});
	expect(fake.stats().requests).toEqual([
		{
			server: 'api',
			method: 'GET',
			path: '/v1/credits',
			status: 200,
			hadKey: true,
			at: expect.any(Number),
		},
		{
			server: 'api',
			method: 'GET',
			path: '/v1/credits',
			status: 401,
			hadKey: false,
			at: expect.any(Number),
		},
	]);
	fake.resetStats();
	expect(fake.stats().requests).toEqual([]);
});

test('silent by default; log: true prints one JSON line per request', async () => {
	const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
	try {
		await getJson(`${fake.apiBase}/v1/credits`);
		expect(write).not.toHaveBeenCalled();
		fake.configure({ log: true });
		await getJson(`${fake.apiBase}/v1/credits`);
		await waitFor(() => write.mock.calls.length > 0, 'the log line'); // written once the response ends
		expect(write).toHaveBeenCalledTimes(1);
		const line = String(write.mock.calls[0][0]);
		expect(line.endsWith('\n')).toBe(true);
		expect(JSON.parse(line)).toMatchObject({
			server: 'api',
			method: 'GET',
			path: '/v1/credits',
			status: 200,
		});
	} finally {
		fake.configure({ log: false });
		write.mockRestore();
	}
});
