import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { CUSTOM_MODEL } from '../core/request/customEndpoint';

const show = { displayOptions: { show: { model: [CUSTOM_MODEL] } } };

export const customModelOption: INodePropertyOptions = {
	name: 'Custom Endpoint',
	value: CUSTOM_MODEL,
	description:
		'A BFL endpoint this node does not list yet, e.g. FLUX 3 Image Klein once BFL publishes its path',
};

export const customEndpointProperties: INodeProperties[] = [
	{
		displayName: 'Endpoint Path',
		name: 'endpointPath',
		type: 'string',
		// Not marked required: with the model as an expression n8n would demand it for every model.
		default: '',
		placeholder: 'flux-3-image-klein',
		description:
			'The part after /v1/ of the BFL endpoint: one segment, or flux-tools/&lt;name&gt;. The request goes to the credential region.',
		...show,
	},
	{
		displayName: 'JSON Body',
		name: 'customBody',
		type: 'json',
		default: '{\n  "prompt": "a red fox in the snow"\n}',
		description:
			"Sent to BFL as is (images as base64 or URLs); the node adds only the webhook fields of Completion → Webhook. BFL's own validation message is shown when it rejects the body.",
		...show,
	},
];

export function readCustomEndpoint(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { path: unknown; rawBody: unknown } {
	const path: unknown = ctx.getNodeParameter('endpointPath', itemIndex, '');
	return {
		// Unchecked: an expression may give undefined or a number (core/request/customEndpoint).
		path: typeof path === 'string' ? path.trim() : path,
		rawBody: ctx.getNodeParameter('customBody', itemIndex, '{}'),
	};
}
