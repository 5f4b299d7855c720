import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

import { base64ByteLength } from '../core/bytes/media';
import { operationError } from './errors';

/** The item's binary field, or an error naming the fields the item does have. */
export function requireBinary(
	ctx: IExecuteFunctions,
	itemIndex: number,
	property: string,
	label: string,
): IBinaryData {
	const item = ctx.getInputData()[itemIndex];
	const binary = item?.binary?.[property];
	if (binary) return binary;
	const available = Object.keys(item?.binary ?? {});
	const hint = available.length
		? `; this item has ${available.map((name) => `"${name}"`).join(', ')}`
		: '; this item has no binary data';
	throw operationError(
		ctx.getNode(),
		`No binary field "${property}" for ${label}${hint}`,
		itemIndex,
	);
}

/** A binary field's size from the item, when n8n recorded it, so a huge file is refused unread. */
function recordedBytes(binary: IBinaryData): number | undefined {
	return typeof binary.bytes === 'number' && Number.isFinite(binary.bytes)
		? binary.bytes
		: undefined;
}

/**
 * The size of a binary field without reading its bytes: recorded in the item, or in the binary
 * store's metadata, or (inline data, n8n 1.x's default mode) from the length of the base64 text
 * already in the item. Undefined when none of them tells.
 */
async function knownBytes(
	ctx: IExecuteFunctions,
	binary: IBinaryData,
): Promise<number | undefined> {
	const recorded = recordedBytes(binary);
	if (recorded !== undefined) return recorded;
	if (!binary.id)
		return typeof binary.data === 'string' ? base64ByteLength(binary.data) : undefined;
	if (typeof ctx.helpers.getBinaryMetadata !== 'function') return undefined;
	try {
		const { fileSize } = await ctx.helpers.getBinaryMetadata(binary.id);
		return typeof fileSize === 'number' && Number.isFinite(fileSize) ? fileSize : undefined;
	} catch {
		// A store without metadata for it: the bounded read below still stops at the limit.
		return undefined;
	}
}

/**
 * The bytes of a binary field, read no further than `limit` + 1 bytes: a stored file is streamed
 * and the stream closed once it passes the limit (undefined then). Inline data is already in
 * memory and was measured by knownBytes.
 */
async function readBounded(
	ctx: IExecuteFunctions,
	itemIndex: number,
	property: string,
	binary: IBinaryData,
	limit: number,
): Promise<Buffer | undefined> {
	if (!binary.id || typeof ctx.helpers.getBinaryStream !== 'function')
		return await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
	const stream = await ctx.helpers.getBinaryStream(binary.id);
	const chunks: Buffer[] = [];
	let total = 0;
	try {
		for await (const chunk of stream as AsyncIterable<Buffer>) {
			total += chunk.length;
			if (total > limit) return undefined;
			chunks.push(chunk);
		}
	} finally {
		stream.destroy();
	}
	return Buffer.concat(chunks);
}

/**
 * Reads an input file of the item through n8n's helpers (any binary mode), image or video alike,
 * no further than `limit` bytes: the size recorded in the item or the store is checked first, so
 * an oversized file is refused without reading it; else the read stops just past the limit.
 */
export async function readBinaryInput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	property: string,
	label: string,
	limit: number,
	tooLarge: (bytes?: number) => string,
): Promise<{ bytes: Buffer; binary: IBinaryData }> {
	const binary = requireBinary(ctx, itemIndex, property, label);
	const refuse = (bytes?: number) => operationError(ctx.getNode(), tooLarge(bytes), itemIndex);
	const known = await knownBytes(ctx, binary);
	if (known !== undefined && known > limit) throw refuse(known);
	const bytes = await readBounded(ctx, itemIndex, property, binary, limit);
	if (!bytes || bytes.length > limit) throw refuse(bytes?.length);
	return { bytes, binary };
}
