import { NodeOperationError, sleep, type IExecuteFunctions } from 'n8n-workflow';

import { DEFAULT_CONCURRENCY_CAP } from '../catalog/models';
import { AccountRegistry, accountKey, bindRun, runOf } from '../core/pacing/accounts';
import type { LimiterRun } from '../core/pacing/limiter';
import { runLogger } from '../transport/log';
import { getEndpoints, runCredentials } from '../transport/request';
import type { ConcurrencyGroup } from './operation';

/**
 * Module scope on purpose: n8n loads the node once per process, so every execution and node
 * instance of this process shares these limiters (see core/pacing/limiter).
 */
const accounts = new AccountRegistry({
	now: () => Date.now(),
	wake: async (ms) => await sleep(ms),
	random: Math.random,
});

export interface AccountSession {
	/** Ends the run's share: frees what it still holds and logs what it waited for. */
	end(): void;
}

/**
 * Joins the account of the node's credential for this run, which holds at most `concurrency`
 * slots at once. Cancelling the execution frees the run's slots at once and its queued items leave
 * the queue.
 */
export async function joinAccount(
	ctx: IExecuteFunctions,
	stopOnFailure: boolean,
	concurrency: number,
): Promise<AccountSession> {
	const credentials = await runCredentials(ctx);
	const endpoints = await getEndpoints(ctx, 0);
	const limiter = accounts.limiterFor(
		accountKey(String(credentials.apiKey ?? ''), endpoints.apiBaseUrl),
		DEFAULT_CONCURRENCY_CAP,
	);
	const log = await runLogger(ctx);
	const run = limiter.join(concurrency);
	run.stopOnFailure = stopOnFailure;
	bindRun(ctx, run);
	const signal = ctx.getExecutionCancelSignal?.();
	const onAbort = () =>
		run.close(new NodeOperationError(ctx.getNode(), 'The execution was cancelled'));
	signal?.addEventListener('abort', onAbort);
	if (signal?.aborted) onAbort();
	return {
		end: () => {
			signal?.removeEventListener('abort', onAbort);
			bindRun(ctx, undefined);
			run.close();
			log.debug('BFL account limiter: run finished', {
				slotsWaitedFor: run.stats.waited,
				rateLimited429s: run.stats.rateLimited,
				lowestAccountLimit: run.stats.lowestLimit,
				accountLimit: limiter.limit,
			});
		},
	};
}

/**
 * Runs the work of one BFL task inside a slot of the account: every task that will occupy BFL's
 * in-flight cap goes through here. `work` gets the slot's release, to free it as soon as BFL has
 * finished the task (before the download); it is freed at the end in any case. Without a joined
 * run (e.g. an aggregate operation) the work runs directly.
 */
export async function withAccountSlot<T>(
	ctx: IExecuteFunctions,
	group: ConcurrencyGroup,
	work: (release: () => void) => Promise<T>,
): Promise<T> {
	const run: LimiterRun | undefined = runOf(ctx);
	if (!run) return await work(() => undefined);
	const slot = await run.acquire(group.key, group.cap);
	const running = work(() => slot.release());
	// Registered first, so a failure stops the run before its slot passes to a queued item.
	if (run.stopOnFailure) running.catch(() => run.stop());
	try {
		return await running;
	} finally {
		slot.release();
	}
}
