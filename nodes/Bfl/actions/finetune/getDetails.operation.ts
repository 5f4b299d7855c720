import { type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { finetuneIdProperty, regionNotice } from '../../descriptions/finetune';
import { defineOperation } from '../operation';
import { fetchDetails, prepareReference, type FinetuneReference } from './reference';

async function execute(
	this: IExecuteFunctions,
	reference: FinetuneReference,
): Promise<INodeExecutionData[]> {
	return [
		{ json: { finetuneId: reference.finetuneId, details: await fetchDetails(this, reference) } },
	];
}

export const operation = defineOperation('finetune', 'getDetails', {
	properties: [regionNotice, finetuneIdProperty],
	prepare: prepareReference,
	execute,
});
