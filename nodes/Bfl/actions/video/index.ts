import type { INodeProperties } from 'n8n-workflow';

import { operationPicker, type ResourceOperations } from '../operation';
import * as edit from './edit.operation';
import * as enhanceDraft from './enhanceDraft.operation';
import * as generate from './generate.operation';
import * as upscale from './upscale.operation';

export const operations: ResourceOperations<'video'> = {
	generate: generate.operation,
	enhanceDraft: enhanceDraft.operation,
	edit: edit.operation,
	upscale: upscale.operation,
};

export const description: INodeProperties[] = [
	operationPicker('video', 'generate', [
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
	...generate.operation.description,
	...enhanceDraft.operation.description,
	...edit.operation.description,
	...upscale.operation.description,
];
