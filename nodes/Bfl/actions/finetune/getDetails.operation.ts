import { type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { finetuneIdProperty, regionNotice } from '../../descriptions/finetune';
import { fetchDetails, prepareReference, type FinetuneReference } from './reference';
import { forOperation } from '../../descriptions/display';

export const description = forOperation('finetune', 'getDetails', [
	regionNotice,
	finetuneIdProperty,
]);

export { prepareReference as prepare };

export async function execute(
	this: IExecuteFunctions,
	reference: FinetuneReference,
): Promise<INodeExecutionData[]> {
	return [
		{ json: { finetuneId: reference.finetuneId, details: await fetchDetails(this, reference) } },
	];
}
