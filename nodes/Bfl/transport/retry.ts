import {
	NodeOperationError,
	sleep,
	type IHttpRequestOptions,
	type INode,
	type IN8nHttpFullResponse,
} from 'n8n-workflow';

import type { RateGate } from '../core/pacing/accounts';
import { isRetryable, parseRetryAfterMs, retryDelayMs } from '../core/pacing/backoff';
import { networkErrorCode } from './errors';

/**
 * What retries and downloads need of an n8n context. Both the action node's execute context and
 * the trigger's webhook context fit it.
 */
export interface RequestContext {
	getNode(): INode;
	getExecutionCancelSignal?(): AbortSignal | undefined;
	helpers: { httpRequest(options: IHttpRequestOptions): Promise<unknown> };
}

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface RetryPolicy {
	method: HttpMethod;
	/** Attempts in total, the first one included. */
	maxAttempts: number;
	/** Epoch ms: the item's deadline. No attempt starts after it, and one in progress is aborted. */
	deadline?: number;
	/** Bounds one attempt as a whole, headers and body, however slowly the bytes arrive. */
	attemptTimeoutMs?: number;
	/** A submit's account limiter: told of accepted submits and 429s (see core/pacing/limiter). */
	gate?: RateGate;
	/** An error status the caller reads as an answer, never retried (a poll's task body). */
	isAnswer?: (response: IN8nHttpFullResponse) => boolean;
}

export type Attempt =
	| { kind: 'response'; response: IN8nHttpFullResponse; attempts: number }
	| { kind: 'network'; code: string; attempts: number }
	| { kind: 'deadline'; attempts: number };

/** One attempt's abort signal: the execution's cancel, the attempt's timeout, the item's deadline. */
interface AttemptSignals {
	signal: AbortSignal;
	attemptTimedOut: () => boolean;
	deadlinePassed: () => boolean;
}

function attemptSignals(ctx: RequestContext, policy: RetryPolicy): AttemptSignals {
	const cancel = ctx.getExecutionCancelSignal?.();
	const perAttempt = policy.attemptTimeoutMs
		? AbortSignal.timeout(Math.max(1, policy.attemptTimeoutMs))
		: undefined;
	const deadline =
		policy.deadline === undefined
			? undefined
			: AbortSignal.timeout(Math.max(1, policy.deadline - Date.now()));
	const signals = [cancel, perAttempt, deadline].filter((s): s is AbortSignal => s !== undefined);
	return {
		signal: AbortSignal.any(signals),
		attemptTimedOut: () => perAttempt?.aborted === true,
		deadlinePassed: () => deadline?.aborted === true,
	};
}

/** Ends a wait early when the execution is cancelled, also on n8n 1.x whose sleep ignores the signal. */
export async function cancellableSleep(ctx: RequestContext, ms: number): Promise<void> {
	const signal = ctx.getExecutionCancelSignal?.();
	await sleep(ms, signal);
	if (signal?.aborted) throw cancelledError(ctx);
}

function cancelledError(ctx: RequestContext): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), 'The execution was cancelled');
}

function isCancelled(ctx: RequestContext): boolean {
	return ctx.getExecutionCancelSignal?.()?.aborted === true;
}

/**
 * Sends a request until it succeeds or stops being worth retrying. It never throws for HTTP
 * statuses or network errors: the caller decides what the final outcome means.
 */
export async function sendWithRetries(
	ctx: RequestContext,
	policy: RetryPolicy,
	send: (signal: AbortSignal) => Promise<IN8nHttpFullResponse>,
): Promise<Attempt> {
	// 429s behind an account limiter: they wait for its grants and do not use up attempts.
	let gatedWaits = 0;
	for (let attempt = 1; ; attempt++) {
		let outcome: Attempt;
		let retryAfterMs: number | undefined;
		if (policy.deadline !== undefined && Date.now() >= policy.deadline)
			return { kind: 'deadline', attempts: attempt };
		const signals = attemptSignals(ctx, policy);
		let rateLimited = false;
		try {
			const sentAt = Date.now();
			const response = await send(signals.signal);
			outcome = { kind: 'response', response, attempts: attempt };
			if (response.statusCode < 400) {
				policy.gate?.accepted(sentAt);
				return outcome;
			}
			if (policy.isAnswer?.(response)) return outcome;
			if (!isRetryable({ method: policy.method, status: response.statusCode })) return outcome;
			retryAfterMs = parseRetryAfterMs(response.headers?.['retry-after'], Date.now());
			rateLimited = response.statusCode === 429;
			if (rateLimited) policy.gate?.rateLimited(sentAt, retryAfterMs);
		} catch (error) {
			if (isCancelled(ctx)) throw cancelledError(ctx);
			// A refusal decided while reading the answer (too large, not an image) is final.
			// (Given a NodeOperationError, its constructor returns that same error.)
			if (error instanceof NodeOperationError) throw new NodeOperationError(ctx.getNode(), error);
			if (signals.deadlinePassed()) return { kind: 'deadline', attempts: attempt };
			const code = signals.attemptTimedOut() ? 'ETIMEDOUT' : networkErrorCode(error);
			outcome = { kind: 'network', code, attempts: attempt };
			if (!isRetryable({ method: policy.method, connectionRefused: code === 'ECONNREFUSED' }))
				return outcome;
		}
		if (rateLimited && policy.gate) {
			// The limiter pauses the account after a 429 and then lets one probe out at a time, so
			// the next attempt waits for its grant; a back-off of the item's own on top would leave
			// the item that keeps drawing the probe asleep long after the account has room.
			gatedWaits++;
			const readmitted = await policy.gate.pauseFor(policy.deadline);
			// Out of time while waiting for the account: the answer stays the 429 (nothing started).
			if (!readmitted || (policy.deadline !== undefined && Date.now() >= policy.deadline))
				return outcome;
			continue;
		}
		const delay = retryDelayMs(attempt - 1 - gatedWaits, retryAfterMs);
		const outOfTime = policy.deadline !== undefined && Date.now() + delay > policy.deadline;
		if (attempt - gatedWaits >= policy.maxAttempts || outOfTime) return outcome;
		await cancellableSleep(ctx, delay);
	}
}
