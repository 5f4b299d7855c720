// @ts-check
'use strict';

/**
 * The example workflows in examples/ and how the suite judges each one's execute-batch snapshot.
 * A check is [name, ok, detail]; the runner prints one line per check.
 */

const fs = require('node:fs');
const path = require('node:path');
const { itemsOf, errorOf } = require('./n8n');

const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', '..', 'examples');

/** Finetunes the simulator starts with, for example 06. */
const SEEDED_FINETUNES = [
	{
		finetune_id: 'e2e-finetune-0001',
		finetune_comment: 'product shots',
		mode: 'product',
		trigger_word: 'TOK',
		iterations: 300,
		learning_rate: 0.00001,
		captioning: true,
		priority: 'quality',
		finetune_type: 'full',
		lora_rank: 32,
	},
	{
		finetune_id: 'e2e-finetune-0002',
		finetune_comment: 'house style',
		mode: 'style',
		trigger_word: 'HSTYLE',
		iterations: 500,
		learning_rate: 0.00001,
		captioning: true,
		priority: 'speed',
		finetune_type: 'lora',
		lora_rank: 16,
	},
];

/** Generate with a FLUX.2 model: every field of the documented output. */
const FULL_FIELDS = [
	'id',
	'status',
	'model',
	'prompt',
	'seed',
	'sampleUrl',
	'sampleUrlExpiresAt',
	'cost',
	'inputMp',
	'outputMp',
	'durationSeconds',
];
/** FLUX.1 endpoints report no megapixels, and a polled result knows neither model nor cost. */
const CORE_FIELDS = [
	'id',
	'status',
	'prompt',
	'seed',
	'sampleUrl',
	'sampleUrlExpiresAt',
	'durationSeconds',
];

const EXTENSIONS = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** @param {string} file */
function loadExample(file) {
	return JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
}

/**
 * @typedef {[string, boolean, string]} Check
 * @typedef {object} Ctx
 * @property {import('./n8n').N8nHome} home
 * @property {any} fake
 * @property {string} apiKey
 * @property {number} [bytesVerified] binaries whose stored bytes were compared with the served image
 * @property {string} [noSnapshotReason] why execute-batch wrote no snapshot (from its --output summary)
 */

/** @param {any} v */
const short = (v) => {
	const s = typeof v === 'string' ? v : JSON.stringify(v);
	return s && s.length > 300 ? `${s.slice(0, 300)}…` : String(s);
};

/** Checks that n8n finished the workflow; returns false (and a failing check) when there is nothing to judge. */
function ranOk(
	/** @type {Check[]} */ checks,
	/** @type {any} */ snap,
	/** @type {Ctx} */ ctx,
	/** @type {string} */ label,
	allowError = false,
) {
	if (!snap) {
		checks.push([
			`${label}: execution succeeded`,
			false,
			`no snapshot: ${ctx.noSnapshotReason || 'the workflow failed or was skipped; see the execute-batch log'}`,
		]);
		return false;
	}
	const err = errorOf(snap);
	const ok = snap.status === 'success' || (allowError && !err);
	checks.push([
		`${label}: execution succeeded`,
		ok,
		ok
			? `status ${snap.status}`
			: `status ${snap.status}: ${short(err?.message ?? err)}${err?.node?.name ? ` (node ${err.node.name})` : ''}`,
	]);
	return true;
}

/**
 * One Ready image item, judged against the simulator: status, output fields, binary name/type and bytes.
 * The stored bytes are compared whenever n8n keeps them where we can read them (inline or filesystem mode).
 * @param {Ctx} ctx @param {any} item @param {string[]} [fields] @param {string} [binaryProperty]
 * @returns {string | null} a problem, or null
 */
