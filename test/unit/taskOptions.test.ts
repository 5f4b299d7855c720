import type { IExecuteFunctions } from 'n8n-workflow';

import {
	readConcurrency,
	readTaskOptions,
	taskOptionList,
} from '../../nodes/Bfl/descriptions/taskOptions';

/** Just what the option readers use: the item's Options collection. */
function withOptions(options: Record<string, unknown>): IExecuteFunctions {
	const parameters: Record<string, unknown> = {
		options,
		'options.concurrency': options.concurrency,
	};
	const ctx: Pick<IExecuteFunctions, 'getNodeParameter' | 'getNode'> = {
		getNodeParameter: ((name: string, _item: number, fallback?: unknown) =>
			parameters[name] ?? fallback) as IExecuteFunctions['getNodeParameter'],
		getNode: () => ({
			id: 'n',
			name: 'BFL',
			type: 'bfl',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}),
	};
	return ctx as IExecuteFunctions;
}

const defaultsOf = (kind: 'image' | 'video') =>
	Object.fromEntries(taskOptionList(kind).map((option) => [option.name, option.default]));

describe('one Options builder, with each kind its defaults', () => {
	it('shows the image defaults saved workflows rely on', () => {
		expect(defaultsOf('image')).toEqual({
			allowAnyDownloadHost: false,
			concurrency: 24,
			download: true,
			maxDownloadSize: 64,
			binaryPropertyName: 'data',
			pollInterval: 1,
			requestTimeout: 120,
			timeout: 600,
		});
	});

	it('shows the video defaults under the same parameter names, without the any-host switch', () => {
		expect(defaultsOf('video')).toEqual({
			concurrency: 5,
			download: true,
			maxDownloadSize: 1024,
			binaryPropertyName: 'data',
			pollInterval: 5,
			requestTimeout: 300,
			timeout: 1800,
		});
		const names = (kind: 'image' | 'video') => taskOptionList(kind).map((o) => o.displayName);
		expect(names('video')).toContain('Download Video');
		expect(names('image')).toContain('Download Image');
	});

	it.each([
		['image', { pollIntervalMs: 1_000, timeoutMs: 600_000, requestTimeoutMs: 120_000, mb: 64 }],
		['video', { pollIntervalMs: 5_000, timeoutMs: 1_800_000, requestTimeoutMs: 300_000, mb: 1024 }],
	] as const)('reads unset %s options as that kind’s defaults', (kind, expected) => {
		const { mb, ...times } = expected;
		expect(readTaskOptions(withOptions({}), 0, kind)).toEqual({
			waitForCompletion: true,
			...times,
			download: true,
			binaryPropertyName: 'data',
			maxDownloadBytes: mb * 1024 * 1024,
			allowAnyDownloadHost: false,
		});
	});

	it('reads set values alike for both kinds, and caps Concurrency at the kind’s limit', () => {
		const set = withOptions({ pollInterval: '2', timeout: 30, concurrency: 12 });
		for (const kind of ['image', 'video'] as const) {
			expect(readTaskOptions(set, 0, kind)).toMatchObject({
				pollIntervalMs: 2000,
				timeoutMs: 30_000,
			});
		}
		expect(readConcurrency(set, 0, 'image')).toBe(12);
		expect(readConcurrency(set, 0, 'video')).toBe(5);
		expect(readConcurrency(withOptions({}), 0, 'video')).toBe(5);
		expect(() => readTaskOptions(withOptions({ timeout: '10s' }), 0, 'video')).toThrow(
			/^Timeout \(Seconds\) must be a number/,
		);
	});
});
