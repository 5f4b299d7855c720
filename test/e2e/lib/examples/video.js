// @ts-check
'use strict';

/** Example 12: a generated still becomes the keyframe of a video, whose MP4 is written to disk. */

const fs = require('node:fs');
const path = require('node:path');
const { itemsOf, ranOk, imageItemProblem, short } = require('./judge');

/** @typedef {import('./judge').Check} Check @typedef {import('./judge').Ctx} Ctx */

/** @type {Array<{ file: string, adapt?: (wf: any, ctx: Ctx) => void, check: (snap: any, ctx: Ctx, wf: any) => Check[] }>} */
const VIDEO_EXAMPLES = [
	{
		file: '12-video-image-to-video.json',
		adapt(wf, ctx) {
			const settings = wf.nodes.find((/** @type {any} */ n) => n.name === 'Settings');
			const folder = settings.parameters.assignments.assignments.find(
				(/** @type {any} */ a) => a.name === 'folder',
			);
			folder.value = ctx.home.files;
		},
		check(snap, ctx) {
			/** @type {Check[]} */
			const checks = [];
			if (!ranOk(checks, snap, ctx, '12 image to video')) return checks;
			const still = (itemsOf(snap, 'Generate Still') || [])[0];
			const stillProblem = imageItemProblem(ctx, still, ['id', 'status'], 'still');
			checks.push([
				'12 image to video: the still',
				!stillProblem,
				stillProblem || `task ${still.json.id}`,
			]);
			const clip = (itemsOf(snap, 'Image to Video') || [])[0];
			const json = clip?.json || {};
			const bin = clip?.binary?.data;
			const problem = !clip
				? 'no item'
				: json.status !== 'Ready' || json.mode !== 'i2v' || json.model !== 'flux-3-video'
					? short(json)
					: bin?.mimeType !== 'video/mp4' || bin?.fileName !== `${json.id}.mp4`
						? `binary ${short(bin && { mimeType: bin.mimeType, fileName: bin.fileName })}`
						: null;
			checks.push([
				'12 image to video: a Ready i2v video handed on as <task id>.mp4 (video/mp4)',
				!problem,
				problem || `task ${json.id}`,
			]);
			if (problem || stillProblem) return checks;
			const task = ctx.fake.tasks.get(json.id);
			const keyframes = task && Array.isArray(task.body.keyframes) ? task.body.keyframes : [];
			const sent = typeof keyframes[0] === 'string' ? Buffer.from(keyframes[0], 'base64') : null;
			const generated = ctx.fake.imageFor(still.json.id);
			checks.push([
				'12 image to video: the still went to BFL as the only keyframe',
				Boolean(keyframes.length === 1 && sent && generated && sent.equals(generated)),
				`${keyframes.length} keyframe(s), ${sent ? sent.length : 0} B sent, ${generated ? generated.length : 0} B generated`,
			]);
			const file = path.join(ctx.home.files, bin.fileName);
			const served = ctx.fake.imageFor(json.id);
			const onDisk = fs.existsSync(file) ? fs.readFileSync(file) : null;
			checks.push([
				'12 image to video: the MP4 on disk is byte-identical to the served video',
				Boolean(onDisk && served && onDisk.equals(served)),
				onDisk
					? `${bin.fileName}: ${onDisk.length} B on disk, ${served ? served.length : 0} B served`
					: `${file} missing`,
			]);
			return checks;
		},
	},
];

module.exports = { VIDEO_EXAMPLES };