function imageItemProblem(ctx, item, fields = FULL_FIELDS, binaryProperty = 'data') {
	if (!item) return 'no item';
	const j = item.json || {};
	if (j.status !== 'Ready')
		return `status ${short(j.status)}${j.error ? `, error ${short(j.error)}` : ''}`;
	const missing = fields.filter((f) => !(f in j));
	if (missing.length) return `output JSON lacks ${missing.join(', ')}`;
	if (JSON.stringify(j).includes(ctx.apiKey)) return 'output JSON contains the API key';
	const bin = item.binary && item.binary[binaryProperty];
	if (!bin) return `no binary "${binaryProperty}"`;
	const ext = EXTENSIONS[/** @type {keyof EXTENSIONS} */ (bin.mimeType)];
	if (!ext) return `binary MIME type ${bin.mimeType}`;
	if (bin.fileName !== `${j.id}.${ext}`)
		return `binary file name ${bin.fileName}, expected ${j.id}.${ext}`;
	const served = ctx.fake.imageFor(j.id);
	if (!served) return `the simulator has no Ready image for task ${j.id}`;
	const stored = ctx.home.binaryBytes(bin);
	if (stored && !stored.equals(served))
		return `stored binary (${stored.length} B) differs from the served image (${served.length} B)`;
	if (stored) ctx.bytesVerified = (ctx.bytesVerified || 0) + 1;
	return null;
}

/** @type {Array<{ file: string, adapt?: (wf: any, ctx: Ctx) => void, check: (snap: any, ctx: Ctx, wf: any) => Check[] }>} */
const EXAMPLES = [
	{
		file: '01-generate-to-file.json',
		adapt(wf, ctx) {
			const settings = wf.nodes.find((/** @type {any} */ n) => n.name === 'Settings');
			const folder = settings.parameters.assignments.assignments.find(
				(/** @type {any} */ a) => a.name === 'folder',
			);
			folder.value = ctx.home.files; // inside N8N_RESTRICT_FILE_ACCESS_TO
		},
		check(snap, ctx) {
			/** @type {Check[]} */
			const checks = [];
			if (!ranOk(checks, snap, ctx, '01 generate to file')) return checks;
			const items = itemsOf(snap, 'Generate Image') || [];
			const item = items[0];
			const problem = items.length === 1 ? imageItemProblem(ctx, item) : `${items.length} items`;
			checks.push([
				'01 generate to file: one Ready image item with all output fields',
				!problem,
				problem || `task ${item.json.id}`,
			]);
			if (!item) return checks;
			const bin = item.binary?.data;
			const file = path.join(ctx.home.files, bin?.fileName ?? `${item.json.id}.jpg`);
			const served = ctx.fake.imageFor(item.json.id);
			const onDisk = fs.existsSync(file) ? fs.readFileSync(file) : null;
			const same = Boolean(onDisk && served && onDisk.equals(served));
			checks.push([
				'01 generate to file: file on disk is byte-identical to the served image',
				same,
				onDisk
					? `${path.basename(file)}: ${onDisk.length} B on disk, ${served ? served.length : 0} B served`
					: `${file} missing`,
			]);
			return checks;
		},
	},
	{
		file: '02-generate-then-edit.json',
		check(snap, ctx) {
			/** @type {Check[]} */
			const checks = [];
			if (!ranOk(checks, snap, ctx, '02 generate then edit')) return checks;
			const gen = (itemsOf(snap, 'Generate Image') || [])[0];
			const edit = (itemsOf(snap, 'Edit Image') || [])[0];
			const genProblem = imageItemProblem(ctx, gen);
			checks.push([
				'02 generate then edit: generated image',
				!genProblem,
				genProblem || `task ${gen.json.id}`,
			]);
			const editProblem =
				imageItemProblem(ctx, edit, [...CORE_FIELDS, 'model', 'cost']) ||
				(edit.json.model !== 'flux-kontext-pro' ? `model ${edit.json.model}` : null);
			checks.push([
				'02 generate then edit: edited image from flux-kontext-pro',
				!editProblem,
				editProblem || `task ${edit.json.id}`,
			]);
			if (gen && edit && !genProblem && !editProblem) {
				const task = ctx.fake.tasks.get(edit.json.id);
				const sent =
					task && typeof task.body.input_image === 'string'
						? Buffer.from(task.body.input_image, 'base64')
						: null;
				const generated = ctx.fake.imageFor(gen.json.id);
				const same = Boolean(sent && generated && sent.equals(generated));
				checks.push([
					'02 generate then edit: Edit sent the generated bytes as input_image',
					same,
					sent
						? `${sent.length} B sent, ${generated ? generated.length : 0} B generated`
						: 'no input_image in the edit request',
				]);
			}
			return checks;
		},
	},
	{
		file: '03-submit-wait-get-result.json',
		check(snap, ctx) {
			/** @type {Check[]} */
			const checks = [];
			if (!ranOk(checks, snap, ctx, '03 submit, wait, get result')) return checks;
			const sub = (itemsOf(snap, 'Generate Image') || [])[0];
			const subOk = Boolean(sub && sub.json.id && sub.json.pollingUrl && !sub.binary?.data);
			checks.push([
				'03 submit, wait, get result: submit returns id and pollingUrl without waiting',
				subOk,
				short(sub?.json),
			]);
			const res = (itemsOf(snap, 'Get Result') || [])[0];
			const problem =
				imageItemProblem(ctx, res, CORE_FIELDS) ||
				(sub && res.json.id !== sub.json.id
					? `id ${res.json.id} is not the submitted ${sub.json.id}`
					: null);
			checks.push([
				'03 submit, wait, get result: Get Result returns the Ready image',
				!problem,
				problem || `task ${res.json.id}`,
			]);
			if (sub) {
				const task = ctx.fake.tasks.get(sub.json.id);
				const submits = task ? ctx.fake.stats().submitsByPrompt[task.prompt] : undefined;
				checks.push([
					'03 submit, wait, get result: submitted (paid) once',
					submits === 1,
					`${submits} submit(s)`,
				]);
			}
			return checks;
		},
	},
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
			const items = itemsOf(snap, 'List Finetunes') || [];
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
				'06 finetune list: one item per finetune with finetuneId and details',
				items.length === SEEDED_FINETUNES.length && !problems.length,
				problems.join('; ') || `${items.length} finetunes`,
			]);
			return checks;
		},
	},
];

