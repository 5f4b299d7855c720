import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../descriptions/display';
import type { Operation } from '../operation';
import * as getResult from './getResult.operation';

export const operations: Record<string, Operation> = {
	getResult: getResult as unknown as Operation,
};

export const description: INodeProperties[] = [
	operationProperty('task', 'getResult', [
		{
			name: 'Get Result',
			value: 'getResult',
			action: 'Get the result of a task',
			description: 'Fetch or wait for a task by its polling URL or ID, and download its image',
		},
	]),
	...getResult.description,
];
