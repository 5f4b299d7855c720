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
	'generate',
	modelRequestProperties(
		'generate',
		'The FLUX model to generate with. FLUX.1 models are legacy: BFL recommends FLUX.2.',
	),
);

export async function prepare(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<PreparedModelRequest> {
	return await prepareModelRequest(this, 'generate', itemIndex);
}

export async function execute(
	this: IExecuteFunctions,
	prepared: PreparedModelRequest,
): Promise<INodeExecutionData[]> {
	return await executeModelRequest(this, prepared);
}
