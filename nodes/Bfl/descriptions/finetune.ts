import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { TRAINING_DEPRECATED_ON } from '../catalog/finetuning';

export const finetuneIdProperty: INodeProperties = {
	displayName: 'Finetune ID',
	name: 'finetuneId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '80a60490-54ea-48e2-b6b3-f2af58bc37f5',
	description: "The finetune's ID, as Create or List returned it",
};

export const regionNotice: INodeProperties = {
	displayName:
		"Finetune calls go to the credential's finetune host (EU1, US1, its custom base URL, or the region's own host with Same as Region): a legacy finetune only exists on the cluster that trained it.",
	name: 'finetuneRegionNotice',
	type: 'notice',
	default: '',
};

export const deprecationNotice: INodeProperties = {
	displayName: `BFL deprecated finetune training on ${TRAINING_DEPRECATED_ON} with no migration path. It may no longer be offered for your account; FLUX.2 [klein] LoRAs are uploaded in the BFL dashboard instead.`,
	name: 'trainingDeprecatedNotice',
	type: 'notice',
	default: '',
};

/** Finetune ids are UUIDs, or org-id/name for shared LoRAs. */
export function readFinetuneId(ctx: IExecuteFunctions, itemIndex: number): string | undefined {
	const id = String(ctx.getNodeParameter('finetuneId', itemIndex, '')).trim();
	return /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)?$/.test(id) ? id : undefined;
}
