import type { INodeProperties } from 'n8n-workflow';

import { operationPicker, type ResourceOperations } from '../operation';
import * as create from './create.operation';
import * as deleteFinetune from './delete.operation';
import * as generate from './generate.operation';
import * as getDetails from './getDetails.operation';
import * as getStatus from './getStatus.operation';
import * as list from './list.operation';

export const operations: ResourceOperations<'finetune'> = {
	create: create.operation,
	delete: deleteFinetune.operation,
	generate: generate.operation,
	getDetails: getDetails.operation,
	getStatus: getStatus.operation,
	list: list.operation,
};

export const description: INodeProperties[] = [
	operationPicker('finetune', 'generate', [
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
	...create.operation.description,
	...deleteFinetune.operation.description,
	...generate.operation.description,
	...getDetails.operation.description,
	...getStatus.operation.description,
	...list.operation.description,
];
