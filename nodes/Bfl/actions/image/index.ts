import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import * as generate from './generate.operation';

export const operations: Record<string, Operation> = {
	generate: generate as Operation,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['image'] } },
		options: [
			{
				name: 'Generate',
				value: 'generate',
				action: 'Generate an image',
				description: 'Create an image from a text prompt',
			},
		],
		default: 'generate',
	},
	...generate.description,
];
