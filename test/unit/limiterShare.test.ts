import { AccountLimiter, type LimiterRun } from '../../nodes/Bfl/core/pacing/limiter';

/**
 * Several processes (queue-mode workers) share one account and learn about each other only from
 * 429s. A discrete-event simulation on virtual time: a seeded random source, a BFL that accepts at
 * most `cap` tasks in flight, tasks of about two seconds and polls that notice them up to 300 ms
 * late. Nothing here waits on the wall clock.
 */

const CAP = 24;
const TASK_MS = 2_000;

function simulation(seed: number) {
	let state = seed;
	const random = () => {
		state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
		return state / 2_147_483_648;
	};
	let now = 0;
	const timers: Array<{ at: number; order: number; fire: () => void }> = [];
	let order = 0;
	const sleep = async (ms: number) =>
		await new Promise<void>((fire) => {
			timers.push({ at: now + ms, order: order++, fire });
			timers.sort((a, b) => a.at - b.at || a.order - b.order);
		});
	const clock = { now: () => now, wake: sleep, random };
	const bfl = { inFlight: 0, refused: 0 };

	/** One item: a slot, a submit retried on 429s like the transport does, the task, the poll. */
	async function item(run: LimiterRun, acceptedAt: number[]) {
		const slot = await run.acquire('flux-2-pro', CAP);
		for (;;) {
			const sentAt = now;
			await sleep(5 + 10 * random());
			const accepted = bfl.inFlight < CAP;
			if (accepted) bfl.inFlight++;
			else bfl.refused++;
			await sleep(5);
			if (accepted) {
				run.accepted();
				acceptedAt.push(now);
				break;
			}
			run.rateLimited(sentAt);
			// As the transport does: the limiter's pause and paced probes space the retries.
			await run.pauseFor();
		}
		await sleep(TASK_MS * (0.95 + 0.1 * random()));
		bfl.inFlight--;
		await sleep(300 * random());
		slot.release();
	}

	/**
	 * Starts every execution at once, `executionsOf[p]` of them in process `p`, each of `items`
	 * items, process `p` starting at `startsAt[p]` (0 by default); returns the time against the
	 * ideal, the 429s per image, when each process ended and when its submits were accepted.
	 */
	async function run(executionsOf: number[], items: number, startsAt: number[] = []) {
		const limiters = executionsOf.map(() => new AccountLimiter(CAP, clock));
		const executions = executionsOf.reduce((sum, count) => sum + count, 0);
		const owners = executionsOf.flatMap((count, p) => Array<number>(count).fill(p));
		let finished = false;
		let finishedAt = 0;
		const endedAt = executionsOf.map(() => 0);
		const acceptedAt = executionsOf.map((): number[] => []);
		const all = owners.map(async (p) => {
			await sleep(startsAt[p] ?? 0);
			const nodeRun = limiters[p].join();
			await Promise.all(
				Array.from({ length: items }, async () => await item(nodeRun, acceptedAt[p])),
			);
			nodeRun.close();
			endedAt[p] = Math.max(endedAt[p], now);
		});
		void Promise.all(all).then(() => {
			finished = true;
			finishedAt = now;
		});
		while (!finished) {
			// Let every promise chain settle before the next timer fires (n8n's lint rules forbid
			// setImmediate even here; no chain in this model is nearly this deep).
			for (let turn = 0; turn < 100; turn++) await Promise.resolve();
			if (finished) break;
			const next = timers.shift();
			if (!next) throw new Error('deadlock: items left and no timer pending');
			now = next.at;
			next.fire();
		}
		const images = executions * items;
		return {
			ratio: finishedAt / (Math.ceil(images / CAP) * TASK_MS),
			refusedPerImage: bfl.refused / images,
			endedAt,
			acceptedAt,
		};
	}
	return { run };
}

describe('AccountLimiter: processes sharing one account', () => {
	it('one process never meets a 429 of its own making', async () => {
		const result = await simulation(7).run([4], 48);
		expect(result.refusedPerImage).toBe(0);
		expect(result.ratio).toBeLessThan(1.2);
	});

	it.each([1, 2, 3, 4, 5])(
		'two workers, 4 executions of 48 (seed %i): near the ideal time, few 429s',
		async (seed) => {
			const result = await simulation(seed).run([2, 2], 48);
			expect(result.ratio).toBeLessThan(1.3);
			expect(result.refusedPerImage).toBeLessThan(0.3);
		},
	);

	it('a worker whose partner has finished takes the whole account back', async () => {
		// The first worker has 1 execution, the second 3: the second runs alone most of the time.
		const result = await simulation(11).run([1, 3], 48);
		expect(result.ratio).toBeLessThan(1.3);
	});

	// Fairness between processes varies from run to run (which one meets the 429s is chance), so
	// these two look at six seeded runs together.
	const seeds = [1, 2, 3, 4, 5, 6];
	const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

	it('two backlogged workers with equal work share the account and end close together', async () => {
		const results = [];
		for (const seed of seeds) results.push(await simulation(seed).run([1, 1], 480));
		// A worker held to a smaller share would end well before the other.
		const together = results.map(({ endedAt }) => Math.min(...endedAt) / Math.max(...endedAt));
		expect(mean(together)).toBeGreaterThan(0.9);
		for (const result of results) {
			expect(result.ratio).toBeLessThan(1.25);
			expect(result.refusedPerImage).toBeLessThan(0.15);
		}
	});

	it('a worker that starts while another holds the whole account gets a share of it', async () => {
		const shares: number[] = [];
		for (const seed of seeds) {
			const result = await simulation(seed).run([1, 1], 240, [0, 10_000]);
			// Submits accepted while both had work, from the second's start to the first's end.
			const overlapEnd = Math.min(...result.endedAt);
			const during = result.acceptedAt.map(
				(times) => times.filter((t) => t >= 10_000 && t < overlapEnd).length,
			);
			shares.push(during[1] / (during[0] + during[1]));
		}
		expect(mean(shares)).toBeGreaterThan(0.35);
		expect(Math.min(...shares)).toBeGreaterThan(0.1);
	});
});
