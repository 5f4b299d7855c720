import type { INodeProperties } from 'n8n-workflow';

import { operationPicker, type ResourceOperations } from '../operation';
import * as edit from './edit.operation';
import * as generate from './generate.operation';

export const operations: ResourceOperations<'image'> = {
	generate: generate.operation,
	edit: edit.operation,
};

export const description: INodeProperties[] = [
	operationPicker('image', 'generate', [
		{
			name: 'Generate',
			value: 'generate',
			action: 'Generate an image',
			description: 'Create an image from a text prompt',
		},
		{
			name: 'Edit',
			value: 'edit',
			action: 'Edit an image',
			description:
				'Change, extend, inpaint, erase, deblur or dress images with FLUX models and tools',
		},
	]),
	...generate.operation.description,
	...edit.operation.description,
];
