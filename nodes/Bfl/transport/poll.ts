import type { IExecuteFunctions } from 'n8n-workflow';

import {
	coldPhaseMs,
	DurationEstimate,
	nextPollDelayMs,
	observedDurationMs,
} from '../core/pacing/pollSchedule';
import { isRecord, type JsonRecord } from '../core/results/responses';
import { classifyStatus } from '../core/results/status';
import { mayReceiveKey, parseHttpUrl } from '../core/trust/hosts';
import type { Endpoints } from '../core/trust/routing';
import { describeTask, operationError, type SubmittedTask } from './errors';
import { bflRequest, keyScopeText, MAX_POLL_ATTEMPTS } from './request';
import { cancellableSleep } from './retry';

export interface WaitOptions {
	intervalMs: number;
	timeoutMs: number;
	/** Epoch ms the whole item must end by; by default timeoutMs from now. */
	deadline?: number;
	itemIndex: number;
	/** Delay before the first poll; by default soon after a submit. */
	firstPollDelayMs?: number;
	/** Per-request timeout of each status check. */
	requestTimeoutMs?: number;
	/** Added to the "Task not found" error, e.g. why a task id may not resolve on this host. */
	notFoundHint?: string;
	/** What the task makes, for messages: 'image' unless said. */
	subject?: string;
	/** What BFL could not do, for a failure's message: "generate the <subject>" unless said. */
	goal?: string;
	/** Called with each answer that says the task is still running (e.g. to log its progress). */
	onPending?: (body: JsonRecord) => void;
}

/** BFL may answer "Task not found" for a moment right after a submit, before the task is visible. */
export const NOT_FOUND_GRACE_POLLS = 5;
/** A poll whose body is unreadable (a proxy page, truncated JSON) is retried this many times in a row. */
const MAX_UNREADABLE_POLLS = 5;

/** What one run has learned about how long its tasks take, per polling host. */
interface RunTimings {
	estimate: DurationEstimate;
	/** Resolves when the run's first task is seen Ready, waking the items still on the cold grid. */
	learned: Promise<void>;
	markLearned: () => void;
}

/** Keyed by the execution context, so nothing outlives the run. */
const runTimings = new WeakMap<object, Map<string, RunTimings>>();

function timingsFor(ctx: object, pollingUrl: string): RunTimings {
	let byHost = runTimings.get(ctx);
	if (!byHost) runTimings.set(ctx, (byHost = new Map()));
	const host = parseHttpUrl(pollingUrl)?.host ?? '';
	let timings = byHost.get(host);
	if (!timings) {
		let markLearned = () => {};
		const learned = new Promise<void>((resolve) => (markLearned = resolve));
		timings = { estimate: new DurationEstimate(), learned, markLearned };
		byHost.set(host, timings);
	}
	return timings;
}

/** Refuses a polling URL that may not receive the key, before anything is sent to it. */
export function assertTrustedPollingUrl(
	ctx: IExecuteFunctions,
	endpoints: Endpoints,
	task: SubmittedTask,
	itemIndex: number,
): void {
	if (mayReceiveKey(task.pollingUrl, endpoints.customBaseUrl)) return;
	throw operationError(
		ctx.getNode(),
		`Refusing to poll "${task.pollingUrl}": ${keyScopeText(endpoints)}`,
		itemIndex,
		task,
		// Get Result would refuse the same URL, so the hint points at the credential instead.
		describeTask(
			task,
			"If you use a gateway or proxy, check the credential's Region and Base URL; otherwise this answer did not come from BFL.",
		),
	);
}

function summarize(value: unknown): string {
	if (value === null || value === undefined) return '';
	return typeof value === 'string' ? value : JSON.stringify(value);
}

