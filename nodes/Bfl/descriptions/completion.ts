import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ModelSpec } from '../catalog/types';

export type Completion = 'wait' | 'return' | 'webhook';

/** What a Completion list waits for: "the image" or "the video". */
export type CompletionSubject = 'image' | 'video';

function completionOptions(subject: CompletionSubject, webhooks: boolean): INodePropertyOptions[] {
	return [
		{
			name: 'Wait',
			value: 'wait',
			description: `Poll until the ${subject} is ready and return it (the usual choice)`,
		},
		{
			name: 'Return Immediately',
			value: 'return',
			description:
				'Return the task ID and polling URL at once; fetch the result later with Task → Get Result',
		},
		...(webhooks
			? [
					{
						name: 'Webhook',
						value: 'webhook',
						description:
							'BFL posts the result to a Black Forest Labs Trigger; no execution waits. BFL then returns no polling URL.',
					},
				]
			: []),
	];
}

/**
 * The one Completion property; `modelIds` limits it to those models (two lists, with and without
 * Webhook, then share the parameter name).
 */
export function completionProperty(
	subject: CompletionSubject,
	webhooks: boolean,
	modelIds?: string[],
): INodeProperties {
	return {
		displayName: 'Completion',
		name: 'completion',
		type: 'options',
		options: completionOptions(subject, webhooks),
		default: 'wait',
		...(modelIds && { displayOptions: { show: { '/model': modelIds } } }),
	};
}

/**
 * How a submit finishes: poll until done, return at once, or let BFL call a webhook. Models whose
 * schema has no webhook_url (FLUX 3 Image, outpainting) get the list without Webhook.
 */
export function completionProperties(
	models: readonly ModelSpec[],
	otherModelIds: string[] = [],
): INodeProperties[] {
	const without = models.filter((model) => model.webhooks === false).map((model) => model.id);
	const choice = without.length
		? [
				completionProperty('image', true, [
					...models.filter((model) => model.webhooks !== false).map((model) => model.id),
					...otherModelIds,
				]),
				completionProperty('image', false, without),
			]
		: [completionProperty('image', true)];
	return [...choice, ...WEBHOOK_PROPERTIES];
}

/** Completion of a video operation; only the upscaler's schema takes a webhook. */
export function videoCompletionProperties(webhooks: boolean): INodeProperties[] {
	const choice = completionProperty('video', webhooks);
	return webhooks ? [choice, ...WEBHOOK_PROPERTIES] : [choice];
}

/** Webhook URL and Secret, shown with Completion → Webhook (image and video operations alike). */
export const WEBHOOK_PROPERTIES: INodeProperties[] = [
	{
		displayName: 'Webhook URL',
		name: 'webhookUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://n8n.example.com/webhook/1f0c.../bfl',
		description:
			'The Production URL of a Black Forest Labs Trigger node. The node adds a token derived from the API key that the trigger checks, so the trigger must use the same credential.',
		displayOptions: { show: { completion: ['webhook'] } },
	},
	{
		displayName: 'Webhook Secret',
		name: 'webhookSecret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			'Optional secret BFL may use to sign its call; set the same secret in the trigger to verify a signature when one arrives',
		displayOptions: { show: { completion: ['webhook'] } },
	},
];

export interface CompletionChoice {
	completion: Completion;
	webhookUrl?: string;
	webhookSecret?: string;
}

export function readCompletion(ctx: IExecuteFunctions, itemIndex: number): CompletionChoice {
	const completion = ctx.getNodeParameter('completion', itemIndex, 'wait') as Completion;
	if (completion !== 'webhook') return { completion };
	return {
		completion,
		webhookUrl: String(ctx.getNodeParameter('webhookUrl', itemIndex, '')).trim(),
		webhookSecret: String(ctx.getNodeParameter('webhookSecret', itemIndex, '')) || undefined,
	};
}
