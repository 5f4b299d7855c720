// @ts-check
'use strict';

const { startFakeBfl } = require('./index');
const { buildImage } = require('./images');
const { submit } = require('./testHelpers');

/** @type {import('./index').FakeBfl} */
let fake;

beforeAll(async () => {
	fake = await startFakeBfl({ latencyMs: 50, concurrencyCap: 1000, credits: 1e9 });
});
afterAll(() => fake.close());

const png = buildImage('png', 'input').toString('base64');
const jpeg = buildImage('jpeg', 'input').toString('base64');
const webp = buildImage('webp', 'input').toString('base64');
const url = 'https://example.com/person.jpg';

/** @param {number} n */
const refs = (n) =>
	Object.fromEntries(
		Array.from({ length: n }, (_, i) => [i ? `input_image_${i + 1}` : 'input_image', url]),
	);

/**
 * @param {string} model
 * @param {unknown} body
 */
async function rejection(model, body) {
	const res = await submit(fake, model, body);
	expect(res.status).toBe(422);
	return res.json.detail;
}

test.each([
	['flux-2-pro', { prompt: 'x', width: 1000, height: 1024 }, ['body', 'width'], 'multiple_of'],
	['flux-2-flex', { prompt: 'x', width: 1024, height: 1032 }, ['body', 'height'], 'multiple_of'],
	['flux-2-max', { prompt: 'x', width: 4096, height: 2048 }, ['body'], 'value_error'],
	['flux-2-pro', { prompt: 'x', width: 32 }, ['body', 'width'], 'greater_than_equal'],
	['flux-2-pro', { width: 1024 }, ['body', 'prompt'], 'missing'],
	['flux-2-pro', { prompt: 'x', output_format: 'gif' }, ['body', 'output_format'], 'enum'],
	[
		'flux-2-pro',
		{ prompt: 'x', safety_tolerance: 6 },
		['body', 'safety_tolerance'],
		'less_than_equal',
	],
	['flux-2-pro', { prompt: 'x', webhook_url: 'not a url' }, ['body', 'webhook_url'], 'url_parsing'],
	['flux-pro-1.1', { prompt: 'x', width: 1000 }, ['body', 'width'], 'multiple_of'],
	['flux-dev', { prompt: 'x', steps: 51 }, ['body', 'steps'], 'less_than_equal'],
	['flux-pro-1.0-fill', { prompt: 'x' }, ['body', 'image'], 'missing'],
	['flux-pro-1.0-expand', { image: png, top: 4096 }, ['body', 'top'], 'less_than_equal'],
	['flux-2-pro', { prompt: 'x', ...refs(9) }, ['body', 'input_image_9'], 'extra_forbidden'],
	['flux-2-klein-9b', { prompt: 'x', ...refs(5) }, ['body', 'input_image_5'], 'extra_forbidden'],
	[
		'flux-tools/outpainting-v1',
		{ input_image: url, width: 1024, height: 1024, webhook_url: 'https://a.b/c' },
		['body', 'webhook_url'],
		'extra_forbidden',
	],
	['flux-tools/outpainting-v1', { input_image: url, width: 1024 }, ['body', 'height'], 'missing'],
	[
		'flux-tools/erase-v1',
		{ image: url, mask: url, dilate_pixels: 26 },
		['body', 'dilate_pixels'],
		'less_than_equal',
	],
	['flux-tools/erase-v1', { image: url }, ['body', 'mask'], 'missing'],
	['flux-tools/deblur-v1', {}, ['body', 'image'], 'missing'],
	['flux-tools/vto-v2', { prompt: 'x', person: url }, ['body', 'garment'], 'missing'],
	['flux-2-klein-4b-finetuned', { prompt: 'x' }, ['body', 'finetune_id'], 'missing'],
	[
		'flux-2-klein-9b-kv-finetuned',
		{ prompt: 'x', finetune_id: 'a/b', finetune_strength: 2.5 },
		['body', 'finetune_strength'],
		'less_than_equal',
	],
	['flux-pro-1.1-ultra-finetuned', { prompt: 'x' }, ['body', 'finetune_id'], 'missing'],
])('%s %j → 422 at %j (%s)', async (model, body, loc, type) => {
	const detail = await rejection(model, body);
	expect(detail).toContainEqual({ loc, msg: expect.any(String), type });
});

