import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { describeErrorBody, isRecord, type JsonRecord } from '../core/results/responses';
import { parseHttpUrl } from '../core/trust/hosts';
import { operationError, type SubmittedTask } from './errors';
import { bflRequest } from './request';

/** 429s on a submit are retried until the item's timeout; this only bounds a runaway loop. */
const MAX_SUBMIT_ATTEMPTS = 200;

export interface SubmitRequest {
	/** Absolute URL: the API host (or the finetune host) and the endpoint's path. */
	url: string;
	body: IDataObject;
	itemIndex: number;
	/** The model or endpoint, for messages. */
	model: string;
	/** Epoch ms: the item's deadline. */
	deadline: number;
	/** Bounds each attempt, headers and body. */
	timeoutMs: number;
	/** BFL reports to a webhook, so its answer need not carry a polling URL. */
	webhook: boolean;
}

export interface Submission {
	/** BFL's answer as it came: cost and megapixels of FLUX.2 models are only here. */
	answer: JsonRecord;
	/** What polling needs; absent when BFL reports to a webhook. */
	task?: SubmittedTask;
}

/**
 * BFL answers a path it does not serve with FastAPI's plain 404 "Not Found": a model it retired or
 * renamed, or a path guessed before BFL published it. Other 404s (an unknown finetune) keep theirs.
 */
function retiredEndpointMessage(url: string): (body: unknown) => string | undefined {
	const path = parseHttpUrl(url)?.pathname ?? url;
	return (body) =>
		describeErrorBody(body) === 'Not Found'
			? `BFL does not serve ${path} (404): the model may be retired or renamed. Choose another model, or send the request to its new path with Model → Custom Endpoint`
			: undefined;
}

/**
 * Submits one task: the paid POST. A network failure is never re-sent (BFL may have accepted
 * it); 429s wait for a slot of the account until the item's deadline.
 */
export async function submitTask(
	ctx: IExecuteFunctions,
	request: SubmitRequest,
): Promise<Submission> {
	const { model, itemIndex } = request;
	const answer = await bflRequest(ctx, {
		method: 'POST',
		url: request.url,
		body: request.body,
		itemIndex,
		what: `the ${model} request`,
		deadline: request.deadline,
		deadlineMessage: `The item's Timeout ran out during the ${model} request; BFL may have accepted it`,
		maxAttempts: MAX_SUBMIT_ATTEMPTS,
		timeoutMs: request.timeoutMs,
		statusMessages: { 404: retiredEndpointMessage(request.url) },
	});
	const fail = (missing: string) =>
		operationError(
			ctx.getNode(),
			`BFL's answer to the ${model} request has no ${missing}`,
			itemIndex,
		);
	if (!isRecord(answer) || typeof answer.id !== 'string') throw fail('task id');
	if (request.webhook) return { answer };
	if (typeof answer.polling_url !== 'string') throw fail('polling URL');
	return { answer, task: { taskId: answer.id, pollingUrl: answer.polling_url } };
}
