import { AccountLimiter, type LimiterRun } from '../../nodes/Bfl/core/pacing/limiter';

/**
 * Several processes (queue-mode workers) share one account and learn about each other only from
 * 429s. A discrete-event simulation on virtual time: a seeded random source, a BFL that accepts at
 * most `cap` tasks in flight, tasks of about two seconds and polls that notice them late (see
 * NOTICE). Nothing here waits on the wall clock.
 */

export const CAP = 24;
export const TASK_MS = 2_000;

/**
 * How late a process notices that BFL has finished a task, and so frees its slot: `late` draws up
 * to 300 ms; `prompt` is what real n8n does with the learned poll schedule (30 to 100 ms), which
 * leaves a freed slot empty only for that moment before its holder refills it.
 */
const NOTICE = {
	late: (random: () => number) => 300 * random(),
	prompt: (random: () => number) => 30 + 70 * random(),
};

export function simulation(seed: number, notice: keyof typeof NOTICE = 'late') {
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
	const bfl = { inFlight: 0 };

	/** One item: a slot, a submit retried on 429s like the transport does, the task, the poll. */
	async function item(run: LimiterRun, acceptedAt: number[], refused: number[] = []) {
		const slot = await run.acquire('flux-2-pro', CAP);
		for (;;) {
			const sentAt = now;
			await sleep(15 + 20 * random());
			const accepted = bfl.inFlight < CAP;
			if (accepted) bfl.inFlight++;
			else refused.push(now);
			await sleep(10);
			if (accepted) {
				run.accepted(sentAt);
				acceptedAt.push(now);
				break;
			}
			run.rateLimited(sentAt);
			// As the transport does: the limiter's pause and paced probes space the retries.
			await run.pauseFor();
		}
		await sleep(TASK_MS * (0.95 + 0.1 * random()));
		bfl.inFlight--;
		await sleep(NOTICE[notice](random));
		slot.release();
	}

	/**
	 * Starts every execution at once, `executionsOf[p]` of them in process `p`, each of `items`
	 * items, process `p` starting at `startsAt[p]` (0 by default), after a warm-up run of
	 * `warmUp[p]` items at time 0 (none by default; warm-ups of several processes meet each
	 * other's 429s if they are large enough); returns the time against the ideal (from the first
	 * start), the 429s per image and when each process ended, and when its submits were accepted
	 * and refused (warm-ups aside).
	 */
	async function run(
		executionsOf: number[],
		items: number,
		startsAt: number[] = [],
		warmUp: number[] = [],
	) {
		const limiters = executionsOf.map(() => new AccountLimiter(CAP, clock));
		const executions = executionsOf.reduce((sum, count) => sum + count, 0);
		const owners = executionsOf.flatMap((count, p) => Array<number>(count).fill(p));
		let finished = false;
		let finishedAt = 0;
		const endedAt = executionsOf.map(() => 0);
		const acceptedAt = executionsOf.map((): number[] => []);
		const refusedAt = executionsOf.map((): number[] => []);
		// A warm process ran its warm-up at the start and has been idle since.
		const warmed = executionsOf.map(async (_, p) => {
			if (!warmUp[p]) return;
			const nodeRun = limiters[p].join();
			await Promise.all(Array.from({ length: warmUp[p] }, async () => await item(nodeRun, [])));
			nodeRun.close();
		});
		const all = owners.map(async (p) => {
			await warmed[p];
			await sleep(Math.max(0, (startsAt[p] ?? 0) - now));
			const nodeRun = limiters[p].join();
			await Promise.all(
				Array.from({ length: items }, async () => await item(nodeRun, acceptedAt[p], refusedAt[p])),
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
		const firstStart = Math.min(...executionsOf.map((_, p) => startsAt[p] ?? 0));
		return {
			ratio: (finishedAt - firstStart) / (Math.ceil(images / CAP) * TASK_MS),
			refusedPerImage: refusedAt.flat().length / images,
			endedAt,
			acceptedAt,
			refusedAt,
		};
	}
	return { run };
}
