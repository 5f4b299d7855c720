import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../descriptions/display';
import type { Operation } from '../operation';
import * as edit from './edit.operation';
import * as enhanceDraft from './enhanceDraft.operation';
import * as generate from './generate.operation';
import * as upscale from './upscale.operation';

export const operations: Record<string, Operation> = {
	generate: generate as Operation,
	enhanceDraft: enhanceDraft as Operation,
	edit: edit as Operation,
	upscale: upscale as Operation,
};

export const description: INodeProperties[] = [
	operationProperty('video', 'generate', [
		{
			name: 'Generate',
			value: 'generate',
			action: 'Generate a video',
			description: 'Create a clip from a prompt, keyframe images or a video to continue',
		},
		{
			name: 'Enhance Draft',
			value: 'enhanceDraft',
			action: 'Enhance a draft video',
			description: 'Render the final video of a draft made with Generate',
		},
		{
			name: 'Edit',
			value: 'edit',
			action: 'Edit a video',
			description: 'Change a clip by an instruction',
		},
		{
			name: 'Upscale',
			value: 'upscale',
			action: 'Upscale a video',
			description: 'Raise a clip’s resolution 1.5 to 3 times',
		},
	]),
	...generate.description,
	...enhanceDraft.description,
	...edit.description,
	...upscale.description,
];
