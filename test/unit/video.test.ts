import { VIDEO_FIELDS, VIDEO_MODELS, findVideoSpec } from '../../nodes/Bfl/catalog/videoModels';
import {
	isMp4,
	mp4FrameSize,
	videoFileName,
	videoResultOf,
} from '../../nodes/Bfl/core/bytes/video';
import {
	buildVideoBody,
	usedVideoSettings,
	validateVideoRequest,
	type MediaSource,
} from '../../nodes/Bfl/core/request/videoRequest';
import spec from '../fake-bfl/openapi-2026-10.json';
import { buildMp4 } from '../fake-bfl/video';

type Schema = { properties: Record<string, unknown>; required?: string[] };
const schemas = spec.components.schemas as unknown as Record<string, Schema>;
const SCHEMA_OF: Record<string, string> = {
	t2v: 'Flux3VideoT2VInputs',
	i2v: 'Flux3VideoI2VInputs',
	v2v: 'Flux3VideoV2VInputs',
	draft_enhance: 'Flux3VideoDraftEnhanceInputs',
	'flux-tools/video-edit-v1': 'Flux3VideoVE2VNamedInputs',
	'flux-tools/video-upscale-v1': 'Flux3VideoUpscaleInputs',
};
const url = (n: number): MediaSource => ({ source: 'url', url: `https://e.com/${n}.png` });

describe('video catalog rows against the October 2026 schemas', () => {
	it.each(VIDEO_MODELS.map((row) => [row.mode ?? row.model, row] as const))(
		'%s sends only fields its closed schema has, and what it requires',
		(_, row) => {
			const schema = schemas[SCHEMA_OF[row.mode ?? row.model]];
			const fields = Object.keys(row.fields).map(
				(name) => VIDEO_FIELDS[name as keyof typeof VIDEO_FIELDS].body,
			);
			for (const field of [...fields, row.media.max ? row.media.body : 'mode'])
				if (field !== 'mode' || row.mode) expect(Object.keys(schema.properties)).toContain(field);
			expect(Object.keys(schema.properties).includes('webhook_url')).toBe(row.webhooks);
			const input = { prompt: 'p', duration: '5', upscaleFactor: 2, creativity: 0, draft: true };
			const media = Array.from({ length: row.media.min }, () => ({ value: 'https://e.com/x' }));
			const body = buildVideoBody(row, input, media);
			for (const key of Object.keys(body)) expect(Object.keys(schema.properties)).toContain(key);
			for (const key of schema.required ?? []) expect(Object.keys(body)).toContain(key);
		},
	);
});

