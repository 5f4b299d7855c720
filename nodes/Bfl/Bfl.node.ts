import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as accountResource from './actions/account';
import * as finetuneResource from './actions/finetune';
import * as imageResource from './actions/image';
import type { BflResource } from './actions/node.type';
import { route } from './actions/router';
import { subtitleExpression } from './actions/subtitle';
import * as taskResource from './actions/task';
import * as videoResource from './actions/video';
import { NODE_DESCRIPTION } from './catalog/nodeText';
import { withToolMode } from './descriptions/toolMode';

const resources: Array<INodePropertyOptions & { value: BflResource }> = [
	{ name: 'Account', value: 'account' },
	{ name: 'Finetune', value: 'finetune' },
	{ name: 'Image', value: 'image' },
	{ name: 'Task', value: 'task' },
	{ name: 'Video', value: 'video' },
];

/** The plain node's properties; the description adds their tool-mode copies (descriptions/toolMode). */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources,
		default: 'image',
	},
	...imageResource.description,
	...taskResource.description,
	...finetuneResource.description,
	...accountResource.description,
	...videoResource.description,
];

export class Bfl implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Black Forest Labs',
		name: 'bfl',
		icon: { light: 'file:../../icons/bfl.svg', dark: 'file:../../icons/bfl.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleExpression(properties),
		description: NODE_DESCRIPTION,
		defaults: { name: 'Black Forest Labs' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'bflApi', required: true }],
		properties: withToolMode(properties),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
