// @ts-check
'use strict';

const { startFakeBfl, manualClock } = require('./index');
const { buildImage } = require('./images');
const { buildMp4, buildDraftCache, readBoxes, FRAMES } = require('./video');
const { submit, pollUntilDone, download } = require('./testHelpers');

/** @type {import('./index').FakeBfl} */
let fake;

beforeAll(async () => {
	// A manual clock: the task phases are stepped by the test, never raced against a busy machine.
	fake = await startFakeBfl({ latencyMs: 150, credits: 100000, clock: manualClock() });
});
afterAll(() => fake.close());
beforeEach(() => fake.configure({ latencyMs: 150, credits: 100000, videoCap: 5 }));

const png = buildImage('png', 'keyframe').toString('base64');
const mp4 = buildMp4('source').toString('base64');

/** @param {Buffer} bytes @param {{ type: string, offset: number, size: number }} parent */
const children = (bytes, parent, skip = 0) =>
	readBoxes(bytes, parent.offset + 8 + skip, parent.offset + parent.size);
/**
 * @template {{ type: string }} Box
 * @param {Box[]} boxes
 * @param {string} type
 * @returns {Box}
 */
const find = (boxes, type) => {
	const found = boxes.find((b) => b.type === type);
	if (!found) throw new Error(`no ${type} box`);
	return found;
};

describe('the MP4 the simulator serves', () => {
	test('is ftyp, moov, mdat, and its sample table points at exactly the frames in mdat', () => {
		const bytes = buildMp4('task-1');
		const top = readBoxes(bytes);
		expect(top.map((b) => b.type)).toEqual(['ftyp', 'moov', 'mdat']);
		expect(bytes.toString('latin1', 8, 12)).toBe('isom');
		const moov = children(bytes, top[1]);
		expect(moov.map((b) => b.type)).toEqual(['mvhd', 'trak', 'udta']);
		const trak = children(bytes, find(moov, 'trak'));
		const mdia = children(bytes, find(trak, 'mdia'));
		const hdlr = find(mdia, 'hdlr');
		expect(bytes.toString('latin1', hdlr.offset + 16, hdlr.offset + 20)).toBe('vide');
		const stbl = children(bytes, find(children(bytes, find(mdia, 'minf')), 'stbl'));
		expect(stbl.map((b) => b.type)).toEqual(['stsd', 'stts', 'stss', 'stsc', 'stsz', 'stco']);
		const stsd = find(stbl, 'stsd');
		expect(bytes.toString('latin1', stsd.offset + 20, stsd.offset + 24)).toBe('avc1');
		const stsz = find(stbl, 'stsz');
		const count = bytes.readUInt32BE(stsz.offset + 16);
		expect(count).toBe(FRAMES);
		let total = 0;
		for (let i = 0; i < count; i++) total += bytes.readUInt32BE(stsz.offset + 20 + 4 * i);
		const mdat = top[2];
		expect(total).toBe(mdat.size - 8);
		const stco = find(stbl, 'stco');
		expect(bytes.readUInt32BE(stco.offset + 16)).toBe(mdat.offset + 8);
		// Every frame is one length-prefixed NAL unit that fills its sample exactly.
		let at = mdat.offset + 8;
		for (let i = 0; i < count; i++) {
			const size = bytes.readUInt32BE(stsz.offset + 20 + 4 * i);
			expect(bytes.readUInt32BE(at) + 4).toBe(size);
			at += size;
		}
		expect(buildMp4('task-2').equals(bytes)).toBe(false);
	});
});

