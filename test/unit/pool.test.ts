import { runPool, type PoolTask } from '../../nodes/Bfl/core/pacing/pool';

/** A task that finishes when the test releases it, recording concurrency as it runs. */
function controllable() {
	const inFlight = {
		now: 0,
		peak: 0,
		byKey: new Map<string, number>(),
		peakByKey: new Map<string, number>(),
	};
	const releases: Array<() => void> = [];
	const started: number[] = [];
	const task = (index: number, key = 'k', keyCap = 99, fail = false): PoolTask<number> => ({
		key,
		keyCap,
		run: () =>
			new Promise<number>((resolve, reject) => {
				started.push(index);
				inFlight.now++;
				inFlight.peak = Math.max(inFlight.peak, inFlight.now);
				const mine = (inFlight.byKey.get(key) ?? 0) + 1;
				inFlight.byKey.set(key, mine);
				inFlight.peakByKey.set(key, Math.max(inFlight.peakByKey.get(key) ?? 0, mine));
				releases[index] = () => {
					inFlight.now--;
					inFlight.byKey.set(key, (inFlight.byKey.get(key) ?? 1) - 1);
					if (fail) reject(new Error(`task ${index} failed`));
					else resolve(index * 10);
				};
			}),
	});
	return { inFlight, releases, started, task };
}

/** Lets the pool's promise callbacks run. */
const tick = async () =>
	await new Promise<void>((resolve) => queueMicrotask(resolve)).then(
		async () => await Promise.resolve(),
	);

/** Releases started tasks one by one, oldest first, until none is left running. */
async function drain(releases: Array<() => void>, started: number[]) {
	const released = new Set<number>();
	for (;;) {
		for (let i = 0; i < 20; i++) await tick();
		const next = started.find((index) => !released.has(index));
		if (next === undefined) return;
		released.add(next);
		releases[next]();
	}
}

describe('runPool', () => {
	it('keeps input order and never exceeds the concurrency', async () => {
		const { inFlight, releases, started, task } = controllable();
		const pending = runPool(
			[0, 1, 2, 3, 4, 5, 6].map((i) => task(i)),
			{ concurrency: 3 },
		);
		await tick();
		expect(started).toEqual([0, 1, 2]);
		await drain(releases, started);
		const results = await pending;
		expect(results).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => ({ ok: true, value: i * 10 })));
		expect(inFlight.peak).toBe(3);
	});

	it('holds a key at its own cap while other keys use the free slots', async () => {
		const { inFlight, releases, started, task } = controllable();
		const tasks = [
			task(0, 'max', 2),
			task(1, 'max', 2),
			task(2, 'max', 2),
			task(3, 'pro'),
			task(4, 'pro'),
		];
		const pending = runPool(tasks, { concurrency: 4 });
		await tick();
		expect(started).toEqual([0, 1, 3, 4]);
		await drain(releases, started);
		await pending;
		expect(inFlight.peakByKey.get('max')).toBe(2);
		expect(started).toContain(2);
	});

	it('settles failures per task and keeps going by default', async () => {
		const { releases, started, task } = controllable();
		const pending = runPool([task(0), task(1, 'k', 99, true), task(2)], { concurrency: 1 });
		await drain(releases, started);
		const results = await pending;
		expect(results[0]).toEqual({ ok: true, value: 0 });
		expect(results[1]).toMatchObject({
			ok: false,
			error: expect.objectContaining({ message: 'task 1 failed' }),
		});
		expect(results[2]).toEqual({ ok: true, value: 20 });
	});

	it('starts nothing new after a failure when asked to stop on error', async () => {
		const { releases, started, task } = controllable();
		const pending = runPool([task(0, 'k', 99, true), task(1), task(2)], {
			concurrency: 1,
			stopOnError: true,
		});
		await drain(releases, started);
		const results = await pending;
		expect(started).toEqual([0]);
		expect(results[1]).toBeUndefined();
		expect(results[2]).toBeUndefined();
	});

	it('turns a task that throws synchronously into a failure', async () => {
		const results = await runPool(
			[
				{
					key: 'k',
					keyCap: 1,
					run: () => {
						throw new Error('sync');
					},
				},
			],
			{ concurrency: 2 },
		);
		expect(results[0]).toMatchObject({ ok: false });
	});

	it('resolves at once for no tasks', async () => {
		expect(await runPool([], { concurrency: 5 })).toEqual([]);
	});
});
