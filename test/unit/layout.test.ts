import { checkLayout, layoutRows, toGrid, withLayout } from '../../nodes/Bfl/core/request/layout';

const pixels1080 = { unit: 'pixels' as const, width: 1920, height: 1080 };

describe('FLUX 3 layout boxes', () => {
	it("matches BFL's worked example: 384,108 → 1536,972 in 1920×1080 is [100, 200, 900, 800]", () => {
		expect(toGrid({ top: 108, left: 384, bottom: 972, right: 1536 }, pixels1080)).toEqual([
			100, 200, 900, 800,
		]);
	});

	it('reads percent of the frame, rounding to whole grid steps', () => {
		expect(toGrid({ top: 10, left: 20, bottom: 90, right: 80 }, { unit: 'percent' })).toEqual([
			100, 200, 900, 800,
		]);
		expect(toGrid({ top: 33.33, left: 0, bottom: 66.67, right: 100 }, { unit: 'percent' })).toEqual(
			[333, 0, 667, 1000],
		);
	});

	it('appends generation rows {id, bbox, desc} as one JSON array after the prompt', () => {
		const prompt = withLayout(
			'A <knight_1> before a castle  ',
			[
				{
					id: 'knight_1',
					description: 'a knight in silver armour',
					target: { top: 108, left: 384, bottom: 972, right: 1536 },
					targetFrame: pixels1080,
				},
			],
			'generate',
		);
		expect(prompt).toBe(
			'A <knight_1> before a castle\n\n[{"id":"knight_1","bbox":[100,200,900,800],"desc":"a knight in silver armour"}]',
		);
		expect(withLayout('unchanged', [], 'generate')).toBe('unchanged');
	});

	it('writes edit rows with a zero-based ref_image, source and target boxes, and null to remove', () => {
		const rows = layoutRows(
			[
				{
					id: 'cat',
					description: 'the cat',
					fromImage: 2,
					source: { top: 0, left: 0, bottom: 50, right: 50 },
					target: { top: 50, left: 50, bottom: 100, right: 100 },
					targetFrame: { unit: 'percent' },
				},
				{ id: 'lamp', description: 'the lamp', fromImage: 1, targetFrame: { unit: 'percent' } },
				{
					id: 'bird',
					description: 'a new bird',
					target: { top: 0, left: 0, bottom: 10, right: 10 },
					targetFrame: { unit: 'percent' },
				},
			],
			'edit',
		);
		expect(rows).toEqual([
			{
				id: 'cat',
				from: 'ref_image_1',
				src_bbox: [0, 0, 500, 500],
				tgt_bbox: [500, 500, 1000, 1000],
				desc: 'the cat',
			},
			{ id: 'lamp', from: 'ref_image_0', src_bbox: null, tgt_bbox: null, desc: 'the lamp' },
			{ id: 'bird', from: null, src_bbox: null, tgt_bbox: [0, 0, 100, 100], desc: 'a new bird' },
		]);
	});

	it('rejects boxes outside the frame, inverted boxes, bad ids and images that are not there', () => {
		const frame = { unit: 'percent' as const };
		const messages = checkLayout(
			[
				{
					id: 'a',
					description: '',
					target: { top: 0, left: 0, bottom: 101, right: 50 },
					targetFrame: frame,
				},
				{
					id: 'b',
					description: '',
					target: { top: 60, left: 0, bottom: 50, right: 50 },
					targetFrame: frame,
				},
				{
					id: 'c d',
					description: '',
					target: { top: 0, left: 0, bottom: 5, right: 5 },
					targetFrame: frame,
				},
				{ id: 'e', description: '', fromImage: 3, targetFrame: frame },
				{
					id: 'f',
					description: '',
					target: { top: 0, left: 0, bottom: 5, right: 5 },
					targetFrame: { unit: 'pixels', width: 0, height: 0 },
				},
			],
			'edit',
			2,
		).map((problem) => problem.message);
		expect(messages).toEqual([
			'Layout box 1 must lie inside the frame (0–100% across, 0–100% down)',
			'Layout box 2 must have top above bottom and left left of right (got top 60, left 0, bottom 50, right 50)',
			'Layout box 3: the element ID must be 1–64 letters, digits, _ or - (got "c d")',
			'Layout box 4: "from image" must be one of the 2 input images (got 3)',
			'Layout box 5: the frame width and height must be positive numbers of pixels',
		]);
		expect(
			checkLayout([{ id: 'x', description: '', targetFrame: frame }], 'generate', 0)[0].message,
		).toBe('Layout box 1 needs a target box');
	});
});
