import type { IExecuteFunctions } from 'n8n-workflow';

import { mayReceiveKey } from '../core/hosts';
import { isRecord, type JsonRecord } from '../core/responses';
import type { Endpoints } from '../core/routing';
import { classifyStatus } from '../core/status';
import { operationError, type SubmittedTask } from './errors';
import { bflRequest } from './request';
import { cancellableSleep } from './retry';

export interface WaitOptions {
	intervalMs: number;
	timeoutMs: number;
	itemIndex: number;
	/** Delay before the first poll; by default soon after a submit. */
	firstPollDelayMs?: number;
	/** Per-request timeout of each status check. */
	requestTimeoutMs?: number;
	/** Added to the "Task not found" error, e.g. why a task id may not resolve on this host. */
	notFoundHint?: string;
}

/** BFL may answer "Task not found" for a moment right after a submit, before the task is visible. */
export const NOT_FOUND_GRACE_POLLS = 5;
/** A poll whose body is unreadable (a proxy page, truncated JSON) is retried this many times in a row. */
const MAX_UNREADABLE_POLLS = 5;
/** First look soon after the submit: fast models finish in a second or two. */
const FIRST_POLL_DELAY_MS = 500;

/** Refuses a polling URL that may not receive the key, before anything is sent to it. */
export function assertTrustedPollingUrl(
	ctx: IExecuteFunctions,
	endpoints: Endpoints,
	task: SubmittedTask,
	itemIndex: number,
): void {
	if (mayReceiveKey(task.pollingUrl, endpoints.customHostname)) return;
	throw operationError(
		ctx.getNode(),
		`Refusing to poll "${task.pollingUrl}": the API key is only sent to https BFL API hosts (*.bfl.ai)` +
			(endpoints.customHostname
				? ` or the custom base URL's host (${endpoints.customHostname})`
				: ''),
		itemIndex,
		task,
	);
}

function summarize(value: unknown): string {
	if (value === null || value === undefined) return '';
	return typeof value === 'string' ? value : JSON.stringify(value);
}

function failureMessage(body: JsonRecord): string {
	const status = String(body.status);
	const details = summarize(body.details);
	if (classifyStatus(status) === 'moderated') {
		const stage =
			status === 'Request Moderated' ? 'your prompt or input image' : 'the generated image';
		return `BFL moderation blocked ${stage} (${status})${details ? `: ${details}` : ''}. Change the input, or raise Safety Tolerance`;
	}
	const reason = summarize(
		(isRecord(body.details) && body.details.error) || (isRecord(body.result) && body.result.error),
	);
	return `BFL could not generate the image (${status})${reason || details ? `: ${reason || details}` : ''}`;
}

/**
 * Polls a task through the polling_url BFL returned until it reaches a terminal status, and returns
 * the final body. Unknown statuses mean "still running"; moderation, errors and timeouts throw.
 */
export async function awaitTask(
	ctx: IExecuteFunctions,
	endpoints: Endpoints,
	task: SubmittedTask,
	options: WaitOptions,
): Promise<JsonRecord> {
	assertTrustedPollingUrl(ctx, endpoints, task, options.itemIndex);
	const started = Date.now();
	const deadline = started + options.timeoutMs;
	let notFound = 0;
	let unreadable = 0;
	let delay = options.firstPollDelayMs ?? Math.min(options.intervalMs, FIRST_POLL_DELAY_MS);
	for (;;) {
		if (Date.now() + delay > deadline) {
			throw operationError(
				ctx.getNode(),
				`Timed out after ${Math.round(options.timeoutMs / 1000)} s waiting for BFL task ${task.taskId}; it may still finish`,
				options.itemIndex,
				task,
			);
		}
		await cancellableSleep(ctx, delay);
		delay = options.intervalMs;
		const body = await bflRequest(ctx, {
			method: 'GET',
			url: task.pollingUrl,
			itemIndex: options.itemIndex,
			what: `the status of task ${task.taskId}`,
			task,
			acceptTaskBody: true,
			timeoutMs: options.requestTimeoutMs,
		});
		if (!isRecord(body) || typeof body.status !== 'string') {
			if (++unreadable >= MAX_UNREADABLE_POLLS) {
				throw operationError(
					ctx.getNode(),
					`BFL's status answers for task ${task.taskId} could not be read`,
					options.itemIndex,
					task,
				);
			}
			continue;
		}
		unreadable = 0;
		const outcome = classifyStatus(body.status);
		if (outcome === 'ready') return body;
		if (outcome === 'notFound') {
			if (++notFound > NOT_FOUND_GRACE_POLLS) {
				throw operationError(
					ctx.getNode(),
					`BFL does not know task ${task.taskId} (Task not found). ${options.notFoundHint ?? 'Tasks expire after a while, and a task id only resolves on the cluster that ran it'}`,
					options.itemIndex,
					task,
				);
			}
			continue;
		}
		notFound = 0;
		if (outcome === 'moderated' || outcome === 'failed') {
			const outcomeContext = { ...task, status: body.status, details: body.details ?? undefined };
			throw operationError(ctx.getNode(), failureMessage(body), options.itemIndex, outcomeContext);
		}
	}
}
