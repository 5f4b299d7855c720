import {
	NodeApiError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type IPairedItemData,
	type NodeOperationError,
} from 'n8n-workflow';

import { toolFailure, toolSuccess } from '../core/results/toolAnswer';

/** n8n runs a node under an AI agent as the type `<package>.<name>Tool`. */
export function runsAsTool(ctx: IExecuteFunctions): boolean {
	return ctx.getNode().type.endsWith('Tool');
}

/** A task's item as the model's answer; other items (credits, finetunes) keep their JSON. */
export function toolItem(item: INodeExecutionData): INodeExecutionData {
	const { json, pairedItem } = item;
	const isTask = typeof json.id === 'string' && typeof json.status === 'string';
	return { json: isTask ? toolSuccess(json, Date.now()) : json, pairedItem };
}

/**
 * A failure as the model's answer rather than a thrown error: n8n ends the execution as a success
 * either way, and only this answer tells the model what to change, or that calling again is useless.
 */
export function toolErrorItem(
	error: NodeApiError | NodeOperationError,
	pairedItem: IPairedItemData | IPairedItemData[],
	stage: 'input' | 'run',
): INodeExecutionData {
	const context = error.context as Record<string, unknown>;
	const json = toolFailure({
		message: error.message,
		description: error.description ?? undefined,
		httpCode: error instanceof NodeApiError ? (error.httpCode ?? undefined) : undefined,
		status: typeof context.status === 'string' ? context.status : undefined,
		taskId: typeof context.taskId === 'string' ? context.taskId : undefined,
		stage,
	});
	return { json, pairedItem };
}