function failureMessage(body: JsonRecord, subject = 'image', goal?: string): string {
	const status = String(body.status);
	const details = summarize(body.details);
	if (classifyStatus(status) === 'moderated') {
		const stage =
			status === 'Request Moderated'
				? `your prompt or input ${subject === 'image' ? 'image' : 'media'}`
				: `the generated ${subject}`;
		return `BFL moderation blocked ${stage} (${status})${details ? `: ${details}` : ''}. Change the input, or raise Safety Tolerance`;
	}
	const reason = summarize(
		(isRecord(body.details) ? body.details.error : undefined) ??
			(isRecord(body.result) ? body.result.error : undefined),
	);
	return `BFL could not ${goal ?? `generate the ${subject}`} (${status})${reason || details ? `: ${reason || details}` : ''}`;
}

/**
 * Polls a task through the polling_url BFL returned until it reaches a terminal status, and returns
 * the final body. Unknown statuses mean "still running"; moderation, errors and timeouts throw.
 */
export async function pollUntilFinal(
	ctx: IExecuteFunctions,
	endpoints: Endpoints,
	task: SubmittedTask,
	options: WaitOptions,
): Promise<JsonRecord> {
	assertTrustedPollingUrl(ctx, endpoints, task, options.itemIndex);
	const started = Date.now();
	const deadline = options.deadline ?? started + options.timeoutMs;
	const timedOut = `Timed out after ${Math.round(options.timeoutMs / 1000)} s waiting for BFL task ${task.taskId}; it may still finish`;
	let notFound = 0;
	let unreadable = 0;
	// Right after a submit, polls follow the run's learned schedule (core/pacing/pollSchedule); a caller
	// that pins the first poll (Get Result of an older task) gets a plain interval.
	const timings =
		options.firstPollDelayMs === undefined ? timingsFor(ctx, task.pollingUrl) : undefined;
	const phaseMs = coldPhaseMs(options.itemIndex, options.intervalMs);
	let lastPollMs: number | undefined;
	let lastPollCold = false;
	let lastPendingMs = 0;
	for (;;) {
		const expectedMs = timings?.estimate.expectedMs();
		const delay = timings
			? nextPollDelayMs({
					elapsedMs: Date.now() - started,
					lastPollMs,
					intervalMs: options.intervalMs,
					expectedMs,
					phaseMs,
					lastPollCold,
				})
			: lastPollMs === undefined
				? (options.firstPollDelayMs ?? 0)
				: options.intervalMs;
		if (Date.now() + delay > deadline)
			throw operationError(ctx.getNode(), timedOut, options.itemIndex, task);
		if (timings && expectedMs === undefined) {
			// On the cold grid, the run's first finished task wakes us to re-plan.
			const slept = cancellableSleep(ctx, delay).then(() => false);
			slept.catch(() => {}); // a cancel after the wake-up surfaces at the next sleep or request
			if (await Promise.race([slept, timings.learned.then(() => true)])) continue;
		} else {
			await cancellableSleep(ctx, delay);
		}
		const sentMs = Date.now() - started;
		lastPollMs = sentMs;
		lastPollCold = expectedMs === undefined;
		const body = await bflRequest(ctx, {
			method: 'GET',
			url: task.pollingUrl,
			itemIndex: options.itemIndex,
			what: `the status of task ${task.taskId}`,
			task,
			acceptTaskBody: true,
			maxAttempts: MAX_POLL_ATTEMPTS,
			deadline,
			deadlineMessage: timedOut,
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
		if (outcome === 'ready') {
			timings?.estimate.add(
				observedDurationMs({
					lastPendingSentMs: lastPendingMs,
					readyAnsweredMs: Date.now() - started,
					reportedSeconds: isRecord(body.result) ? body.result.duration : undefined,
				}),
			);
			timings?.markLearned();
			return body;
		}
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
		if (outcome === 'pending') {
			lastPendingMs = sentMs;
			options.onPending?.(body);
		}
		if (outcome === 'moderated' || outcome === 'failed') {
			const outcomeContext = { ...task, status: body.status, details: body.details ?? undefined };
			throw operationError(
				ctx.getNode(),
				failureMessage(body, options.subject, options.goal),
				options.itemIndex,
				outcomeContext,
			);
		}
	}
}
