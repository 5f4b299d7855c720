import { type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { isRecord, optionalNumber } from '../../core/results/responses';
import type { Endpoints } from '../../core/trust/routing';
import { operationError } from '../../transport/errors';
import { bflRequest, getEndpoints } from '../../transport/request';
import { defineOperation } from '../operation';

export interface PreparedCredits {
	endpoints: Endpoints;
	itemIndex: number;
}

async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<PreparedCredits> {
	return { endpoints: await getEndpoints(this, itemIndex), itemIndex };
}

async function execute(
	this: IExecuteFunctions,
	{ endpoints, itemIndex }: PreparedCredits,
): Promise<INodeExecutionData[]> {
	const answer = await bflRequest(this, {
		method: 'GET',
		url: `${endpoints.apiBaseUrl}/v1/credits`,
		itemIndex,
		what: 'the credit balance',
	});
	const credits = isRecord(answer) ? optionalNumber(answer.credits) : undefined;
	if (credits === undefined)
		throw operationError(
			this.getNode(),
			"BFL's credit balance answer could not be read",
			itemIndex,
		);
	return [{ json: { credits } }];
}

export const operation = defineOperation('account', 'getCredits', {
	properties: [],
	prepare,
	execute,
});
