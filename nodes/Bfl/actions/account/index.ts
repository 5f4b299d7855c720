import type { INodeProperties } from 'n8n-workflow';

import { operationPicker, type ResourceOperations } from '../operation';
import * as getCredits from './getCredits.operation';

export const operations: ResourceOperations<'account'> = {
	getCredits: getCredits.operation,
};

export const description: INodeProperties[] = [
	operationPicker('account', 'getCredits', [
		{
			name: 'Get Credits',
			value: 'getCredits',
			action: 'Get the credit balance',
			description: 'Return the credits left on the account (1 credit = 1 US cent)',
		},
	]),
	...getCredits.operation.description,
];
