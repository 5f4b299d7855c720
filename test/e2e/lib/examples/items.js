// @ts-check
'use strict';

/** Examples 04–06: many items in order, continue on fail, and the finetune list, judged per snapshot. */

const { itemsOf, short, ranOk, imageItemProblem } = require('./judge');
const { SEEDED_FINETUNES } = require('./load');

/** @typedef {import('./judge').Check} Check @typedef {import('./judge').Ctx} Ctx */

/** @type {Array<{ file: string, adapt?: (wf: any, ctx: Ctx) => void, check: (snap: any, ctx: Ctx, wf: any) => Check[] }>} */
const ITEM_EXAMPLES = [
	{
		file: '04-many-items.json',
		check(snap, ctx) {
			/** @type {Check[]} */
			const checks = [];
			if (!ranOk(checks, snap, ctx, '04 many items')) return checks;
			const items = itemsOf(snap, 'Generate Image') || [];
			checks.push(['04 many items: 30 outputs', items.length === 30, `${items.length} items`]);
			/** @type {string[]} */
			const problems = [];
			items.forEach((/** @type {any} */ item, /** @type {number} */ i) => {
				const p = imageItemProblem(ctx, item);
				if (p) problems.push(`#${i}: ${p}`);
				else if (!String(item.json.prompt).startsWith(`#${i}:`) || item.pairedItem?.item !== i) {
					problems.push(
						`#${i}: out of order (prompt "${item.json.prompt}", pairedItem ${short(item.pairedItem)})`,
					);
				}
			});
			checks.push([
				'04 many items: all Ready with binaries, in input order',
				items.length === 30 && !problems.length,
				problems.slice(0, 3).join('; ') || 'all 30',
			]);
			const stats = ctx.fake.stats();
			const tasks = [...ctx.fake.tasks.values()].filter((t) => /^#\d+:/.test(t.prompt));
			const distinct = new Set(tasks.map((t) => t.prompt)).size;
			checks.push([
				'04 many items: at most 24 in flight, no 429 lost, each prompt paid once',
				stats.peakInFlight <= 24 && tasks.length === 30 && distinct === 30,
				`peak in flight ${stats.peakInFlight}, 429s ${stats.status429}${stats.status429 ? ' (retried)' : ''}, ${tasks.length} accepted tasks for ${distinct} prompts`,
			]);
			return checks;
		},
	},
	{
		file: '05-continue-on-fail.json',
		check(snap, ctx) {
			/** @type {Check[]} */
			const checks = [];
			if (!ranOk(checks, snap, ctx, '05 continue on fail')) return checks;
			const items = itemsOf(snap, 'Generate Image') || [];
			checks.push(['05 continue on fail: 5 outputs', items.length === 5, `${items.length} items`]);
			const bad = items[2];
			const badOk = Boolean(
				bad && bad.json.status === 'Content Moderated' && bad.json.error && !bad.binary?.data,
			);
			checks.push([
				'05 continue on fail: item 3 is an error item with status "Content Moderated"',
				badOk,
				short(bad?.json),
			]);
			/** @type {string[]} */
			const problems = [];
			items.forEach((/** @type {any} */ item, /** @type {number} */ i) => {
				if (i === 2) return;
				const p = imageItemProblem(ctx, item);
				if (p) problems.push(`#${i}: ${p}`);
				if (item.pairedItem?.item !== i)
					problems.push(`#${i}: pairedItem ${short(item.pairedItem)}`);
			});
			checks.push([
				'05 continue on fail: the other 4 are Ready, order kept',
				items.length === 5 && !problems.length,
				problems.join('; ') || '4 Ready',
			]);
			return checks;
		},
	},
	{
		file: '06-finetune-list-details.json',
		check(snap, ctx) {
			/** @type {Check[]} */
			const checks = [];
			if (!ranOk(checks, snap, ctx, '06 finetune list')) return checks;
			const listed = itemsOf(snap, 'List Finetunes') || [];
			const items = itemsOf(snap, 'Get Details') || [];
			checks.push([
				'06 finetune list: one item per finetune',
				listed.length === SEEDED_FINETUNES.length,
				`${listed.length} listed`,
			]);
			const problems = [];
			for (const seed of SEEDED_FINETUNES) {
				const item = items.find((/** @type {any} */ it) => it.json.finetuneId === seed.finetune_id);
				if (!item) problems.push(`${seed.finetune_id} missing`);
				else if (
					!item.json.details ||
					JSON.stringify(item.json.details).indexOf(seed.finetune_comment) < 0
				) {
					problems.push(`${seed.finetune_id}: details ${short(item.json.details)}`);
				}
			}
			checks.push([
				'06 finetune details: Get Details returns each finetune with its training details',
				items.length === SEEDED_FINETUNES.length && !problems.length,
				problems.join('; ') || `${items.length} finetunes`,
			]);
			return checks;
		},
	},
];

module.exports = { ITEM_EXAMPLES };
