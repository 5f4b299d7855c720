import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { TaskOptions } from '../core/request/taskOptions';
import { finishedTask, finishedVideo, submittedOutput } from '../core/results/output';
import { optionalNumber } from '../core/results/responses';
import type { Endpoints } from '../core/trust/routing';
import type { LogFunctions } from '../core/trust/scrub';
import { withoutToken } from '../core/trust/webhook';
import { checkTask, type CheckOptions } from '../transport/check';
import type { SubmittedTask } from '../transport/errors';
import { runLogger } from '../transport/log';
import { submitTask } from '../transport/submit';
import { deliver } from './delivery';

/** Where and how an item's task runs; read and checked in prepare, before anything is sent. */
export interface TaskPlan {
	endpoints: Endpoints;
	/** The API host, or the finetune host for finetuned models. */
	baseUrl: string;
	path: string;
	/** The model (or custom path), for the output and messages. */
	model: string;
	options: TaskOptions;
	itemIndex: number;
	/**
	 * Images follow the run's learned poll schedule, and the item's Timeout bounds everything.
	 * Videos take minutes: a plain grid (the first look one interval after the submit), progress
	 * in the debug log, a Timeout for the wait itself, and the MP4 streamed to binary storage.
	 */
	media: 'image' | 'video';
}

export interface TaskExtras {
	/** Settings the output reports as used; added to every output of the item. */
	reports?: IDataObject;
	/** Called once BFL has finished the task (it no longer counts against the account's cap). */
	onFinished?: () => void;
	/** Epoch ms: the item's deadline, when it started before the submit (to fetch input URLs). */
	deadline?: number;
}

function waitFor(
	log: LogFunctions,
	plan: TaskPlan,
	task: SubmittedTask,
	deadline: number,
): CheckOptions {
	const { options, itemIndex } = plan;
	const common = {
		itemIndex,
		what: `the status of task ${task.taskId}`,
		requestTimeoutMs: options.requestTimeoutMs,
	};
	const schedule = { intervalMs: options.pollIntervalMs, timeoutMs: options.timeoutMs };
	if (plan.media === 'image') return { ...common, deadline, wait: schedule };
	return {
		...common,
		wait: {
			...schedule,
			firstPollDelayMs: options.pollIntervalMs,
			subject: 'video',
			onPending: (body) =>
				log.debug(`BFL video task ${task.taskId}: ${String(body.status)}`, {
					taskId: task.taskId,
					status: body.status,
					progress: optionalNumber(body.progress),
				}),
		},
	};
}

/**
 * One item's task from submit to output item: submit; then return at once (webhook, or Return
 * Immediately), or wait until BFL has finished it and attach its file as binary.
 */
export async function runTask(
	ctx: IExecuteFunctions,
	plan: TaskPlan,
	body: IDataObject,
	extras: TaskExtras = {},
): Promise<INodeExecutionData> {
	const { options, itemIndex, model } = plan;
	const reports = extras.reports ?? {};
	// The item's Timeout bounds the submit and, for an image, everything after it, a request in
	// progress included.
	const deadline = extras.deadline ?? Date.now() + options.timeoutMs;
	const { answer, task } = await submitTask(ctx, {
		url: `${plan.baseUrl}${plan.path}`,
		body,
		itemIndex,
		model,
		deadline,
		timeoutMs: options.requestTimeoutMs,
		webhook: options.webhook !== undefined,
	});
	if (!task || !options.waitForCompletion) {
		// A webhook submit has no polling URL to hand on: the trigger receives the result.
		const webhookUrl = options.webhook && withoutToken(options.webhook.url);
		return { json: { ...(submittedOutput(answer, model, webhookUrl) as IDataObject), ...reports } };
	}
	const log = await runLogger(ctx);
	const finalBody = await checkTask(ctx, plan.endpoints, task, waitFor(log, plan, task, deadline));
	extras.onFinished?.();
	const own = { answer, model };
	const finished =
		plan.media === 'image' ? finishedTask(finalBody, own) : finishedVideo(finalBody, own);
	const item = await deliver(ctx, finished, {
		endpoints: plan.endpoints,
		options,
		itemIndex,
		task,
		deadline: plan.media === 'image' ? deadline : undefined,
		maxVideoBytes: options.maxDownloadBytes,
	});
	return { ...item, json: { ...item.json, ...reports } };
}
