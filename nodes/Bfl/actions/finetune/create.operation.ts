import { type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { TRAINING_DEPRECATED_ON } from '../../catalog/finetuning';
import {
	buildFinetuneBody,
	checkZipSize,
	trainingEntries,
	validateFinetuneCreate,
	type FinetuneCreateInput,
	type TrainingImage,
} from '../../core/bytes/finetune';
import { createZip, looksLikeZip } from '../../core/bytes/zip';
import { isRecord } from '../../core/results/responses';
import { deprecationNotice, regionNotice } from '../../descriptions/finetune';
import {
	finetuneCreateProperties,
	readFinetuneCreateInput,
} from '../../descriptions/finetuneCreate';
import { operationError } from '../../transport/errors';
import { bflRequest } from '../../transport/request';
import { defineOperation } from '../operation';
import { pinnedHost, type PinnedHost } from './reference';

const TRAINING_GONE = `Finetune training is no longer offered for this account: BFL deprecated it on ${TRAINING_DEPRECATED_ON}. Existing finetunes still work; FLUX.2 [klein] LoRAs are uploaded in the BFL dashboard`;

interface PreparedCreate extends PinnedHost {
	input: FinetuneCreateInput;
	zip: Buffer;
}

/** With "Images of All Input Items", the whole input becomes one finetune. */
function aggregate(this: IExecuteFunctions): boolean {
	return this.getNodeParameter('trainingData', 0) === 'images';
}

async function zipOfItem(ctx: IExecuteFunctions, itemIndex: number): Promise<Buffer> {
	const property = String(ctx.getNodeParameter('zipBinaryPropertyName', itemIndex, 'data')).trim();
	if (!ctx.getInputData()[itemIndex]?.binary?.[property]) {
		throw operationError(
			ctx.getNode(),
			`No binary field "${property}" with the training ZIP in item ${itemIndex}`,
			itemIndex,
		);
	}
	const bytes = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
	if (!looksLikeZip(bytes))
		throw operationError(
			ctx.getNode(),
			`The binary field "${property}" is not a ZIP file`,
			itemIndex,
		);
	return bytes;
}

async function zipOfAllItems(ctx: IExecuteFunctions): Promise<Buffer> {
	const property = String(ctx.getNodeParameter('imageBinaryPropertyName', 0, 'data')).trim();
	const captionField = String(ctx.getNodeParameter('captionField', 0, '')).trim();
	const images: TrainingImage[] = [];
	for (const [index, item] of ctx.getInputData().entries()) {
		if (!item.binary?.[property])
			throw operationError(
				ctx.getNode(),
				`Item ${index} has no binary field "${property}" with a training image`,
				index,
			);
		const caption = captionField ? item.json[captionField] : undefined;
		images.push({
			bytes: await ctx.helpers.getBinaryDataBuffer(index, property),
			caption: typeof caption === 'string' ? caption : undefined,
		});
	}
	const { entries, problems } = trainingEntries(images);
	if (problems.length)
		throw operationError(ctx.getNode(), problems.map((problem) => problem.message).join('; '), 0);
	return createZip(entries);
}

async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<PreparedCreate> {
	const input = readFinetuneCreateInput(this, itemIndex);
	const problems = validateFinetuneCreate(input);
	if (problems.length)
		throw operationError(
			this.getNode(),
			problems.map((problem) => problem.message).join('; '),
			itemIndex,
		);
	const host = await pinnedHost(this, itemIndex);
	const zip = aggregate.call(this) ? await zipOfAllItems(this) : await zipOfItem(this, itemIndex);
	const tooBig = checkZipSize(zip.length);
	if (tooBig) throw operationError(this.getNode(), tooBig, itemIndex);
	return { ...host, input, zip };
}

async function execute(
	this: IExecuteFunctions,
	prepared: PreparedCreate,
): Promise<INodeExecutionData[]> {
	const answer = await bflRequest(this, {
		method: 'POST',
		url: `${prepared.baseUrl}/v1/finetune`,
		body: buildFinetuneBody(prepared.input, prepared.zip.toString('base64')),
		itemIndex: prepared.itemIndex,
		what: 'the finetune training request',
		statusMessages: { 404: TRAINING_GONE, 410: TRAINING_GONE },
	});
	const finetuneId = isRecord(answer) ? (answer.id ?? answer.finetune_id) : undefined;
	if (typeof finetuneId !== 'string')
		throw operationError(
			this.getNode(),
			"BFL's answer to the training request has no finetune id",
			prepared.itemIndex,
		);
	return [
		{
			json: {
				finetuneId,
				status: 'Pending',
				name: prepared.input.comment,
				trainingZipBytes: prepared.zip.length,
			},
		},
	];
}

export const operation = defineOperation('finetune', 'create', {
	properties: [deprecationNotice, regionNotice, ...finetuneCreateProperties],
	prepare,
	execute,
	aggregate,
});
