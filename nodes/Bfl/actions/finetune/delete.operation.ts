import { type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { isRecord } from '../../core/results/responses';
import { finetuneIdProperty, regionNotice } from '../../descriptions/finetune';
import { bflRequest } from '../../transport/request';
import { defineOperation } from '../operation';
import { prepareReference, type FinetuneReference } from './reference';

async function execute(
	this: IExecuteFunctions,
	reference: FinetuneReference,
): Promise<INodeExecutionData[]> {
	const answer = await bflRequest(this, {
		method: 'POST',
		url: `${reference.baseUrl}/v1/delete_finetune`,
		body: { finetune_id: reference.finetuneId },
		itemIndex: reference.itemIndex,
		what: `the deletion of finetune ${reference.finetuneId}`,
	});
	const json: IDataObject = { finetuneId: reference.finetuneId, deleted: true };
	if (isRecord(answer)) {
		for (const [key, target] of [
			['status', 'status'],
			['message', 'message'],
			['timestamp', 'deletedAt'],
		] as const) {
			if (typeof answer[key] === 'string') json[target] = answer[key] as string;
		}
	}
	return [{ json }];
}

export const operation = defineOperation('finetune', 'delete', {
	properties: [regionNotice, finetuneIdProperty],
	prepare: prepareReference,
	execute,
});
