import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** Items sharing a key share BFL's in-flight cap for that key (one model). */
export interface ConcurrencyGroup {
	key: string;
	cap: number;
}

/** What the router needs of an item once it is read and validated. */
export interface PreparedItem {
	group?: ConcurrencyGroup;
}

/**
 * One operation of one resource. `prepare` reads and validates an item without sending anything;
 * `execute` does the requests. Splitting them lets the router reject bad input before any item
 * spends credits.
 */
export interface Operation<P extends PreparedItem = PreparedItem> {
	description: INodeProperties[];
	prepare(this: IExecuteFunctions, itemIndex: number): Promise<P>;
	execute(this: IExecuteFunctions, prepared: P, itemIndex: number): Promise<INodeExecutionData[]>;
	/** True when the operation turns all input items into one request (e.g. one training set). */
	aggregate?(this: IExecuteFunctions): boolean;
	/**
	 * Splits one prepared item into several tasks (Number of Images). Each runs on its own in the
	 * pool and counts against the caps; their outputs follow each other in order.
	 */
	expand?(this: IExecuteFunctions, prepared: P): P[];
}
