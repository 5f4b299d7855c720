import {
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { isRecord } from '../../core/results/responses';
import { regionNotice } from '../../descriptions/finetune';
import { bflRequest } from '../../transport/request';
import { defineOperation } from '../operation';
import { fetchDetails, pinnedHost, type PinnedHost } from './reference';

const properties: INodeProperties[] = [
	regionNotice,
	{
		displayName: 'Include Details',
		name: 'includeDetails',
		type: 'boolean',
		default: false,
		description:
			"Whether to add each finetune's training parameters (one more request per finetune)",
	},
];

interface PreparedList extends PinnedHost {
	includeDetails: boolean;
}

async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<PreparedList> {
	return {
		...(await pinnedHost(this, itemIndex)),
		includeDetails: this.getNodeParameter('includeDetails', itemIndex, false) as boolean,
	};
}

/** One output item per finetune on the pinned host. */
async function execute(
	this: IExecuteFunctions,
	prepared: PreparedList,
): Promise<INodeExecutionData[]> {
	const answer = await bflRequest(this, {
		method: 'GET',
		url: `${prepared.baseUrl}/v1/my_finetunes`,
		itemIndex: prepared.itemIndex,
		what: 'the list of finetunes',
	});
	const ids =
		isRecord(answer) && Array.isArray(answer.finetunes) ? answer.finetunes.map(String) : [];
	const items: INodeExecutionData[] = [];
	for (const finetuneId of ids) {
		const json = prepared.includeDetails
			? { finetuneId, details: await fetchDetails(this, { ...prepared, finetuneId }) }
			: { finetuneId };
		items.push({ json });
	}
	return items;
}

export const operation = defineOperation('finetune', 'list', { properties, prepare, execute });
