// @ts-check
'use strict';

const { startFakeBfl, manualClock } = require('./index');
const { submit, pollUntilDone, download } = require('./testHelpers');

/** Hundreds of 1 MB transfers: slow by design on a loaded 2-core machine, so it gets minutes. */
const BULK_TIMEOUT_MS = 180_000;

/** @type {import('./index').FakeBfl} */
let fake;

beforeEach(async () => {
	fake = await startFakeBfl({ latencyMs: 400, concurrencyCap: 3, clock: manualClock() });
});
afterEach(() => fake.close());

test('the account cap counts in-flight tasks across models; over it → 429, freed when tasks finish', async () => {
	const models = ['flux-2-pro', 'flux-dev', 'flux-kontext-pro'];
	const accepted = await Promise.all(models.map((m) => submit(fake, m, { prompt: 'x' })));
	expect(accepted.map((r) => r.status)).toEqual([200, 200, 200]);
	const over = await submit(fake, 'flux-2-klein-4b', { prompt: 'x' });
	expect(over.status).toBe(429);
	expect(over.json.detail).toMatch(/^Too many active tasks/);
	expect(over.headers.get('retry-after')).toBeNull();
	expect(fake.stats()).toMatchObject({ status429: 1, inFlight: 3, peakInFlight: 3, accepted: 3 });
	fake.advance(399);
	expect(fake.stats().inFlight).toBe(3);
	fake.advance(1); // no polling needed: slots free at the end of the latency
	expect(fake.stats().inFlight).toBe(0);
	expect((await submit(fake, 'flux-2-klein-4b', { prompt: 'x' })).status).toBe(200);
});

test('capOverrides limit one model (flux-kontext-max: 6 by default) and Retry-After is sent when configured', async () => {
	fake.configure({ concurrencyCap: 24, retryAfterSeconds: 2 });
	const results = await Promise.all(
		Array.from({ length: 8 }, () => submit(fake, 'flux-kontext-max', { prompt: 'x' })),
	);
	expect(results.filter((r) => r.status === 200)).toHaveLength(6);
	const rejected = results.filter((r) => r.status === 429);
	expect(rejected).toHaveLength(2);
	expect(rejected[0].headers.get('retry-after')).toBe('2');
	expect((await submit(fake, 'flux-kontext-pro', { prompt: 'x' })).status).toBe(200);
	fake.configure({ capOverrides: { 'flux-kontext-max': 6, 'flux-2-pro': 1 } });
	expect((await submit(fake, 'flux-2-pro', { prompt: 'x' })).status).toBe(200);
	expect((await submit(fake, 'flux-2-pro', { prompt: 'x' })).status).toBe(429);
});

test('moderated and failing tasks hold a slot until they end', async () => {
	fake.configure({ concurrencyCap: 1 });
	expect((await submit(fake, 'flux-2-pro', { prompt: 'x [error]' })).status).toBe(200);
	expect((await submit(fake, 'flux-2-pro', { prompt: 'x' })).status).toBe(429);
	fake.advance(400);
	expect((await submit(fake, 'flux-2-pro', { prompt: 'x' })).status).toBe(200);
});

test(
	'hundreds of concurrent tasks with 1 MB images of every format',
	async () => {
		const count = 300;
		const imageBytes = 1024 * 1024;
		fake.configure({
			concurrencyCap: 1000,
			capOverrides: {},
			credits: 1e9,
			latencyMs: 500,
			imageBytes,
		});
		const formats = /** @type {const} */ (['jpeg', 'png', 'webp']);
		const submitted = await Promise.all(
			Array.from({ length: count }, (_, i) =>
				submit(fake, 'flux-2-klein-4b', { prompt: `p${i}`, output_format: formats[i % 3] }),
			),
		);
		expect(fake.stats().inFlight).toBe(count);
		fake.advance(500);
		const downloads = await Promise.all(
			submitted.map(async ({ json }) => {
				const { body } = await pollUntilDone(json.polling_url, { fake });
				const res = await download(body.result.sample);
				return { id: json.id, ...res };
			}),
		);
		for (const d of downloads) {
			expect(d.status).toBe(200);
			expect(Math.abs(d.bytes.length - imageBytes)).toBeLessThan(16);
			expect(d.bytes.includes(d.id)).toBe(true); // each task's image differs
		}
		const first = downloads[0];
		expect(first.bytes.equals(/** @type {Buffer} */ (fake.imageFor(first.id)))).toBe(true);
		const stats = fake.stats();
		expect(stats).toMatchObject({ accepted: count, downloads: count, status429: 0 });
		expect(stats.peakInFlight).toBe(count);
	},
	BULK_TIMEOUT_MS,
);
