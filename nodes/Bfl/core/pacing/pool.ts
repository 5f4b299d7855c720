export interface PoolTask<T> {
	/** Tasks sharing a key share that key's cap (e.g. one BFL model). */
	key: string;
	/** Maximum number of tasks with this key in flight at once. */
	keyCap: number;
	run: () => Promise<T>;
}

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface PoolOptions {
	/** Maximum number of tasks in flight across all keys. */
	concurrency: number;
	/** After a failure, start no further tasks (those already running finish). */
	stopOnError?: boolean;
}

/**
 * Runs tasks with a global and a per-key concurrency limit and returns their results in input order.
 * Tasks start in input order whenever a slot is free; a task whose key is at its cap waits without
 * blocking later tasks of other keys. Tasks never started (after stopOnError) are absent (undefined).
 */
export async function runPool<T>(
	tasks: Array<PoolTask<T>>,
	options: PoolOptions,
): Promise<Array<Settled<T> | undefined>> {
	const limit = Math.max(1, Math.floor(options.concurrency));
	const results: Array<Settled<T> | undefined> = new Array(tasks.length).fill(undefined);
	const inFlightByKey = new Map<string, number>();
	const waiting = tasks.map((_, index) => index);
	let inFlight = 0;
	let stopped = false;

	return await new Promise((resolve) => {
		const canStart = (index: number) =>
			(inFlightByKey.get(tasks[index].key) ?? 0) < Math.max(1, Math.floor(tasks[index].keyCap));

		const pump = () => {
			for (let w = 0; w < waiting.length && inFlight < limit && !stopped; ) {
				const index = waiting[w];
				if (!canStart(index)) {
					w++;
					continue;
				}
				waiting.splice(w, 1);
				start(index);
			}
			if (inFlight === 0 && (waiting.length === 0 || stopped)) resolve(results);
		};

		const start = (index: number) => {
			const { key } = tasks[index];
			inFlight++;
			inFlightByKey.set(key, (inFlightByKey.get(key) ?? 0) + 1);
			let promise: Promise<T>;
			try {
				promise = Promise.resolve(tasks[index].run());
			} catch (error) {
				promise = Promise.reject(error);
			}
			promise
				.then(
					(value) => (results[index] = { ok: true, value }),
					(error: unknown) => {
						results[index] = { ok: false, error };
						if (options.stopOnError) stopped = true;
					},
				)
				.finally(() => {
					inFlight--;
					inFlightByKey.set(key, (inFlightByKey.get(key) ?? 1) - 1);
					pump();
				});
		};

		pump();
	});
}