test.each([
	['data: prefix', `data:image/png;base64,${png}`, /data:/],
	['not base64', 'this is not base64!', /base64/],
	[
		'base64 of text',
		Buffer.from('hello world, not an image').toString('base64'),
		/PNG, JPEG or WebP/,
	],
	['broken URL', 'https://exa mple.com/a b', /URL/],
])('image field with %s → 422 at that field', async (_, value, msg) => {
	for (const [model, body] of /** @type {const} */ ([
		['flux-2-pro', { prompt: 'x', input_image_2: value }],
		['flux-pro-1.0-fill', { image: value }],
		['flux-tools/vto-v2', { prompt: 'x', person: url, garment: value }],
	])) {
		const detail = await rejection(model, body);
		const field = Object.keys(body).find(
			(k) => body[/** @type {keyof typeof body} */ (k)] === value,
		);
		expect(detail).toEqual([
			{ loc: ['body', field], msg: expect.stringMatching(msg), type: 'value_error' },
		]);
	}
});

test('raw base64 PNG, JPEG and WebP and http(s) URLs are accepted as images', async () => {
	for (const image of [png, jpeg, webp, url, 'http://example.com/a.webp']) {
		expect((await submit(fake, 'flux-2-pro', { prompt: 'x', input_image: image })).status).toBe(
			200,
		);
	}
	expect((await submit(fake, 'flux-pro-1.0-fill', { image: png, mask: png })).status).toBe(200);
	expect((await submit(fake, 'flux-2-pro', { prompt: 'x', ...refs(8) })).status).toBe(200);
	expect((await submit(fake, 'flux-2-klein-4b', { prompt: 'x', ...refs(4) })).status).toBe(200);
});

test('null fields are "unset"; unknown fields are ignored except on outpainting', async () => {
	const ok = await submit(fake, 'flux-2-pro', {
		prompt: 'x',
		seed: null,
		input_image: null,
		width: null,
		aspect_ratio: '1:1',
	});
	expect(ok.status).toBe(200);
	const outpaint = await submit(fake, 'flux-tools/outpainting-v1', {
		input_image: url,
		width: 1024,
		height: 1024,
		mode: 'fast',
	});
	expect(outpaint.status).toBe(200);
	expect(typeof outpaint.json.cost).toBe('number');
});

test('invalid JSON and non-object bodies → 422 FastAPI bodies', async () => {
	const broken = await submit(fake, 'flux-2-pro', '{"prompt": ');
	expect(broken.status).toBe(422);
	expect(broken.json.detail[0]).toMatchObject({
		loc: ['body', expect.any(Number)],
		type: 'json_invalid',
	});
	expect((await submit(fake, 'flux-2-pro', '[1,2]')).json.detail[0]).toMatchObject({
		loc: ['body'],
		type: 'model_attributes_type',
	});
	expect((await submit(fake, 'flux-2-pro', '')).json.detail[0]).toMatchObject({
		loc: ['body'],
		type: 'missing',
	});
	expect(fake.stats().status422).toBeGreaterThanOrEqual(2);
});

test('every catalog endpoint accepts a minimal valid body', async () => {
	const minimal = {
		'flux-tools/outpainting-v1': { input_image: url, width: 512, height: 512 },
		'flux-tools/erase-v1': { image: url, mask: url },
		'flux-tools/deblur-v1': { image: png },
		'flux-tools/vto-v1': { prompt: 'TRY-ON', person: url, garment: url },
		'flux-tools/vto-v2': { prompt: 'TRY-ON', person: url, garment: url },
		'flux-pro-1.0-fill': { image: png },
		'flux-pro-1.0-expand': { image: png, bottom: 256 },
		'flux-pro-1.0-fill-finetuned': { image: png, finetune_id: 'org/lora' },
		'flux-3-video': { mode: 't2v', prompt: 'x' },
		'flux-tools/video-edit-v1': { video: url, prompt: 'x' },
		'flux-tools/video-upscale-v1': { input_video: url },
	};
	const models = require('./models').MODELS;
	for (const model of Object.keys(models)) {
		const body = /** @type {Record<string, object>} */ (minimal)[model] || { prompt: 'x' };
		const withFinetune = models[model].finetuned
			? { finetune_id: 'some-org/some-lora', ...body }
			: body;
		const res = await submit(fake, model, withFinetune);
		expect({ model, status: res.status, text: res.status === 200 ? '' : res.text }).toEqual({
			model,
			status: 200,
			text: '',
		});
	}
	expect(Object.keys(models)).toHaveLength(33);
});

