import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { forOperation, operationProperty } from '../descriptions/display';
import type { BflResource, OperationOf } from './node.type';

/** Items sharing a key share BFL's in-flight cap for that key (one model). */
export interface ConcurrencyGroup {
	key: string;
	cap: number;
}

/**
 * One operation of one resource, typed by what its `prepare` hands to `execute`. `prepare` reads
 * and validates an item without sending anything; `execute` does the requests. Splitting them
 * lets the router reject bad input before any item spends credits.
 */
export interface Operation<P> {
	/** The operation's own fields; shown only for its resource and operation. */
	properties: INodeProperties[];
	prepare(this: IExecuteFunctions, itemIndex: number): Promise<P>;
	execute(this: IExecuteFunctions, prepared: P, itemIndex: number): Promise<INodeExecutionData[]>;
	/** The in-flight cap an item's BFL tasks count against; calls that start no task have none. */
	concurrency?(prepared: P): ConcurrencyGroup;
	/** True when the operation turns all input items into one request (e.g. one training set). */
	aggregate?(this: IExecuteFunctions): boolean;
	/**
	 * Splits one prepared item into several tasks (Number of Images). Each runs on its own in the
	 * pool and counts against the caps; their outputs follow each other in order.
	 */
	expand?(prepared: P): P[];
}

/** One piece of an item's work, ready to run: what the router schedules. */
export interface Job {
	group?: ConcurrencyGroup;
	run(): Promise<INodeExecutionData[]>;
}

/** An operation as the router sees it: its prepared type is bound inside its jobs. */
export interface RegisteredOperation<
	R extends BflResource = BflResource,
	O extends string = string,
> {
	resource: R;
	operation: O;
	description: INodeProperties[];
	/** Reads and validates one item, sending nothing, and returns its jobs. */
	prepare(this: IExecuteFunctions, itemIndex: number): Promise<Job[]>;
	aggregate?(this: IExecuteFunctions): boolean;
}

/** The operations of one resource, exactly those node.type.ts names. */
export type ResourceOperations<R extends BflResource> = {
	[O in OperationOf<R>]: RegisteredOperation<R, O>;
};

/** Registers an operation under its resource and name; a name node.type.ts lacks fails the build. */
export function defineOperation<R extends BflResource, O extends OperationOf<R>, P>(
	resource: R,
	operation: O,
	definition: Operation<P>,
): RegisteredOperation<R, O> {
	return {
		resource,
		operation,
		description: forOperation(resource, operation, definition.properties),
		aggregate: definition.aggregate,
		async prepare(this: IExecuteFunctions, itemIndex: number) {
			const prepared = await definition.prepare.call(this, itemIndex);
			return (definition.expand?.(prepared) ?? [prepared]).map((part) => ({
				group: definition.concurrency?.(part),
				run: async () => await definition.execute.call(this, part, itemIndex),
			}));
		},
	};
}

/** One choice of a resource's Operation picker. */
export type OperationChoice<R extends BflResource> = INodePropertyOptions & {
	value: OperationOf<R>;
};

/** The Operation picker of one resource, its values checked against node.type.ts. */
export function operationPicker<R extends BflResource>(
	resource: R,
	defaultOperation: OperationOf<R>,
	choices: Array<OperationChoice<R>>,
): INodeProperties {
	return operationProperty(resource, defaultOperation, choices);
}
