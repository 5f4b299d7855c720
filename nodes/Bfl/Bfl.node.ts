import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as account from './actions/account';
import * as finetune from './actions/finetune';
import * as image from './actions/image';
import * as task from './actions/task';
import * as video from './actions/video';
import { route } from './actions/router';
import { subtitleExpression } from './actions/subtitle';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Account', value: 'account' },
			{ name: 'Finetune', value: 'finetune' },
			{ name: 'Image', value: 'image' },
			{ name: 'Task', value: 'task' },
			{ name: 'Video', value: 'video' },
		],
		default: 'image',
	},
	...image.description,
	...task.description,
	...finetune.description,
	...account.description,
	...video.description,
];

export class Bfl implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Black Forest Labs',
		name: 'bfl',
		icon: { light: 'file:../../icons/bfl.svg', dark: 'file:../../icons/bfl.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleExpression(properties),
		description: 'Generate and edit images and videos with FLUX models from Black Forest Labs',
		defaults: { name: 'Black Forest Labs' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'bflApi', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
