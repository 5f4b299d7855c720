import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../descriptions/display';
import type { Operation } from '../operation';
import * as getCredits from './getCredits.operation';

export const operations: Record<string, Operation> = {
	getCredits: getCredits as unknown as Operation,
};

export const description: INodeProperties[] = [
	operationProperty('account', 'getCredits', [
		{
			name: 'Get Credits',
			value: 'getCredits',
			action: 'Get the credit balance',
			description: 'Return the credits left on the account (1 credit = 1 US cent)',
		},
	]),
	...getCredits.description,
];
