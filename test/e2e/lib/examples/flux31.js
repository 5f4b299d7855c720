// @ts-check
'use strict';

/** Example 15: FLUX 3.1 Image and FLUX 3 Image Klein each generate and edit, judged per snapshot. */

const {
	CORE_FIELDS,
	itemsOf,
	short,
	ranOk,
	imageItemProblem,
	writtenFileCheck,
} = require('./judge');

/** @typedef {import('./judge').Check} Check @typedef {import('./judge').Ctx} Ctx */

/** The node, the model it must report and the binary field it writes. */
const STEPS = [
	['Generate Harbour with Klein', 'flux-3-image-klein', 'harbour'],
	['Generate Boat with FLUX 3.1', 'flux-3.1-image', 'boat'],
	['Edit with FLUX 3.1', 'flux-3.1-image', 'data'],
	['Touch Up with Klein', 'flux-3-image-klein', 'data'],
];

/** @type {Array<{ file: string, adapt?: (wf: any, ctx: Ctx) => void, check: (snap: any, ctx: Ctx, wf: any) => Check[] }>} */
const FLUX31_EXAMPLES = [
	{
		file: '15-flux31-klein-generate-edit.json',
		adapt(wf, ctx) {
			const settings = wf.nodes.find((/** @type {any} */ n) => n.name === 'Settings');
			settings.parameters.assignments.assignments[0].value = ctx.home.files;
		},
		check(snap, ctx) {
			/** @type {Check[]} */
			const checks = [];
			const label = '15 FLUX 3.1 and Klein';
			if (!ranOk(checks, snap, ctx, label)) return checks;
			/** @type {Record<string, any>} */
			const items = {};
			for (const [node, model, field] of STEPS) {
				const item = (itemsOf(snap, node) || [])[0];
				const fields = [...CORE_FIELDS.filter((f) => f !== 'seed'), 'cost'];
				const problem =
					imageItemProblem(ctx, item, fields, field) ||
					(item.json.model !== model ? `model ${item.json.model}` : null);
				checks.push([
					`${label}: ${node} gave one Ready ${model} item`,
					!problem,
					problem || `task ${item.json.id}`,
				]);
				items[node] = item;
			}
			if (checks.some(([, ok]) => !ok)) return checks;
			const body = (/** @type {string} */ node) =>
				ctx.fake.tasks.get(items[node].json.id)?.body || {};
			const served = (/** @type {string} */ node) =>
				ctx.fake.imageFor(items[node].json.id)?.toString('base64');
			const klein = body('Generate Harbour with Klein');
			checks.push([
				`${label}: Klein's exact size, seed and format went to BFL`,
				klein.width === 1024 &&
					klein.height === 768 &&
					klein.seed === 42 &&
					klein.output_format === 'png',
				short(JSON.stringify(klein)),
			]);
			const edit = body('Edit with FLUX 3.1');
			const images = Array.isArray(edit.images) ? edit.images : [];
			const box = Array.isArray(edit.bounding_boxes) ? edit.bounding_boxes[0] : undefined;
			checks.push([
				`${label}: both generated images went to FLUX 3.1 as its images list, in order`,
				images.length === 2 &&
					images[0] === served('Generate Harbour with Klein') &&
					images[1] === served('Generate Boat with FLUX 3.1'),
				`${images.length} image(s) sent`,
			]);
			checks.push([
				`${label}: the moved box went as fractions in FLUX 3.1's own field`,
				box?.from === 'ref_image_1' && JSON.stringify(box?.tgt_bbox) === '[0.55,0.3,0.85,0.6]',
				short(JSON.stringify(edit.bounding_boxes)),
			]);
			const touch = body('Touch Up with Klein');
			checks.push([
				`${label}: Klein edited the FLUX 3.1 result`,
				Array.isArray(touch.images) && touch.images[0] === served('Edit with FLUX 3.1'),
				short(JSON.stringify(touch.images?.length)),
			]);
			checks.push(writtenFileCheck(ctx, label, items['Touch Up with Klein']));
			return checks;
		},
	},
];

module.exports = { FLUX31_EXAMPLES };