describe('validateVideoRequest', () => {
	const t2v = findVideoSpec('generate', 't2v')!;
	const i2v = findVideoSpec('generate', 'i2v')!;
	const v2v = findVideoSpec('generate', 'v2v')!;
	const messages = (...args: Parameters<typeof validateVideoRequest>) =>
		validateVideoRequest(...args).map((p) => p.message);

	it('holds continuation to 5–15 s and the other modes to 5–20 s, or Auto', () => {
		const clip = [{ source: 'url', url: 'https://e.com/a.mp4' } as MediaSource];
		expect(messages(v2v, { prompt: 'x', duration: '16' }, clip)).toEqual([
			'Duration must be Auto or a whole number of seconds from 5 to 15 for Continue Video (got "16")',
		]);
		expect(messages(v2v, { prompt: 'x', duration: 'auto' }, clip)).toEqual([]);
		expect(messages(t2v, { prompt: 'x', duration: '20' }, [])).toEqual([]);
		expect(messages(t2v, { prompt: 'x', duration: '4' }, [])).toHaveLength(1);
		expect(messages(t2v, { prompt: 'x', duration: '7.5' }, [])).toHaveLength(1);
	});

	it('wants keyframe times on all or none, in order within 0–20 s, and a duration for 3+ untimed', () => {
		expect(messages(i2v, { prompt: 'x' }, [])).toEqual([
			'Image to Video takes 1 to 10 keyframes, got 0',
		]);
		expect(
			messages(
				i2v,
				{ prompt: 'x', duration: '9' },
				Array.from({ length: 11 }, (_, i) => url(i)),
			),
		).toHaveLength(1);
		expect(messages(i2v, { prompt: 'x' }, [{ ...url(1), seconds: '1' }, url(2)])).toEqual([
			'Set a time for every keyframe or for none',
		]);
		expect(
			messages(i2v, { prompt: 'x' }, [
				{ ...url(1), seconds: '3' },
				{ ...url(2), seconds: '1' },
			]),
		).toHaveLength(1);
		expect(
			messages(i2v, { prompt: 'x' }, [
				{ ...url(1), seconds: '0' },
				{ ...url(2), seconds: '21' },
			]),
		).toHaveLength(1);
		// Number() reads true as 1 and [] as 0; neither is a time.
		for (const seconds of [true, [], [2], {}, '2s'] as unknown as string[])
			expect(
				messages(i2v, { prompt: 'x' }, [
					{ ...url(1), seconds },
					{ ...url(2), seconds: '3' },
				]),
			).toEqual([expect.stringMatching(/^Keyframe times must be seconds from 0 to 20, in order/)]);
		expect(messages(i2v, { prompt: 'x' }, [url(1), url(2), url(3)])).toEqual([
			'Three or more keyframes without times need a set Duration (BFL spreads them over it)',
		]);
		expect(messages(i2v, { prompt: 'x', duration: '8' }, [url(1), url(2), url(3)])).toEqual([]);
	});

	it('builds [seconds, image] pairs only when every keyframe has a time, and reports defaults', () => {
		expect(
			buildVideoBody(i2v, { prompt: 'x' }, [
				{ value: 'a', seconds: 0 },
				{ value: 'b', seconds: 2.5 },
			]).keyframes,
		).toEqual([
			[0, 'a'],
			[2.5, 'b'],
		]);
		expect(buildVideoBody(i2v, { prompt: 'x', draft: false }, [{ value: 'a' }])).toEqual({
			mode: 'i2v',
			prompt: 'x',
			keyframes: ['a'],
		});
		expect(usedVideoSettings(i2v, { prompt: 'x' })).toEqual({
			mode: 'i2v',
			duration: 'auto',
			resolution: 'hd',
			aspectRatio: 'auto',
		});
		expect(usedVideoSettings(findVideoSpec('enhanceDraft')!, {})).toEqual({
			mode: 'draft_enhance',
			resolution: 'fhd',
		});
	});
});

describe('core/bytes/video', () => {
	it('recognises an MP4 and reads its frame size from the track header', () => {
		const mp4 = buildMp4('t');
		expect(isMp4(mp4)).toBe(true);
		expect(isMp4(Buffer.from('not a video at all'))).toBe(false);
		expect(mp4FrameSize(mp4)).toEqual({ width: 64, height: 36 });
		expect(mp4FrameSize(mp4.subarray(0, 40))).toBeUndefined();
	});

	it('tells a video result (an .mp4 sample or a draft cache) from an image', () => {
		expect(videoResultOf({ sample: 'https://d.example.com/r/1/sample.mp4?se=x&sig=y' })).toEqual({
			url: 'https://d.example.com/r/1/sample.mp4?se=x&sig=y',
			kind: 'mp4',
		});
		expect(
			videoResultOf({ sample: 'https://d.example.com/r/1/sample.jpeg?x=.mp4' }),
		).toBeUndefined();
		expect(
			videoResultOf({ draft_cache: 'https://d.example.com/r/1/draft_cache.bin' }),
		).toMatchObject({
			kind: 'draft',
		});
		expect(videoResultOf(null)).toBeUndefined();
	});

	it('names results after the task', () => {
		expect(videoFileName('abc-1', 'mp4')).toBe('abc-1.mp4');
		expect(videoFileName('a/b', 'draft')).toBe('a_b.bin');
	});
});
