import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { executeModelRequest, modelRequestProperties, prepareModelRequest, type PreparedModelRequest } from '../modelRequest';

export const description = updateDisplayOptions(
	{ show: { resource: ['image'], operation: ['generate'] } },
	modelRequestProperties('generate', 'The FLUX model to generate with. FLUX.1 models are legacy: BFL recommends FLUX.2.'),
);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<PreparedModelRequest> {
	return await prepareModelRequest(this, 'generate', itemIndex);
}

export async function execute(this: IExecuteFunctions, prepared: PreparedModelRequest): Promise<INodeExecutionData[]> {
	return await executeModelRequest(this, prepared);
}
