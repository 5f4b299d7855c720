import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { withAccountSlot } from './accountLimiter';
import { runTask, type TaskPlan } from './lifecycle';
import type { ConcurrencyGroup, Operation } from './operation';

/** What every kind's prepare hands on: where the task runs, and what it counts against. */
export interface PreparedTask {
	/** This run's pool group (a model's cap, or video's 5 within Concurrency). */
	group: ConcurrencyGroup;
	/** The account limiter's slot: the model's, or video's cap of 5 whatever the Concurrency. */
	slot: ConcurrencyGroup;
	plan: TaskPlan;
	/** Settings the output reports as used, added to every output of the item. */
	reports: Record<string, unknown>;
}

/**
 * What differs between images (Generate, Edit, Finetune → Generate) and video: reading an item
 * from its catalog row, and the body. Everything else is one composition (taskOperation).
 */
export interface TaskKind<P extends PreparedTask> {
	properties: INodeProperties[];
	/** Reads and checks one item, inputs included, sending nothing. */
	prepare(ctx: IExecuteFunctions, itemIndex: number): Promise<P>;
	/**
	 * The row's body; inputs are read and encoded only now, once, to keep memory flat. `deadline`
	 * is the item's (epoch ms), which also bounds fetching its input URLs.
	 */
	body(ctx: IExecuteFunctions, prepared: P, deadline: number): Promise<Record<string, unknown>>;
	/** Number of Images: one task per image. */
	expand?(prepared: P): P[];
}

/**
 * One operation that runs a BFL task: prepare → a slot of the account → body with its Completion
 * → the task (submit, wait) → the delivered output item. The slot is freed once BFL has finished
 * the task, before the download.
 */
export function taskOperation<P extends PreparedTask>(kind: TaskKind<P>): Operation<P> {
	return {
		properties: kind.properties,
		async prepare(this: IExecuteFunctions, itemIndex: number) {
			return await kind.prepare(this, itemIndex);
		},
		async execute(this: IExecuteFunctions, prepared: P): Promise<INodeExecutionData[]> {
			return await withAccountSlot(this, prepared.slot, async (release) => {
				// The item's Timeout starts with its slot: it covers the inputs too, not only the task.
				const deadline = Date.now() + prepared.plan.options.timeoutMs;
				const webhook = prepared.plan.options.webhook;
				const body = {
					...(await kind.body(this, prepared, deadline)),
					...(webhook && { webhook_url: webhook.url }),
					...(webhook?.secret && { webhook_secret: webhook.secret }),
				} as IDataObject;
				const extras = { reports: prepared.reports as IDataObject, onFinished: release, deadline };
				return [await runTask(this, prepared.plan, body, extras)];
			});
		},
		concurrency: (prepared) => prepared.group,
		expand: kind.expand,
	};
}
