import type { IExecuteFunctions } from 'n8n-workflow';

import type { ModelSpec, PixelLimits } from '../catalog/types';
import {
	checkImageBytes,
	imageTooLarge,
	MAX_INPUT_IMAGE_BYTES,
	type ImageSource,
} from '../core/request/images';
import { readBinaryInput } from './binaryInput';
import { operationError } from './errors';
import { fetchInputImage, type InputFetchBounds } from './inputUrl';

/**
 * Reads each binary image of an item and checks it is an image BFL can take. Read as a video
 * input is (transport/binaryInput): an image past BFL's limit is refused without being loaded.
 */
async function readImage(
	ctx: IExecuteFunctions,
	itemIndex: number,
	label: string,
	property: string,
	limits?: PixelLimits,
): Promise<Buffer> {
	const { bytes, binary } = await readBinaryInput(
		ctx,
		itemIndex,
		property,
		label,
		MAX_INPUT_IMAGE_BYTES,
		(size) => imageTooLarge(label, property, size),
	);
	const problem = checkImageBytes(label, property, bytes, binary.mimeType, limits);
	if (problem) throw operationError(ctx.getNode(), problem, itemIndex);
	return bytes;
}

/** Where each image goes and how it is named in messages; the model's size limits, if any. */
interface Slot {
	slot: string;
	label: string;
	limits?: PixelLimits;
}

/** The item's images in the model's slot order, then its mask (no size limits: it follows image 1). */
function slotsOf(spec: ModelSpec, sources: ImageSource[], mask?: ImageSource) {
	const images = spec.images;
	if (!images) return [];
	const slots: Array<Slot & { source: ImageSource }> = sources.map((source, i) => ({
		source,
		slot: images.slots[i],
		label: images.labels[i],
		limits: images.pixelLimits,
	}));
	if (mask && images.mask) slots.push({ source: mask, slot: images.mask.field, label: 'Mask' });
	return slots;
}

/**
 * Each image slot of the item with its URL or checked bytes, in the model's slot order. A URL for
 * a field BFL takes as base64 only is downloaded here (within `fetch`), else kept as text.
 */
async function readInputImages(
	ctx: IExecuteFunctions,
	spec: ModelSpec,
	sources: ImageSource[],
	itemIndex: number,
	fetch?: InputFetchBounds,
	mask?: ImageSource,
): Promise<Array<{ slot: string; value: string | Buffer }>> {
	const read: Array<{ slot: string; value: string | Buffer }> = [];
	for (const { source, slot, label, limits } of slotsOf(spec, sources, mask)) {
		if (source.source === 'url') {
			const url = String(source.url).trim();
			read.push({
				slot,
				value:
					spec.images?.urlAllowed === false && fetch
						? await fetchInputImage(ctx, url, label, itemIndex, fetch)
						: url,
			});
			continue;
		}
		const property = String(source.binaryPropertyName).trim();
		read.push({ slot, value: await readImage(ctx, itemIndex, label, property, limits) });
	}
	return read;
}

/**
 * Checks that every binary image exists and is an image, without keeping (or encoding) the bytes.
 * URLs are not fetched here: that waits until the item runs, so memory stays flat.
 */
export async function assertInputImages(
	ctx: IExecuteFunctions,
	spec: ModelSpec,
	sources: ImageSource[],
	itemIndex: number,
	mask?: ImageSource,
): Promise<void> {
	await readInputImages(ctx, spec, sources, itemIndex, undefined, mask);
}

/**
 * The body fields for the item's images: raw base64 (no data: prefix) or the URL as given, one
 * field per image, or all of them in one list where the model takes a list.
 */
export async function encodeInputImages(
	ctx: IExecuteFunctions,
	spec: ModelSpec,
	sources: ImageSource[],
	itemIndex: number,
	fetch: InputFetchBounds,
	mask?: ImageSource,
): Promise<Record<string, string | string[]>> {
	const read = await readInputImages(ctx, spec, sources, itemIndex, fetch, mask);
	const encoded = read.map(({ slot, value }) => ({
		slot,
		value: typeof value === 'string' ? value : value.toString('base64'),
	}));
	const listField = spec.images?.listField;
	const listed = encoded.filter(({ slot }) => slot === listField).map(({ value }) => value);
	return {
		...Object.fromEntries(
			encoded.filter(({ slot }) => slot !== listField).map(({ slot, value }) => [slot, value]),
		),
		...(listed.length && listField && { [listField]: listed }),
	};
}
