import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isRecord } from '../../core/results/responses';

import type { Endpoints } from '../../core/trust/routing';
import { readFinetuneId } from '../../descriptions/finetune';
import { operationError } from '../../transport/errors';
import { bflRequest, getEndpoints, requireFinetuneBaseUrl } from '../../transport/request';

/** A finetune and the single-cluster host that holds it. */
export interface FinetuneReference extends PinnedHost {
	finetuneId: string;
}

export interface PinnedHost {
	endpoints: Endpoints;
	baseUrl: string;
	itemIndex: number;
}

/** The pinned host, refused before any request when the credential cannot name one. */
export async function pinnedHost(ctx: IExecuteFunctions, itemIndex: number): Promise<PinnedHost> {
	const endpoints = await getEndpoints(ctx, itemIndex);
	return { endpoints, baseUrl: requireFinetuneBaseUrl(ctx, endpoints, itemIndex), itemIndex };
}

/** The `prepare` of operations on one finetune: its ID, checked, and its pinned host. */
export async function prepareReference(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<FinetuneReference> {
	const finetuneId = readFinetuneId(this, itemIndex);
	if (!finetuneId) {
		const given = String(this.getNodeParameter('finetuneId', itemIndex, ''));
		throw operationError(
			this.getNode(),
			`Finetune ID must be a finetune's ID or an org-id/name LoRA (got "${given}")`,
			itemIndex,
		);
	}
	return { finetuneId, ...(await pinnedHost(this, itemIndex)) };
}

/** The parameters the finetune was trained with, as BFL keeps them. */
export async function fetchDetails(
	ctx: IExecuteFunctions,
	reference: FinetuneReference,
): Promise<IDataObject> {
	const answer = await bflRequest(ctx, {
		method: 'GET',
		url: `${reference.baseUrl}/v1/finetune_details`,
		qs: { finetune_id: reference.finetuneId },
		itemIndex: reference.itemIndex,
		what: `the details of finetune ${reference.finetuneId}`,
	});
	const details =
		isRecord(answer) && isRecord(answer.finetune_details) ? answer.finetune_details : {};
	return details as IDataObject;
}
