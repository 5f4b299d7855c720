import { type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { regionNotice } from '../../descriptions/finetune';
import {
	executeModelRequest,
	modelRequestProperties,
	prepareModelRequest,
	type PreparedModelRequest,
} from '../modelRequest';
import { forOperation } from '../../descriptions/display';

export const description = forOperation('finetune', 'generate', [
	regionNotice,
	...modelRequestProperties(
		'finetune',
		'The endpoint that matches your finetune or LoRA (base model and precision)',
	),
]);

export async function prepare(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<PreparedModelRequest> {
	return await prepareModelRequest(this, 'finetune', itemIndex);
}

export async function execute(
	this: IExecuteFunctions,
	prepared: PreparedModelRequest,
): Promise<INodeExecutionData[]> {
	return await executeModelRequest(this, prepared);
}
