import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../descriptions/display';
import type { Operation } from '../operation';
import * as edit from './edit.operation';
import * as generate from './generate.operation';

export const operations: Record<string, Operation> = {
	generate: generate as Operation,
	edit: edit as Operation,
};

export const description: INodeProperties[] = [
	operationProperty('image', 'generate', [
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
	...generate.description,
	...edit.description,
];