describe('POST /v1/flux-3-video and the video tools', () => {
	test('t2v walks the in-progress phases and serves the MP4 from a signed, expiring .mp4 URL', async () => {
		const res = await submit(fake, 'flux-3-video', { mode: 't2v', prompt: 'waves', duration: 6 });
		expect(res.status).toBe(200);
		const { body, seen } = await pollUntilDone(res.json.polling_url, { fake });
		expect(seen).toContain('Pending');
		expect(body.status).toBe('Ready');
		expect(body.cost).toBe(17 * 6);
		expect(body.result.sample).toMatch(/\/results\/[^/]+\/sample\.mp4\?se=.+&sig=/);
		const file = await download(body.result.sample);
		expect(file.status).toBe(200);
		expect(file.headers.get('content-type')).toBe('video/mp4');
		expect(file.bytes.equals(buildMp4(res.json.id))).toBe(true);
		const forged = body.result.sample.replace(/se=[^&]+/, 'se=2099-01-01T00%3A00%3A00.000Z');
		expect((await download(forged)).status).toBe(403);
	});

	test('a draft returns a .bin draft cache that draft_enhance accepts back as base64', async () => {
		const res = await submit(fake, 'flux-3-video', {
			mode: 'text-to-video',
			prompt: 'waves',
			draft: true,
		});
		const { body } = await pollUntilDone(res.json.polling_url, { fake });
		expect(body.result.sample).toBeUndefined();
		expect(body.result.draft_cache).toMatch(/\/draft_cache\.bin\?/);
		const cache = await download(body.result.draft_cache);
		expect(cache.headers.get('content-type')).toBe('application/octet-stream');
		expect(cache.bytes.equals(buildDraftCache(res.json.id))).toBe(true);
		const enhance = await submit(fake, 'flux-3-video', {
			mode: 'draft_enhance',
			draft_cache: cache.bytes.toString('base64'),
		});
		expect(enhance.status).toBe(200);
		const notACache = await submit(fake, 'flux-3-video', {
			mode: 'draft_enhance',
			draft_cache: png,
		});
		expect(notACache.status).toBe(422);
		expect(notACache.json.detail[0].loc).toEqual(['body', 'draft_cache']);
	});

	test.each([
		[{ mode: 't2v', prompt: 'x', keyframes: [png] }, ['body', 'keyframes'], 'extra_forbidden'],
		[
			{ mode: 'v2v', prompt: 'x', start_video: mp4, duration: 16 },
			['body', 'duration'],
			'less_than_equal',
		],
		[{ mode: 'v2v', prompt: 'x', start_video: png }, ['body', 'start_video'], 'value_error'],
		[
			{ mode: 'i2v', prompt: 'x', keyframes: [png, png, png] },
			['body', 'keyframes'],
			'value_error',
		],
		[
			{
				mode: 'i2v',
				prompt: 'x',
				keyframes: [
					[3, png],
					[1, png],
				],
			},
			['body', 'keyframes', 1, 0],
			'value_error',
		],
		[{ mode: 'x2v', prompt: 'x' }, ['body'], 'union_tag_invalid'],
		[
			{ mode: 'draft_enhance', draft_cache: 'x', generate_audio: false },
			['body', 'generate_audio'],
			'extra_forbidden',
		],
	])('rejects %j at %j (%s) with a 422', async (body, loc, type) => {
		const res = await submit(fake, 'flux-3-video', body);
		expect(res.status).toBe(422);
		expect(res.json.detail).toContainEqual(expect.objectContaining({ loc, type }));
	});

	test('i2v takes [seconds, image] pairs; edit and upscale take their own closed bodies', async () => {
		const i2v = await submit(fake, 'flux-3-video', {
			mode: 'i2v',
			prompt: 'x',
			keyframes: [
				[0, png],
				[4.5, 'https://images.example.com/end.png'],
			],
		});
		expect(i2v.status).toBe(200);
		const edit = await submit(fake, 'flux-tools/video-edit-v1', {
			video: mp4,
			prompt: 'make it snow',
		});
		expect(edit.status).toBe(200);
		const badEdit = await submit(fake, 'flux-tools/video-edit-v1', { video: mp4, prompt: '' });
		expect(badEdit.json.detail[0]).toMatchObject({
			loc: ['body', 'prompt'],
			type: 'string_too_short',
		});
		const upscale = await submit(fake, 'flux-tools/video-upscale-v1', {
			input_video: mp4,
			upscale_factor: 3.5,
		});
		expect(upscale.json.detail[0]).toMatchObject({ loc: ['body', 'upscale_factor'] });
		const extra = await submit(fake, 'flux-tools/video-edit-v1', {
			video: mp4,
			prompt: 'x',
			webhook_url: 'https://example.com/hook',
		});
		expect(extra.json.detail[0]).toMatchObject({ type: 'extra_forbidden' });
	});

	test('at most five video tasks run at once across the three endpoints; image tasks are not held back', async () => {
		// Tasks of earlier tests end within their 150 ms of the simulator's clock.
		fake.advance(150);
		expect(fake.stats().inFlight).toBe(0);
		fake.configure({ latencyMs: 2000 });
		fake.resetStats();
		/** @type {Array<[string, Record<string, unknown>]>} */
		const bodies = [
			['flux-3-video', { mode: 't2v', prompt: 'x' }],
			['flux-3-video', { mode: 't2v', prompt: 'x' }],
			['flux-3-video', { mode: 't2v', prompt: 'x' }],
			['flux-tools/video-edit-v1', { video: mp4, prompt: 'x' }],
			['flux-tools/video-upscale-v1', { input_video: mp4 }],
		];
		for (const [model, body] of bodies) expect((await submit(fake, model, body)).status).toBe(200);
		const over = await submit(fake, 'flux-tools/video-edit-v1', { video: mp4, prompt: 'x' });
		expect(over.status).toBe(429);
		expect(over.json.detail).toMatch(/limit is 5 active video generations/);
		expect((await submit(fake, 'flux-2-pro', { prompt: 'x' })).status).toBe(200);
		expect(fake.stats()).toMatchObject({ peakVideoInFlight: 5, inFlight: 6 });
	});
});