/**
 * Every examples/*.json as shipped to users: importable ids (a digit, at most 21 characters, unique), our node
 * as `n8n-nodes-bfl.bfl` v1 with a placeholder bflApi credential reference, and connections that name real nodes.
 * @returns {string[]} problems
 */
function lintExamples() {
	const problems = [];
	const ids = new Set();
	const files = fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json'));
	for (const file of files) {
		let wf;
		try {
			wf = loadExample(file);
		} catch (err) {
			problems.push(`${file}: not JSON (${/** @type {Error} */ (err).message})`);
			continue;
		}
		const id = String(wf.id || '');
		if (!/\d/.test(id) || id.length > 21)
			problems.push(`${file}: id "${id}" needs a digit and at most 21 characters`);
		if (ids.has(id)) problems.push(`${file}: id "${id}" used twice`);
		ids.add(id);
		const names = new Set((wf.nodes || []).map((/** @type {any} */ n) => n.name));
		for (const node of wf.nodes || []) {
			if (/bfl/i.test(node.type) && node.type !== 'n8n-nodes-bfl.bfl')
				problems.push(`${file}: node type ${node.type}`);
			if (node.type !== 'n8n-nodes-bfl.bfl') continue;
			if (node.typeVersion !== 1)
				problems.push(`${file}: ${node.name} typeVersion ${node.typeVersion}`);
			const ref = node.credentials && node.credentials.bflApi;
			if (!ref || !ref.id || !ref.name)
				problems.push(`${file}: ${node.name} lacks a bflApi credential reference`);
		}
		for (const [from, outputs] of Object.entries(wf.connections || {})) {
			if (!names.has(from)) problems.push(`${file}: connection from unknown node ${from}`);
			for (const list of /** @type {any} */ (outputs).main || []) {
				for (const c of list || [])
					if (!names.has(c.node)) problems.push(`${file}: connection to unknown node ${c.node}`);
			}
		}
	}
	const expected = [...EXAMPLES.map((e) => e.file), '07-webhook-generate.json'];
	for (const f of expected) if (!files.includes(f)) problems.push(`${f} missing`);
	return problems;
}

module.exports = {
	EXAMPLES,
	EXAMPLES_DIR,
	SEEDED_FINETUNES,
	loadExample,
	lintExamples,
	imageItemProblem,
	short,
};
