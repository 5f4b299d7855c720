import {
	NodeOperationError,
	sleep,
	type IHttpRequestOptions,
	type INode,
	type IN8nHttpFullResponse,
} from 'n8n-workflow';

import type { RateGate } from '../core/accounts';
import { isRetryable, parseRetryAfterMs, retryDelayMs } from '../core/backoff';
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
	/** Epoch ms after which no new attempt starts. */
	deadline?: number;
	/** A submit's account limiter: told of accepted submits and 429s (see core/limiter). */
	gate?: RateGate;
}

export type Attempt =
	| { kind: 'response'; response: IN8nHttpFullResponse; attempts: number }
	| { kind: 'network'; code: string; attempts: number };

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
	send: () => Promise<IN8nHttpFullResponse>,
): Promise<Attempt> {
	for (let attempt = 1; ; attempt++) {
		let outcome: Attempt;
		let retryAfterMs: number | undefined;
		let rateLimited = false;
		try {
			const sentAt = Date.now();
			const response = await send();
			outcome = { kind: 'response', response, attempts: attempt };
			if (response.statusCode < 400) {
				policy.gate?.accepted();
				return outcome;
			}
			if (!isRetryable({ method: policy.method, status: response.statusCode })) return outcome;
			retryAfterMs = parseRetryAfterMs(response.headers?.['retry-after'], Date.now());
			rateLimited = response.statusCode === 429;
			if (rateLimited) policy.gate?.rateLimited(sentAt, retryAfterMs);
		} catch (error) {
			if (isCancelled(ctx)) throw cancelledError(ctx);
			const code = networkErrorCode(error);
			outcome = { kind: 'network', code, attempts: attempt };
			if (!isRetryable({ method: policy.method, connectionRefused: code === 'ECONNREFUSED' }))
				return outcome;
		}
		const delay = retryDelayMs(attempt - 1, retryAfterMs);
		const outOfTime = policy.deadline !== undefined && Date.now() + delay > policy.deadline;
		if (attempt >= policy.maxAttempts || outOfTime) return outcome;
		if (rateLimited && policy.gate) await policy.gate.pauseFor(() => cancellableSleep(ctx, delay));
		else await cancellableSleep(ctx, delay);
	}
}
