import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export type Completion = 'wait' | 'return' | 'webhook';

/** How a submit finishes: poll until done, return at once, or let BFL call a webhook. */
export const completionProperties: INodeProperties[] = [
	{
		displayName: 'Completion',
		name: 'completion',
		type: 'options',
		options: [
			{
				name: 'Wait',
				value: 'wait',
				description: 'Poll until the image is ready and return it (the usual choice)',
			},
			{
				name: 'Return Immediately',
				value: 'return',
				description:
					'Return the task ID and polling URL at once; fetch the result later with Task → Get Result',
			},
			{
				name: 'Webhook',
				value: 'webhook',
				description:
					'BFL posts the result to a Black Forest Labs Trigger; no execution waits. BFL then returns no polling URL.',
			},
		],
		default: 'wait',
	},
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
