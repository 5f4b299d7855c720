import { finishedTask, finishedVideo } from '../../nodes/Bfl/core/results/output';

const SE = '2026-11-30T12:10:00Z';
const delivery = (file: string) => `https://delivery-us1.bfl.ai/results/abc/${file}?se=${SE}&sig=x`;

describe('a finished task as the output shows it', () => {
	it('an image: its sample is the file, and FLUX.2 cost comes from the own submit answer', () => {
		const finished = finishedTask(
			{ id: 't1', status: 'Ready', result: { sample: delivery('sample.jpeg'), seed: 7 } },
			{ answer: { id: 't1', cost: 3, output_mp: 1 }, model: 'flux-2-pro' },
		);
		expect(finished.json).toMatchObject({ id: 't1', model: 'flux-2-pro', cost: 3, seed: 7 });
		expect(finished.json.sampleUrlExpiresAt).toBe('2026-11-30T12:10:00.000Z');
		expect(finished.file).toEqual({ kind: 'image', url: delivery('sample.jpeg') });
	});

	it('Get Result of a video task: an MP4 sample streams as a video, a draft as its cache', () => {
		const mp4 = finishedTask({
			id: 'v1',
			status: 'Ready',
			result: { sample: delivery('v.mp4'), duration: 30 },
		});
		expect(mp4.file).toEqual({ kind: 'mp4', url: delivery('v.mp4') });
		expect(mp4.json.model).toBeUndefined();
		const draft = finishedTask({
			id: 'v2',
			status: 'Ready',
			result: { draft_cache: delivery('draft.bin') },
		});
		expect(draft.json.draftCacheUrl).toBe(delivery('draft.bin'));
		expect(draft.file).toEqual({ kind: 'draft', url: delivery('draft.bin') });
	});

	it('Get Result of a video task outputs the JSON of the Video operations for the same body', () => {
		const body = {
			id: 'v5',
			status: 'Ready',
			result: { draft_cache: delivery('d.bin'), duration: 12, end_time: 1 },
		};
		const fromGetResult = finishedTask(body).json;
		expect(fromGetResult).toEqual(finishedVideo(body).json);
		expect(fromGetResult).toMatchObject({
			processingSeconds: 12,
			draftCacheUrlExpiresAt: '2026-11-30T12:10:00.000Z',
		});
		expect(fromGetResult).not.toHaveProperty('durationSeconds');
	});

	it('a pending task has no file', () => {
		expect(finishedTask({ id: 't2', status: 'Pending' }).file).toBeUndefined();
	});

	it('a video operation: processing time instead of a duration', () => {
		const finished = finishedVideo(
			{ id: 'v3', status: 'Ready', result: { draft_cache: delivery('d.bin'), duration: 41 } },
			{ answer: { id: 'v3' }, model: 'video-model' },
		);
		expect(finished.json).toMatchObject({
			draftCacheUrl: delivery('d.bin'),
			draftCacheUrlExpiresAt: '2026-11-30T12:10:00.000Z',
			processingSeconds: 41,
		});
		expect(finished.json).not.toHaveProperty('durationSeconds');
		expect(finished.file).toEqual({ kind: 'draft', url: delivery('d.bin') });
	});

	it('a video operation streams its sample as an MP4 whatever the URL says', () => {
		const finished = finishedVideo(
			{ id: 'v4', status: 'Ready', result: { sample: delivery('clip') } },
			{ answer: { id: 'v4' }, model: 'video-model' },
		);
		expect(finished.file).toEqual({ kind: 'mp4', url: delivery('clip') });
	});
});
