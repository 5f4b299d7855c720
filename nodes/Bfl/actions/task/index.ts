import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import * as getResult from './getResult.operation';

export const operations: Record<string, Operation> = {
	getResult: getResult as unknown as Operation,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['task'] } },
		options: [
			{
				name: 'Get Result',
				value: 'getResult',
				action: 'Get the result of a task',
				description: 'Fetch or wait for a task by its polling URL or ID, and download its image',
			},
		],
		default: 'getResult',
	},
	...getResult.description,
];
