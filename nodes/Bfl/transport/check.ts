import type { IExecuteFunctions } from 'n8n-workflow';

import { isRecord, type JsonRecord } from '../core/results/responses';
import type { Endpoints } from '../core/trust/routing';
import { operationError, type SubmittedTask } from './errors';
import { pollUntilFinal, type WaitOptions } from './poll';
import { bflRequest } from './request';

export interface CheckOptions {
	itemIndex: number;
	/** Words for messages, e.g. "the status of task …". */
	what: string;
	/** Per-request timeout; the API default when unset. */
	requestTimeoutMs?: number;
	/** Epoch ms the item must end by. */
	deadline?: number;
	/** Wait until the task is final, on this schedule; without it, one look. */
	wait?: Omit<WaitOptions, 'itemIndex' | 'requestTimeoutMs' | 'deadline'>;
}

/**
 * Checks a task through its polling URL: one look, which returns whatever status BFL reports, or
 * a wait until the task is final, which throws for moderation, failures and the timeout.
 */
export async function checkTask(
	ctx: IExecuteFunctions,
	endpoints: Endpoints,
	task: SubmittedTask,
	options: CheckOptions,
): Promise<JsonRecord> {
	const { itemIndex, requestTimeoutMs, deadline } = options;
	if (options.wait)
		return await pollUntilFinal(ctx, endpoints, task, {
			...options.wait,
			itemIndex,
			requestTimeoutMs,
			deadline,
		});
	const answer = await bflRequest(ctx, {
		method: 'GET',
		url: task.pollingUrl,
		itemIndex,
		what: options.what,
		task,
		acceptTaskBody: true,
		timeoutMs: requestTimeoutMs,
		deadline,
	});
	if (isRecord(answer) && typeof answer.status === 'string') return answer;
	throw operationError(
		ctx.getNode(),
		`Could not read ${options.what} in BFL's answer`,
		itemIndex,
		task,
	);
}
