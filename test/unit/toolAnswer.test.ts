import { toolFailure, toolSuccess } from '../../nodes/Bfl/core/results/toolAnswer';

const NOW = Date.parse('2026-12-05T21:30:00Z');
const URL =
	'https://delivery-eu1.bfl.ai/results/ab/cdef/sample.jpeg?se=2026-12-05T21%3A40%3A00Z&sp=r&sv=2024-11-04&sr=b&rsct=image/jpeg&sig=' +
	'A'.repeat(60) +
	'%2B%3D';

describe('the answer an AI agent’s model reads', () => {
	it('is small JSON with the link, its expiry, the task, the file and a sentence to pass on', () => {
		const answer = toolSuccess(
			{
				id: 'task-1',
				status: 'Ready',
				model: 'flux-2-pro',
				prompt: 'x'.repeat(2000),
				seed: 42,
				sampleUrl: URL,
				sampleUrlExpiresAt: '2026-12-05T21:40:00.000Z',
				cost: 3,
				mimeType: 'image/jpeg',
				sizeBytes: 123456,
			},
			NOW,
		);
		expect(answer).toEqual({
			ok: true,
			status: 'Ready',
			taskId: 'task-1',
			model: 'flux-2-pro',
			imageUrl: URL,
			expiresAt: '2026-12-05T21:40:00.000Z',
			mimeType: 'image/jpeg',
			sizeBytes: 123456,
			seed: 42,
			cost: 3,
			message: `The image is ready: ${URL}. The link works until 21:40 UTC (about 10 minutes), so open or save it before then.`,
		});
		expect(Buffer.byteLength(JSON.stringify(answer))).toBeLessThan(1024);
	});

	it('names a video a video, and a task still running as such', () => {
		expect(
			toolSuccess(
				{ id: 'v', status: 'Ready', sampleUrl: 'https://x/v.mp4', mimeType: 'video/mp4' },
				NOW,
			),
		).toMatchObject({ videoUrl: 'https://x/v.mp4' });
		expect(toolSuccess({ id: 'p', status: 'Pending' }, NOW).message).toMatch(/still|pending/);
	});

	it.each([
		[{ httpCode: 401, stage: 'run' }, 'no'],
		[{ httpCode: '403', stage: 'run' }, 'no'],
		[{ httpCode: 402, stage: 'run' }, 'no'],
		[{ status: 'Request Moderated', stage: 'run' }, 'no'],
		[{ httpCode: 429, stage: 'run' }, 'later'],
		[{ httpCode: 503, stage: 'run' }, 'later'],
		[{ message: 'Could not reach BFL: the network connection was reset', stage: 'run' }, 'later'],
		[{ message: 'Timeout must be at least 1 second', stage: 'input' }, 'after changing the input'],
		[{ httpCode: 422, stage: 'run' }, 'after changing the input'],
	] as const)('%j → retry %s', (failure, retry) => {
		expect(toolFailure({ message: 'Failed', ...failure })).toMatchObject({ ok: false, retry });
	});
});
