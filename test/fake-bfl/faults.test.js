// @ts-check
'use strict';

const { startFakeBfl } = require('./index');
const { KEY, submit, getJson, pollUntilDone, download, sleep } = require('./testHelpers');

/** @type {import('./index').FakeBfl} */
let fake;

beforeEach(async () => {
	fake = await startFakeBfl({ latencyMs: 60 });
});
afterEach(() => fake.close());

test('respond: the next `count` matching requests get the given status, body and headers', async () => {
	const id = fake.injectFault({
		target: 'submit',
		count: 2,
		status: 503,
		body: { detail: 'busy' },
		headers: { 'retry-after': '1' },
	});
	expect(typeof id).toBe('string');
	for (let i = 0; i < 2; i++) {
		const res = await submit(fake, 'flux-2-pro', { prompt: 'x' });
		expect(res).toMatchObject({ status: 503, json: { detail: 'busy' } });
		expect(res.headers.get('retry-after')).toBe('1');
	}
	expect((await submit(fake, 'flux-2-pro', { prompt: 'x' })).status).toBe(200);
	expect(fake.stats()).toMatchObject({ faultsInjected: 2, submits: 3, accepted: 1 });
});

test('reset (before): the socket dies and no task is created', async () => {
	fake.injectFault({ target: 'submit', action: 'reset' });
	await expect(submit(fake, 'flux-2-pro', { prompt: 'once' })).rejects.toThrow();
	expect(fake.tasks.size).toBe(0);
	expect(fake.stats()).toMatchObject({ submits: 1, accepted: 0, submitsByPrompt: { once: 1 } });
	expect(fake.stats().requests[0]).toMatchObject({ server: 'api', status: 0 });
});

test('reset-after: the task is accepted, charged and counted, then the socket dies', async () => {
	fake.configure({ credits: 100, latencyMs: 1000 });
	fake.injectFault({ target: 'submit', action: 'reset-after' });
	await expect(submit(fake, 'flux-2-pro', { prompt: 'maybe accepted' })).rejects.toThrow();
	expect(fake.tasks.size).toBe(1);
	const [task] = fake.tasks.values();
	expect(task.prompt).toBe('maybe accepted');
	expect(fake.stats()).toMatchObject({ submits: 1, accepted: 1, inFlight: 1 });
	expect((await getJson(`${fake.apiBase}/v1/credits`)).json.credits).toBeCloseTo(
		100 - task.cost,
		6,
	);
});

test('malformed-json and html answers', async () => {
	fake.injectFault({ target: 'poll', action: 'malformed-json' });
	fake.injectFault({ target: 'credits', action: 'html' });
	const { json } = await submit(fake, 'flux-2-pro', { prompt: 'x' });
	const poll = await fetch(json.polling_url, { headers: { 'x-key': KEY } });
	expect(poll.status).toBe(200);
	expect(poll.headers.get('content-type')).toBe('application/json');
	expect(await poll.text()).toBe('{"id": "tr');
	const credits = await fetch(`${fake.apiBase}/v1/credits`, { headers: { 'x-key': KEY } });
	expect(credits.status).toBe(502);
	expect(credits.headers.get('content-type')).toBe('text/html');
	expect(await credits.text()).toContain('<center><h1>502 Bad Gateway</h1></center>');
});

test('stall with stallMs delays normal handling; a plain stall never answers and close() still returns', async () => {
	fake.injectFault({ target: 'credits', action: 'stall', stallMs: 120 });
	const t0 = Date.now();
	expect((await getJson(`${fake.apiBase}/v1/credits`)).json).toEqual({ credits: 1000 });
	expect(Date.now() - t0).toBeGreaterThanOrEqual(110);

	fake.injectFault({ target: 'poll', action: 'stall' });
	const { json } = await submit(fake, 'flux-2-pro', { prompt: 'x' });
	const hanging = fetch(json.polling_url, {
		headers: { 'x-key': KEY },
		signal: AbortSignal.timeout(150),
	});
	await expect(hanging).rejects.toThrow();
	fake.injectFault({ target: 'poll', action: 'stall' });
	const neverAnswered = fetch(json.polling_url, { headers: { 'x-key': KEY } }).catch((err) => err);
	await sleep(30);
	await fake.close();
	expect(await neverAnswered).toHaveProperty('message', 'fetch failed'); // jest realms break instanceof
});

test('match narrows a fault by model, prompt text or task id', async () => {
	fake.injectFault({ target: 'submit', status: 500, match: { model: 'flux-dev' } });
	fake.injectFault({ target: 'submit', status: 418, match: { promptIncludes: 'teapot' } });
	expect((await submit(fake, 'flux-2-pro', { prompt: 'x' })).status).toBe(200);
	expect((await submit(fake, 'flux-2-pro', { prompt: 'a teapot' })).status).toBe(418);
	expect((await submit(fake, 'flux-dev', { prompt: 'x' })).status).toBe(500);

	const a = (await submit(fake, 'flux-2-pro', { prompt: 'a' })).json;
	const b = (await submit(fake, 'flux-2-pro', { prompt: 'b' })).json;
	fake.injectFault({ target: 'delivery', status: 503, match: { taskId: b.id } });
	const readyA = await pollUntilDone(a.polling_url);
	const readyB = await pollUntilDone(b.polling_url);
	expect((await download(readyA.body.result.sample)).status).toBe(200);
	expect((await download(readyB.body.result.sample)).status).toBe(503);
	expect((await download(readyB.body.result.sample)).status).toBe(200);
});

test('"any" hits every server; clearFaults removes pending faults', async () => {
	fake.injectFault({ target: 'any', count: 3, status: 500 });
	expect((await getJson(`${fake.apiBase}/v1/credits`)).status).toBe(500);
	expect((await getJson(`${fake.untrustedBase}/v1/get_result?id=x`, {})).status).toBe(500);
	fake.clearFaults();
	expect((await getJson(`${fake.apiBase}/v1/credits`)).status).toBe(200);
	fake.injectFault({ target: 'finetune', status: 503, body: 'down for maintenance' });
	const res = await fetch(`${fake.apiBase}/v1/my_finetunes`, { headers: { 'x-key': KEY } });
	expect(res.status).toBe(503);
	expect(res.headers.get('content-type')).toBe('text/plain');
	expect(fake.stats().faultsInjected).toBe(3);
	expect(() => fake.injectFault(/** @type {any} */ ({ target: 'nowhere' }))).toThrow(/target/);
});
