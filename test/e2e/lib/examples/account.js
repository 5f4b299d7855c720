// @ts-check
'use strict';

/** Examples 09–10: the finetune lifecycle from a folder of images, and the credit balance. */

const fs = require('node:fs');
const path = require('node:path');
const { buildImage } = require('../../../fake-bfl/images');
const { CORE_FIELDS, itemsOf, short, ranOk, imageItemProblem } = require('./judge');

/** @typedef {import('./judge').Check} Check @typedef {import('./judge').Ctx} Ctx */

const TRAINING_IMAGES = 3;

/** @type {Array<{ file: string, adapt?: (wf: any, ctx: Ctx) => void, check: (snap: any, ctx: Ctx, wf: any) => Check[] }>} */
const ACCOUNT_EXAMPLES = [
	{
		file: '09-finetune-train-generate-delete.json',
		adapt(wf, ctx) {
			const folder = path.join(ctx.home.files, 'training');
			fs.mkdirSync(folder, { recursive: true });
			for (let i = 0; i < TRAINING_IMAGES; i++) {
				fs.writeFileSync(path.join(folder, `shot-${i}.png`), buildImage('png', `training-${i}`));
			}
			const settings = wf.nodes.find((/** @type {any} */ n) => n.name === 'Settings');
			settings.parameters.assignments.assignments.find(
				(/** @type {any} */ a) => a.name === 'imageFolder',
			).value = folder;
			// The simulator trains in moments; poll it every second rather than every five.
			wf.nodes.find(
				(/** @type {any} */ n) => n.name === 'Wait for Training',
			).parameters.pollInterval = 1;
		},
		check(snap, ctx) {
			/** @type {Check[]} */
			const checks = [];
			if (!ranOk(checks, snap, ctx, '09 finetune lifecycle')) return checks;
			const created = (itemsOf(snap, 'Create Finetune') || [])[0];
			const finetuneId = created?.json?.finetuneId;
			const pairs = Array.isArray(created?.pairedItem) ? created.pairedItem.length : 0;
			checks.push([
				'09 finetune lifecycle: one finetune created from all the images, paired with each',
				typeof finetuneId === 'string' && pairs === TRAINING_IMAGES,
				`${finetuneId}, paired with ${pairs} items`,
			]);
			const status = (itemsOf(snap, 'Wait for Training') || [])[0];
			checks.push([
				'09 finetune lifecycle: training waited until Ready',
				status?.json?.status === 'Ready',
				short(status?.json),
			]);
			const image = (itemsOf(snap, 'Generate with Finetune') || [])[0];
			const task = image && ctx.fake.tasks.get(image.json.id);
			const problem =
				imageItemProblem(ctx, image, [...CORE_FIELDS, 'model']) ||
				(task?.body?.finetune_id === finetuneId
					? ''
					: `sent finetune_id ${task?.body?.finetune_id}`);
			checks.push([
				'09 finetune lifecycle: generated an image with the new finetune',
				!problem,
				problem || `task ${image?.json?.id}`,
			]);
			const deleted = (itemsOf(snap, 'Delete Finetune') || [])[0];
			checks.push([
				'09 finetune lifecycle: deleted it again',
				deleted?.json?.deleted === true && !ctx.fake.finetunes.has(finetuneId),
				short(deleted?.json),
			]);
			return checks;
		},
	},
	{
		file: '10-account-credits.json',
		check(snap, ctx) {
			/** @type {Check[]} */
			const checks = [];
			if (!ranOk(checks, snap, ctx, '10 credits')) return checks;
			const item = (itemsOf(snap, 'Get Credits') || [])[0];
			checks.push([
				'10 credits: the balance is a number',
				typeof item?.json?.credits === 'number',
				short(item?.json),
			]);
			return checks;
		},
	},
];

module.exports = { ACCOUNT_EXAMPLES };
