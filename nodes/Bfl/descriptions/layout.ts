import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeProperties,
} from 'n8n-workflow';

import type { ModelOperation, ModelSpec } from '../catalog/types';
import type { Box, Frame, LayoutElement } from '../core/request/layout';
import { strictNumber } from '../core/request/numericOptions';

type Show = NonNullable<IDisplayOptions['show']>;

const num = (
	displayName: string,
	name: string,
	description: string,
	show?: Show,
): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	typeOptions: { numberPrecision: 2 },
	default: 0,
	description,
	...(show && { displayOptions: { show } }),
});

const PIXELS = { unit: ['pixels'] };

function sides(prefix: string, what: string, show?: Show): INodeProperties[] {
	const name = (side: string) => (prefix ? `${prefix}${side}` : side.toLowerCase());
	return [
		num(`${what}Top`, name('Top'), `${what}top edge, from the top of the frame`, show),
		num(`${what}Left`, name('Left'), `${what}left edge, from the left of the frame`, show),
		num(`${what}Bottom`, name('Bottom'), `${what}bottom edge, from the top of the frame`, show),
		num(`${what}Right`, name('Right'), `${what}right edge, from the left of the frame`, show),
	];
}

function boxValues(operation: ModelOperation): INodeProperties[] {
	const common: INodeProperties[] = [
		{
			displayName: 'Element ID',
			name: 'elementId',
			type: 'string',
			default: '',
			placeholder: 'knight_1',
			description: 'A short name; refer to it in the prompt as &lt;knight_1&gt;',
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			placeholder: 'a knight in silver armour',
		},
		{
			displayName: 'Units',
			name: 'unit',
			type: 'options',
			options: [
				{ name: 'Percent of the Frame', value: 'percent' },
				{ name: 'Pixels of a Frame Size', value: 'pixels' },
			],
			default: 'percent',
		},
		num('Frame Width', 'frameWidth', 'Width in pixels that the pixel values refer to', PIXELS),
		num('Frame Height', 'frameHeight', 'Height in pixels that the pixel values refer to', PIXELS),
	];
	if (operation !== 'edit') return [...common, ...sides('', '')];
	return [
		...common,
		{
			displayName: 'From Image',
			name: 'fromImage',
			type: 'number',
			default: 0,
			description: 'The input image the element comes from, counted from 1; 0 for a new element',
		},
		{
			displayName: 'Remove Element',
			name: 'remove',
			type: 'boolean',
			default: false,
			description: 'Whether to remove the element from the image instead of placing it',
		},
		...sides('', 'Target ', { remove: [false] }),
		{
			displayName: 'Source Box',
			name: 'hasSource',
			type: 'boolean',
			default: false,
			description: 'Whether to say where the element is in its input image (same units)',
		},
		num(
			'Source Frame Width',
			'sourceFrameWidth',
			'Pixel width of the input image; 0 uses the frame width',
			{
				...PIXELS,
				hasSource: [true],
			},
		),
		num(
			'Source Frame Height',
			'sourceFrameHeight',
			'Pixel height of the input image; 0 uses the frame height',
			{
				...PIXELS,
				hasSource: [true],
			},
		),
		...sides('source', 'Source ', { hasSource: [true] }),
	];
}

/** The optional Layout list, for the models that take one (FLUX 3 Image, FLUX 3.1 Image). */
export function layoutProperties(
	models: readonly ModelSpec[],
	operation: ModelOperation,
): INodeProperties[] {
	const taking = models.filter((model) => model.layout).map((model) => model.id);
	if (!taking.length) return [];
	return [
		{
			displayName: 'Layout',
			name: 'layout',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Box',
			default: {},
			description:
				"Optional boxes saying where elements go. The node writes them in the model's format: FLUX 3 Image reads them at the end of the prompt, FLUX 3.1 Image in a field of its own.",
			displayOptions: { show: { model: taking } },
			options: [{ displayName: 'Box', name: 'box', values: boxValues(operation) }],
		},
	];
}

/** A number of a box or frame; blank or absent is no number (NaN), which checkLayout refuses. */
const numberOf = (raw: unknown) => strictNumber(raw) ?? NaN;

const box = (entry: IDataObject, prefix = ''): Box => {
	const read = (side: string) => numberOf(entry[prefix ? `${prefix}${side}` : side.toLowerCase()]);
	return { top: read('Top'), left: read('Left'), bottom: read('Bottom'), right: read('Right') };
};

function frame(entry: IDataObject, width: unknown, height: unknown): Frame {
	return entry.unit === 'pixels'
		? { unit: 'pixels', width: numberOf(width), height: numberOf(height) }
		: { unit: 'percent' };
}

/** The source frame's side, which is the target frame's when left at 0 (or unset). */
const sourceSide = (raw: unknown, target: unknown) => {
	const side = strictNumber(raw);
	return side === undefined || side === 0 ? target : side;
};

/** The item's layout elements as configured (checked by core/request/layout before use). */
export function readLayout(
	ctx: IExecuteFunctions,
	spec: ModelSpec,
	itemIndex: number,
): LayoutElement[] {
	if (!spec.layout) return [];
	const raw = ctx.getNodeParameter('layout', itemIndex, {}) as IDataObject;
	return ((raw.box ?? []) as IDataObject[]).map((entry) => {
		const targetFrame = frame(entry, entry.frameWidth, entry.frameHeight);
		const element: LayoutElement = {
			id: String(entry.elementId ?? '').trim(),
			description: String(entry.description ?? ''),
			target: entry.remove === true ? undefined : box(entry),
			targetFrame,
		};
		if (spec.operation !== 'edit') return element;
		const from = strictNumber(entry.fromImage) ?? 0;
		if (from !== 0) element.fromImage = from;
		if (entry.hasSource === true) {
			element.source = box(entry, 'source');
			element.sourceFrame = frame(
				entry,
				sourceSide(entry.sourceFrameWidth, entry.frameWidth),
				sourceSide(entry.sourceFrameHeight, entry.frameHeight),
			);
		}
		return element;
	});
}
