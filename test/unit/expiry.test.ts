import { hasExpired, urlExpiry } from '../../nodes/Bfl/core/results/expiry';
import { describeResultFailure } from '../../nodes/Bfl/transport/resultFailure';

const SE = '2026-11-30T12:10:00Z';
const BEFORE = Date.parse('2026-11-30T12:09:59Z');
const AFTER = Date.parse('2026-11-30T12:10:01Z');
const signed = (file: string) => `https://delivery-us1.bfl.ai/results/a/${file}?se=${SE}&sig=x`;
const unsigned = (file: string) => `https://cdn.example.com/results/a/${file}`;
const AZURE_EXPIRED =
	'<Error><AuthenticationErrorDetail>Signed expiry time [x] has to be after current time [y]</AuthenticationErrorDetail></Error>';

describe('one expiry rule for every result URL', () => {
	it('reads the expiry from the URL itself (se=), whatever the file', () => {
		for (const file of ['sample.jpeg', 'sample.mp4', 'draft.bin'])
			expect(urlExpiry(signed(file))).toBe('2026-11-30T12:10:00.000Z');
		expect(urlExpiry(unsigned('sample.mp4'))).toBeUndefined();
		expect(urlExpiry('not a url')).toBeUndefined();
	});

	it.each([
		['a 403 after se', signed('sample.mp4'), 403, '', AFTER, true],
		['a 404 after se', signed('sample.jpeg'), 404, '', AFTER, true],
		['a 410 after se', signed('draft.bin'), 410, '', AFTER, true],
		['a 404 before se', signed('sample.jpeg'), 404, 'not found', BEFORE, false],
		[
			'a 403 before se whose page says it expired',
			signed('sample.mp4'),
			403,
			AZURE_EXPIRED,
			BEFORE,
			true,
		],
		['a 403 on a URL without se', unsigned('sample.mp4'), 403, '', BEFORE, true],
		['a 500 after se', signed('sample.jpeg'), 500, 'expired', AFTER, false],
		['a 400 after se', signed('sample.mp4'), 400, '', AFTER, false],
	])('%s: expired %s', (_, url, status, body, now, expired) => {
		expect(hasExpired(url, status, body, now)).toBe(expired);
	});

	it('words an expired image and an expired video alike, naming the time from the URL', () => {
		const task = { taskId: 't1' };
		const failure = { kind: 'status' as const, statusCode: 403, body: Buffer.from(AZURE_EXPIRED) };
		const words = (noun: 'image' | 'video', file: string) =>
			describeResultFailure({ noun, url: signed(file), maxBytes: 1, task, now: BEFORE }, failure);
		expect(words('image', 'sample.jpeg').message).toBe(
			'The result URL expired at 2026-11-30T12:10:00.000Z before the image could be downloaded; generate again, or download sooner',
		);
		expect(words('video', 'sample.mp4').message).toBe(
			'The result URL expired at 2026-11-30T12:10:00.000Z before the video could be downloaded; generate again, or download sooner',
		);
		expect(words('video', 'sample.mp4').hint).toMatch(/^Task ID: t1/);
	});
});
