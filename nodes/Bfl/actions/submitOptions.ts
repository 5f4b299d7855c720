import type { IExecuteFunctions } from 'n8n-workflow';

import type { EndpointRow } from '../catalog/types';
import type { MediaKind } from '../core/bytes/media';
import type { TaskOptions } from '../core/request/taskOptions';
import { parseHttpUrl } from '../core/trust/hosts';
import { WEBHOOK_URL_MAX_LENGTH } from '../core/trust/webhook';
import { readCompletion } from '../descriptions/completion';
import { readTaskOptions } from '../descriptions/taskOptions';
import { operationError } from '../transport/errors';
import { signWebhookUrl } from '../transport/request';

/** What a Completion choice needs to know of the endpoint it submits to. */
export interface CompletionTarget {
	displayName: string;
	/** Whether BFL's schema for the endpoint has webhook fields. */
	acceptsWebhook: boolean;
}

/** Adds the item's Completion choice to its options; a webhook URL gets the trigger's token. */
export async function withCompletion(
	ctx: IExecuteFunctions,
	target: CompletionTarget,
	itemIndex: number,
	options: TaskOptions,
): Promise<TaskOptions> {
	const choice = readCompletion(ctx, itemIndex);
	if (choice.completion !== 'webhook')
		return { ...options, waitForCompletion: choice.completion === 'wait' };
	const fail = (message: string) => operationError(ctx.getNode(), message, itemIndex);
	if (!target.acceptsWebhook) {
		throw fail(
			`${target.displayName} cannot report by webhook (BFL's endpoint takes no webhook URL); choose Wait or Return Immediately`,
		);
	}
	if (!parseHttpUrl(choice.webhookUrl)) {
		throw fail(
			`Webhook URL must be the http(s) Production URL of a Black Forest Labs Trigger (got "${choice.webhookUrl}")`,
		);
	}
	const url = await signWebhookUrl(ctx, itemIndex, choice.webhookUrl as string);
	if (url.length > WEBHOOK_URL_MAX_LENGTH) {
		throw fail(
			`Webhook URL is too long: BFL takes at most ${WEBHOOK_URL_MAX_LENGTH} characters, and with the trigger's token it has ${url.length}`,
		);
	}
	return { ...options, waitForCompletion: false, webhook: { url, secret: choice.webhookSecret } };
}

/**
 * The Options of a task of this kind (images' or video's defaults), with its Completion choice;
 * Webhook is refused for a row whose schema has no webhook_url.
 */
export async function submitOptions(
	ctx: IExecuteFunctions,
	row: EndpointRow,
	itemIndex: number,
	kind: MediaKind,
): Promise<TaskOptions> {
	const target = { displayName: row.displayName, acceptsWebhook: row.webhooks !== false };
	return await withCompletion(ctx, target, itemIndex, readTaskOptions(ctx, itemIndex, kind));
}
