import { findModel } from '../../nodes/Bfl/catalog/models';
import {
	applyLayout,
	checkLayout,
	MAX_FIELD_BOXES,
	type LayoutElement,
} from '../../nodes/Bfl/core/request/layout';

/** The same boxes a user fills in, whichever model runs them. */
const BOXES: LayoutElement[] = [
	{
		id: 'knight_1',
		description: 'the knight',
		fromImage: 1,
		source: { top: 0, left: 0, bottom: 540, right: 960 },
		target: { top: 108, left: 384, bottom: 972, right: 1536 },
		targetFrame: { unit: 'pixels', width: 1920, height: 1080 },
	},
	{
		id: 'bird',
		description: '',
		target: { top: 0, left: 0, bottom: 12.5, right: 33.33 },
		targetFrame: { unit: 'percent' },
	},
];

const formatOf = (id: string) => findModel('edit', id)?.layout;

describe('one set of layout boxes, written in each model’s format', () => {
	it('FLUX 3 Image: rows on the 0–1000 grid at the end of the prompt, no field of their own', () => {
		const { prompt, fields } = applyLayout(formatOf('flux-3-image'), 'Move them', BOXES, 'edit');
		expect(fields).toEqual({});
		expect(prompt).toBe(
			'Move them\n\n' +
				JSON.stringify([
					{
						id: 'knight_1',
						from: 'ref_image_0',
						src_bbox: [0, 0, 500, 500],
						tgt_bbox: [100, 200, 900, 800],
						desc: 'the knight',
					},
					{ id: 'bird', from: null, src_bbox: null, tgt_bbox: [0, 0, 125, 333], desc: '' },
				]),
		);
	});

	it('FLUX 3.1 Image: fractions 0–1 in its own field, the prompt untouched', () => {
		const { prompt, fields } = applyLayout(formatOf('flux-3.1-image'), 'Move them', BOXES, 'edit');
		expect(prompt).toBe('Move them');
		expect(fields).toEqual({
			bounding_boxes: [
				{
					name: 'knight_1',
					from: 'ref_image_0',
					src_bbox: [0, 0, 0.5, 0.5],
					tgt_bbox: [0.1, 0.2, 0.9, 0.8],
					desc: 'the knight',
				},
				{ name: 'bird', tgt_bbox: [0, 0, 0.125, 0.3333] },
			],
		});
		const generated = applyLayout(formatOf('flux-3.1-image'), 'A bird', [BOXES[1]], 'generate');
		expect(generated.fields).toEqual({
			bounding_boxes: [{ name: 'bird', bbox: [0, 0, 0.125, 0.3333] }],
		});
	});

	it('leaves prompt and body alone without boxes or without a layout format', () => {
		expect(applyLayout(formatOf('flux-3.1-image'), 'p', [], 'edit')).toEqual({
			prompt: 'p',
			fields: {},
		});
		expect(applyLayout(undefined, 'p', BOXES, 'edit')).toEqual({ prompt: 'p', fields: {} });
	});

	it('caps a field of boxes at 32', () => {
		const many = Array.from({ length: MAX_FIELD_BOXES + 1 }, (_, i) => ({
			...BOXES[1],
			id: `bird_${i}`,
		}));
		expect(checkLayout(many, 'generate', 0, MAX_FIELD_BOXES)[0].message).toBe(
			'This model takes at most 32 layout boxes (got 33)',
		);
		expect(checkLayout(many.slice(1), 'generate', 0, MAX_FIELD_BOXES)).toEqual([]);
	});
});
