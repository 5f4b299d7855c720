import type { IExecuteFunctions } from 'n8n-workflow';

import type { ModelSpec } from '../catalog/types';
import { parseHttpUrl } from '../core/hosts';
import { WEBHOOK_URL_MAX_LENGTH } from '../core/webhook';
import type { TaskOptions } from '../core/taskOptions';
import { readCompletion } from '../descriptions/completion';
import { readTaskOptions } from '../descriptions/taskOptions';
import { operationError } from '../transport/errors';
import { signWebhookUrl } from '../transport/request';

/** The item's options with its Completion choice; a webhook URL gets the trigger's token. */
export async function submitOptions(
	ctx: IExecuteFunctions,
	spec: ModelSpec,
	itemIndex: number,
): Promise<TaskOptions> {
	const options = readTaskOptions(ctx, itemIndex);
	const choice = readCompletion(ctx, itemIndex);
	if (choice.completion !== 'webhook')
		return { ...options, waitForCompletion: choice.completion === 'wait' };
	const fail = (message: string) => operationError(ctx.getNode(), message, itemIndex);
	if (spec.webhooks === false) {
		throw fail(
			`${spec.displayName} cannot report by webhook (BFL's endpoint takes no webhook URL); choose Wait or Return Immediately`,
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
