import { type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import {
	executeModelRequest,
	modelRequestProperties,
	prepareModelRequest,
	type PreparedModelRequest,
} from '../modelRequest';
import { forOperation } from '../../descriptions/display';

export const description = forOperation(
	'image',
	'edit',
	modelRequestProperties(
		'edit',
		'The FLUX model or tool to edit with. Each takes its input images in a fixed order, shown below.',
	),
);

export async function prepare(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<PreparedModelRequest> {
	return await prepareModelRequest(this, 'edit', itemIndex);
}

export async function execute(
	this: IExecuteFunctions,
	prepared: PreparedModelRequest,
): Promise<INodeExecutionData[]> {
	return await executeModelRequest(this, prepared);
}
