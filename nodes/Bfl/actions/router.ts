import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type IPairedItemData,
} from 'n8n-workflow';

import { DEFAULT_CONCURRENCY_CAP } from '../catalog/models';
import { NOT_STARTED } from '../core/pacing/limiter';
import { runPool, type PoolTask, type Settled } from '../core/pacing/pool';
import { readNumericOption } from '../core/request/numericOptions';
import type { Scrubber } from '../core/trust/scrub';
import { NUMERIC_OPTIONS } from '../descriptions/taskOptions';
import { runScrubber } from '../transport/log';
import { joinAccount, type AccountSession } from './accountLimiter';
import type { Job, RegisteredOperation } from './operation';
import { operationOf } from './registry';
import { runsAsTool, toolErrorItem, toolItem } from './toolMode';

/** Items in flight for the whole execution; read once, from the first item. */
function readConcurrency(ctx: IExecuteFunctions): number {
	const raw = ctx.getNodeParameter('options.concurrency', 0, DEFAULT_CONCURRENCY_CAP);
	const read = readNumericOption(raw, NUMERIC_OPTIONS.concurrency);
	// A value that is no number has already failed its item in prepare.
	return read.ok ? read.value : DEFAULT_CONCURRENCY_CAP;
}

function asNodeError(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	scrub: Scrubber,
): NodeApiError | NodeOperationError {
	const nodeError =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	nodeError.message = scrub(nodeError.message);
	if (nodeError.description) nodeError.description = scrub(nodeError.description);
	if (nodeError.stack) nodeError.stack = scrub(nodeError.stack);
	Object.assign(nodeError.context, scrub(nodeError.context));
	nodeError.messages = scrub(nodeError.messages);
	if (nodeError.errorResponse) nodeError.errorResponse = scrub(nodeError.errorResponse);
	if (nodeError.cause instanceof Error) {
		nodeError.cause.message = scrub(nodeError.cause.message);
		if (nodeError.cause.stack) nodeError.cause.stack = scrub(nodeError.cause.stack);
	}
	return nodeError;
}

/** The Continue On Fail item: the message plus what a workflow needs to branch or resume. */
function errorItem(
	error: NodeApiError | NodeOperationError,
	pairedItem: IPairedItemData | IPairedItemData[],
): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	for (const key of ['taskId', 'pollingUrl', 'status', 'details']) {
		if (error.context[key] !== undefined) json[key] = error.context[key] as IDataObject[string];
	}
	return { json, pairedItem };
}

/** One request for the whole input: its outputs are paired with every input item. */
async function routeAggregate(
	ctx: IExecuteFunctions,
	operation: RegisteredOperation,
	itemCount: number,
	scrub: Scrubber,
): Promise<INodeExecutionData[][]> {
	const pairedItem = Array.from({ length: itemCount }, (_, item) => ({ item }));
	const asTool = runsAsTool(ctx);
	try {
		const produced: INodeExecutionData[] = [];
		for (const job of await operation.prepare.call(ctx, 0)) produced.push(...(await job.run()));
		return [
			produced.map((item) => {
				const scrubbed = { ...item, json: scrub(item.json), pairedItem };
				return asTool ? toolItem(scrubbed) : scrubbed;
			}),
		];
	} catch (error) {
		if (asTool) return [[toolErrorItem(asNodeError(ctx, error, 0, scrub), pairedItem, 'run')]];
		if (!ctx.continueOnFail()) throw asNodeError(ctx, error, 0, scrub);
		return [[errorItem(asNodeError(ctx, error, 0, scrub), pairedItem)]];
	}
}

/**
 * Runs the chosen operation for every item: first every item is read and validated (no request
 * yet), then the valid ones run through a bounded pool. The output has one entry per input item,
 * in input order, each with pairedItem set here and nowhere else.
 */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operationOf(resource, operationName);
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" of "${resource}" is not supported`,
		);
	}
	// Removes the API key from every text the run outputs or throws.
	const scrub = await runScrubber(this);
	if (items.length && operation.aggregate?.call(this))
		return await routeAggregate(this, operation, items.length, scrub);
	// As an agent's tool, every failure becomes the item's answer to the model (toolMode.ts).
	const asTool = runsAsTool(this);
	const continueOnFail = this.continueOnFail() || asTool;

	const prepared: Array<Settled<Job[]>> = [];
	for (let i = 0; i < items.length; i++) {
		try {
			prepared.push({ ok: true, value: await operation.prepare.call(this, i) });
		} catch (error) {
			if (!continueOnFail) throw asNodeError(this, error, i, scrub);
			prepared.push({ ok: false, error });
		}
	}

	const concurrency = readConcurrency(this);
	// Items that start BFL tasks share the account's slots with every other run of this process.
	const session: AccountSession | undefined = prepared.some(
		(entry) => entry.ok && entry.value.some((job) => job.group),
	)
		? await joinAccount(this, !continueOnFail, concurrency)
		: undefined;
	// With a session, Concurrency and the model caps bound the tasks at BFL through account slots,
	// which are freed as soon as a task is finished. The pool then lets as many items again run
	// their downloads meanwhile, so a download never holds back the next submit.
	const poolScale = session ? 2 : 1;
	const poolJobs: Array<PoolTask<INodeExecutionData[]>> = [];
	// An item may make several jobs (Number of Images); each counts against the caps on its own.
	const jobsOfItem = new Map<number, number[]>();
	prepared.forEach((entry, i) => {
		if (!entry.ok) return;
		jobsOfItem.set(
			i,
			entry.value.map((job) => {
				poolJobs.push({
					key: job.group?.key ?? 'default',
					keyCap: (job.group?.cap ?? concurrency) * poolScale,
					run: async () => {
						// After a cancel, items still queued must not submit (and pay for) anything.
						if (this.getExecutionCancelSignal?.()?.aborted) {
							throw new NodeOperationError(this.getNode(), 'The execution was cancelled', {
								itemIndex: i,
							});
						}
						return await job.run();
					},
				});
				return poolJobs.length - 1;
			}),
		);
	});
	let results: Array<Settled<INodeExecutionData[]> | undefined>;
	try {
		results = await runPool(poolJobs, {
			concurrency: concurrency * poolScale,
			stopOnError: !continueOnFail,
		});
	} finally {
		session?.end();
	}

	const output: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		const entry = prepared[i];
		const outcomes = entry.ok
			? (jobsOfItem.get(i) ?? []).map((jobIndex) => results[jobIndex])
			: [entry];
		for (const outcome of outcomes) {
			if (!outcome || (!outcome.ok && outcome.error === NOT_STARTED)) continue;
			if (outcome.ok) {
				for (const item of outcome.value) {
					const scrubbed = { ...item, json: scrub(item.json), pairedItem: { item: i } };
					output.push(asTool ? toolItem(scrubbed) : scrubbed);
				}
				continue;
			}
			const error = asNodeError(this, outcome.error, i, scrub);
			if (!continueOnFail) throw error;
			output.push(
				asTool
					? toolErrorItem(error, { item: i }, entry.ok ? 'run' : 'input')
					: errorItem(error, { item: i }),
			);
		}
	}
	return [output];
}
