import {
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { TRIGGER_DESCRIPTION } from '../Bfl/catalog/nodeText';
import type { TaskOutcome } from '../Bfl/core/results/status';
import {
	TOKEN_PARAMETER,
	parseWebhookEvent,
	rememberId,
	secretsEqual,
	signatureValid,
	webhookToken,
} from '../Bfl/core/trust/webhook';
import { downloadOptionProperties, toItem, type TriggerOptions } from './triggerItem';

/** Outcomes after which a task never changes again. */
function isFinal(outcome: TaskOutcome): boolean {
	return outcome === 'ready' || outcome === 'moderated' || outcome === 'failed';
}

/** Task ids emitted recently, per trigger, in this process. */
const RECENT_IDS = new Map<string, string[]>();

/** Answers the caller and starts no execution. */
function reject(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	ctx.getResponseObject().status(status).json({ message });
	return { noWebhookResponse: true };
}

/** The raw bytes BFL signed; n8n keeps them as rawBody next to the parsed body. */
function rawBodyOf(ctx: IWebhookFunctions): Buffer {
	const raw = (ctx.getRequestObject() as { rawBody?: unknown }).rawBody;
	return Buffer.isBuffer(raw) ? raw : Buffer.from(JSON.stringify(ctx.getBodyData()));
}

export class BflTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Black Forest Labs Trigger',
		name: 'bflTrigger',
		icon: { light: 'file:../../icons/bfl.svg', dark: 'file:../../icons/bfl.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'FLUX results by webhook',
		description: TRIGGER_DESCRIPTION,
		defaults: { name: 'Black Forest Labs Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'bflApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// BFL needs only a 2xx; without this n8n answers with the literal text "firstEntryJson".
				responseData: 'noData',
				path: 'bfl',
			},
		],
		properties: [
			{
				displayName:
					"Put this node's Production URL in the Webhook URL of a Black Forest Labs node whose Completion is Webhook, using the same credential. Calls without the token that node adds are rejected.",
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Download Image',
						name: 'download',
						type: 'boolean',
						default: true,
						description:
							'Whether to download the image as binary at once (its URL expires after 10 minutes)',
					},
					...downloadOptionProperties,
					{
						displayName: 'Output Binary Field',
						name: 'binaryPropertyName',
						type: 'string',
						default: 'data',
					},
					{
						displayName: 'Webhook Secret',
						name: 'webhookSecret',
						type: 'string',
						typeOptions: { password: true },
						default: '',
						description:
							'The Webhook Secret set on the sending node. When BFL signs a call (X-BFL-Signature), the signature must match.',
					},
				],
			},
		],
	};

	/**
	 * BFL has no webhook registry: each request carries its own webhook_url. There is nothing to
	 * create, check or delete on BFL's side, so the lifecycle methods only confirm that.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const credentials = await this.getCredentials('bflApi');
		// The URL n8n shows as this trigger's Production URL, as n8n itself computes it.
		const ownUrl = this.getNodeWebhookUrl('default');
		const given = String((this.getQueryData() as IDataObject)[TOKEN_PARAMETER] ?? '');
		if (!ownUrl || !secretsEqual(given, webhookToken(String(credentials.apiKey ?? ''), ownUrl))) {
			return reject(this, 401, 'Unauthorized');
		}
		const options = this.getNodeParameter('options', {}) as TriggerOptions;
		const signature = this.getHeaderData()['x-bfl-signature'];
		if (
			options.webhookSecret &&
			typeof signature === 'string' &&
			!signatureValid(options.webhookSecret, rawBodyOf(this), signature)
		) {
			return reject(this, 401, 'Invalid signature');
		}
		const event = parseWebhookEvent(this.getBodyData());
		if (!event) return reject(this, 400, 'Not a BFL task result');
		// Only a final state consumes the id: a Pending call before the Ready one must not hide it.
		if (!isFinal(event.outcome))
			return { workflowData: [[await toItem(this, event, options, credentials)]] };
		const staticData = this.getWorkflowStaticData('node');
		const memoryKey = `${this.getWorkflow().id}:${this.getNode().id}`;
		// Static data is saved only after a run, so copies arriving together all look fresh there;
		// the process-wide memory (checked and updated without an await in between) catches them.
		const seen = [
			...new Set([
				...((staticData.seenTaskIds as string[] | undefined) ?? []),
				...(RECENT_IDS.get(memoryKey) ?? []),
			]),
		];
		const remembered = rememberId(seen, event.id);
		RECENT_IDS.set(memoryKey, remembered.seen);
		if (!remembered.fresh) {
			this.getResponseObject().status(200).json({ received: true, duplicate: true });
			return { noWebhookResponse: true };
		}
		staticData.seenTaskIds = remembered.seen;
		return { workflowData: [[await toItem(this, event, options, credentials)]] };
	}
}
