import type { INodeProperties } from 'n8n-workflow';

import { operationPicker, type ResourceOperations } from '../operation';
import * as getResult from './getResult.operation';

export const operations: ResourceOperations<'task'> = {
	getResult: getResult.operation,
};

export const description: INodeProperties[] = [
	operationPicker('task', 'getResult', [
		{
			name: 'Get Result',
			value: 'getResult',
			action: 'Get the result of a task',
			description: 'Fetch or wait for a task by its polling URL or ID, and download its image',
		},
	]),
	...getResult.operation.description,
];
