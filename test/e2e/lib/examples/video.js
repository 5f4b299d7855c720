// @ts-check
'use strict';

/**
 * Example 12: a generated still becomes the keyframe of a video, whose MP4 is written to disk. Example 13: every
 * video operation in one chain (draft, enhance, continue, edit, upscale), each MP4 written to disk.
 */

const fs = require('node:fs');
const path = require('node:path');
const { itemsOf, ranOk, imageItemProblem, short } = require('./judge');

/** @typedef {import('./judge').Check} Check @typedef {import('./judge').Ctx} Ctx */

/** @type {Array<{ file: string, adapt?: (wf: any, ctx: Ctx) => void, check: (snap: any, ctx: Ctx, wf: any) => Check[] }>} */
const VIDEO_EXAMPLES = [
	{
		file: '12-video-image-to-video.json',
		adapt: writeInto,
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
	{
		file: '13-video-draft-to-upscale.json',
		adapt: writeInto,
		check: checkChain,
	},
];

/** Points the example's Settings → folder at the folder n8n may write to. @param {any} wf @param {Ctx} ctx */
function writeInto(wf, ctx) {
	const settings = wf.nodes.find((/** @type {any} */ n) => n.name === 'Settings');
	const folder = settings.parameters.assignments.assignments.find(
		(/** @type {any} */ a) => a.name === 'folder',
	);
	folder.value = ctx.home.files;
}

/**
 * Example 13's steps: node, the mode its output reports, and the body field that carried the previous step's
 * file to BFL (the draft cache, then each MP4 in turn).
 */
const CHAIN = [
	{ node: 'Draft', mode: 't2v', input: null },
	{ node: 'Enhance Draft', mode: 'draft_enhance', input: 'draft_cache' },
	{ node: 'Continue Video', mode: 'v2v', input: 'start_video' },
	{ node: 'Edit', mode: 'edit', input: 'video' },
	{ node: 'Upscale', mode: 'upscale', input: 'input_video' },
];

/**
 * Example 13: every step Ready with its mode and file; each step sent BFL exactly the file the step before it
 * received; every MP4 written to disk is, byte for byte, what the simulator served for that task.
 * @param {any} snap @param {Ctx} ctx @returns {Check[]}
 */
function checkChain(snap, ctx) {
	/** @type {Check[]} */
	const checks = [];
	const label = '13 draft to upscale';
	if (!ranOk(checks, snap, ctx, label)) return checks;
	/** @type {Array<{ id: string, served: Buffer | null }>} */
	const done = [];
	for (const [i, step] of CHAIN.entries()) {
		const item = (itemsOf(snap, step.node) || [])[0];
		const json = item?.json || {};
		const draft = step.mode === 't2v';
		const bin = item?.binary?.[draft ? 'draft' : 'data'];
		const want = draft
			? { mimeType: 'application/octet-stream', fileName: `${json.id}.bin` }
			: { mimeType: 'video/mp4', fileName: `${json.id}.mp4` };
		const served = json.id ? ctx.fake.imageFor(json.id) : null;
		const stored = bin ? ctx.home.binaryBytes(bin) : null;
		const problem = !item
			? 'no item'
			: json.status !== 'Ready' || json.mode !== step.mode
				? short(json)
				: bin?.mimeType !== want.mimeType || bin?.fileName !== want.fileName
					? `binary ${short(bin && { mimeType: bin.mimeType, fileName: bin.fileName })}`
					: !served
						? `the simulator served no file for task ${json.id}`
						: stored && !stored.equals(served)
							? `stored binary (${stored.length} B) differs from the served file (${served.length} B)`
							: null;
		if (stored && !problem) ctx.bytesVerified = (ctx.bytesVerified || 0) + 1;
		checks.push([
			`${label}: ${step.node} is a Ready ${step.mode} task handed on as ${draft ? '<task id>.bin' : '<task id>.mp4 (video/mp4)'}`,
			!problem,
			problem || `task ${json.id}, ${served ? served.length : 0} B`,
		]);
		if (problem) return checks;
		done.push({ id: json.id, served });
		if (!step.input) continue;
		const body = ctx.fake.tasks.get(json.id)?.body || {};
		const sentValue = body[step.input];
		const sent = typeof sentValue === 'string' ? Buffer.from(sentValue, 'base64') : null;
		const previous = done[i - 1].served;
		checks.push([
			`${label}: ${step.node} sent BFL the file of ${CHAIN[i - 1].node} as ${step.input}`,
			Boolean(sent && previous && sent.equals(previous)),
			`${sent ? sent.length : 0} B sent, ${previous ? previous.length : 0} B served before`,
		]);
		const file = path.join(ctx.home.files, `${json.id}.mp4`);
		const onDisk = fs.existsSync(file) ? fs.readFileSync(file) : null;
		checks.push([
			`${label}: ${step.node}'s MP4 on disk is byte-identical to the served video`,
			Boolean(onDisk && served && onDisk.equals(served)),
			onDisk ? `${json.id}.mp4: ${onDisk.length} B on disk` : `${file} missing`,
		]);
	}
	return checks;
}

module.exports = { VIDEO_EXAMPLES };
