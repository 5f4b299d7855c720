import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../descriptions/display';
import type { Operation } from '../operation';
import * as create from './create.operation';
import * as deleteFinetune from './delete.operation';
import * as generate from './generate.operation';
import * as getDetails from './getDetails.operation';
import * as getStatus from './getStatus.operation';
import * as list from './list.operation';

export const operations: Record<string, Operation> = {
	create: create as unknown as Operation,
	delete: deleteFinetune as unknown as Operation,
	generate: generate as unknown as Operation,
	getDetails: getDetails as unknown as Operation,
	getStatus: getStatus as unknown as Operation,
	list: list as unknown as Operation,
};

export const description: INodeProperties[] = [
	operationProperty('finetune', 'generate', [
		{ name: 'Delete', value: 'delete', action: 'Delete a finetune' },
		{
			name: 'Generate',
			value: 'generate',
			action: 'Generate with a finetune',
			description: 'Generate an image with a finetune or LoRA',
		},
		{
			name: 'Get Details',
			value: 'getDetails',
			action: 'Get finetune details',
			description: 'The parameters a finetune was trained with',
		},
		{
			name: 'Get Status',
			value: 'getStatus',
			action: 'Get training status',
			description: 'Training progress, optionally waiting until it ends',
		},
		{
			name: 'List',
			value: 'list',
			action: 'List finetunes',
			description: 'One item per finetune of the account',
		},
		{
			// Last and never the default: BFL removed training from its API (see the notice).
			name: 'Create (Deprecated)',
			value: 'create',
			action: 'Create a finetune (deprecated)',
			description: 'Train a finetune from images; BFL deprecated training',
		},
	]),
	...create.description,
	...deleteFinetune.description,
	...generate.description,
	...getDetails.description,
	...getStatus.description,
	...list.description,
];
