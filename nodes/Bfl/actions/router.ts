import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type IPairedItemData,
} from 'n8n-workflow';

import { DEFAULT_CONCURRENCY_CAP } from '../catalog/models';
import { NOT_STARTED } from '../core/limiter';
import { runPool, type PoolTask, type Settled } from '../core/pool';
import { joinAccount, type AccountSession } from './accountLimiter';
import * as account from './account';
import * as finetune from './finetune';
import * as image from './image';
import * as task from './task';
import type { Operation, PreparedItem } from './operation';

const RESOURCES: Record<string, Record<string, Operation>> = {
	image: image.operations,
	task: task.operations,
	finetune: finetune.operations,
	account: account.operations,
};

/** Items in flight for the whole execution; read once, from the first item. */
function readConcurrency(ctx: IExecuteFunctions): number {
	const raw = Number(ctx.getNodeParameter('options.concurrency', 0, DEFAULT_CONCURRENCY_CAP));
	return Math.min(DEFAULT_CONCURRENCY_CAP, Math.max(1, Math.floor(raw) || DEFAULT_CONCURRENCY_CAP));
}

function asNodeError(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
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
	operation: Operation,
	itemCount: number,
): Promise<INodeExecutionData[][]> {
	const pairedItem = Array.from({ length: itemCount }, (_, item) => ({ item }));
	try {
		const produced = await operation.execute.call(ctx, await operation.prepare.call(ctx, 0), 0);
		return [produced.map((item) => ({ ...item, pairedItem }))];
	} catch (error) {
		if (!ctx.continueOnFail()) throw asNodeError(ctx, error, 0);
		return [[errorItem(asNodeError(ctx, error, 0), pairedItem)]];
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
	const operation = RESOURCES[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" of "${resource}" is not supported`,
		);
	}
	if (items.length && operation.aggregate?.call(this))
		return await routeAggregate(this, operation, items.length);
	const continueOnFail = this.continueOnFail();

	const prepared: Array<Settled<PreparedItem>> = [];
	for (let i = 0; i < items.length; i++) {
		try {
			prepared.push({ ok: true, value: await operation.prepare.call(this, i) });
		} catch (error) {
			if (!continueOnFail) throw asNodeError(this, error, i);
			prepared.push({ ok: false, error });
		}
	}

	const concurrency = readConcurrency(this);
	// Items that start BFL tasks share the account's slots with every other run of this process.
	const session: AccountSession | undefined = prepared.some(
		(entry) => entry.ok && entry.value.group,
	)
		? await joinAccount(this, !continueOnFail)
		: undefined;
	const tasks: Array<PoolTask<INodeExecutionData[]>> = [];
	const taskOfItem = new Map<number, number>();
	prepared.forEach((entry, i) => {
		if (!entry.ok) return;
		taskOfItem.set(i, tasks.length);
		tasks.push({
			key: entry.value.group?.key ?? 'default',
			keyCap: entry.value.group?.cap ?? concurrency,
			run: async () => {
				// After a cancel, items still queued must not submit (and pay for) anything.
				if (this.getExecutionCancelSignal?.()?.aborted) {
					throw new NodeOperationError(this.getNode(), 'The execution was cancelled', {
						itemIndex: i,
					});
				}
				return await operation.execute.call(this, entry.value, i);
			},
		});
	});
	let results: Array<Settled<INodeExecutionData[]> | undefined>;
	try {
		results = await runPool(tasks, { concurrency, stopOnError: !continueOnFail });
	} finally {
		session?.end();
	}

	const output: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		const task = taskOfItem.get(i);
		const outcome = task === undefined ? prepared[i] : results[task];
		if (!outcome || (!outcome.ok && outcome.error === NOT_STARTED)) continue;
		if (outcome.ok) {
			const produced = outcome.value as INodeExecutionData[];
			for (const item of produced) output.push({ ...item, pairedItem: { item: i } });
			continue;
		}
		const error = asNodeError(this, outcome.error, i);
		if (!continueOnFail) throw error;
		output.push(errorItem(error, { item: i }));
	}
	return [output];
}