test('FLUX 3 Image: a closed schema, 1–10 images, tiers, and the user field it lacks', async () => {
	const ok = await submit(fake, 'flux-3-image', {
		prompt: 'a knight',
		images: [url, png],
		aspect_ratio: 'auto',
		resolution: '2k',
		safety_tolerance: 4,
		grounding: false,
	});
	expect(ok.status).toBe(200);
	expect(ok.json.cost).toBeNull();
	const extra = await submit(fake, 'flux-3-image', { prompt: 'x', seed: 1, user: 'u' });
	expect(extra.status).toBe(422);
	expect(extra.json.detail.map((/** @type {any} */ e) => e.loc.join('.')).sort()).toEqual([
		'body.seed',
		'body.user',
	]);
	const eleven = await submit(fake, 'flux-3-image', { prompt: 'x', images: Array(11).fill(url) });
	expect(eleven.status).toBe(422);
	expect(eleven.json.detail[0].loc).toEqual(['body', 'images']);
	const badImage = await submit(fake, 'flux-3-image', { prompt: 'x', images: [url, 'data:x'] });
	expect(badImage.json.detail[0].loc).toEqual(['body', 'images', 1]);
	const tier = await submit(fake, 'flux-3-image', { prompt: 'x', resolution: '8k' });
	expect(tier.json.detail[0].loc).toEqual(['body', 'resolution']);
	const safety = await submit(fake, 'flux-3-image', { prompt: 'x', safety_tolerance: 5 });
	expect(safety.status).toBe(422);
	const userOnFlux2 = await submit(fake, 'flux-2-pro', { prompt: 'x', user: 'end-user-7' });
	expect(userOnFlux2.status).toBe(200);
	const userTooLong = await submit(fake, 'flux-2-pro', { prompt: 'x', user: 'u'.repeat(257) });
	expect(userTooLong.status).toBe(422);
});

test('FLUX 3.1 Image and Klein: closed hand schemas, a mask beside at most 9 images', async () => {
	const ok = await submit(fake, 'flux-3.1-image', {
		prompt: 'a room',
		images: [url, png],
		mask: png,
		aspect_ratio: 'match_first_image',
		mode: 'fast',
		grounding: 'force',
		bounding_boxes: [
			{ name: 'lamp', from: 'ref_image_1', src_bbox: null, tgt_bbox: [0, 0, 0.5, 1] },
		],
	});
	expect(ok.status).toBe(200);
	const tooMany = await submit(fake, 'flux-3.1-image', {
		prompt: 'x',
		images: Array(10).fill(url),
		mask: url,
	});
	expect(tooMany.json.detail[0].loc).toEqual(['body', 'images']);
	const grid = await submit(fake, 'flux-3.1-image', {
		prompt: 'x',
		bounding_boxes: [{ name: 'a', bbox: [0, 0, 500, 1000] }],
	});
	expect(grid.json.detail[0].loc.slice(0, 3)).toEqual(['body', 'bounding_boxes', 0]);
	const kleinSeed = await submit(fake, 'flux-3-image-klein', { prompt: 'x', seed: 3, steps: 4 });
	expect(kleinSeed.status).toBe(200);
	const kleinRatio = await submit(fake, 'flux-3-image-klein', { prompt: 'x', aspect_ratio: '1:1' });
	expect(kleinRatio.json.detail[0].loc).toEqual(['body', 'aspect_ratio']);
});
