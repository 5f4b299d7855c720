// @ts-check
'use strict';

/**
 * Shared judgement of execute-batch snapshots: did the workflow run, and is an image item what the simulator
 * served. A check is [name, ok, detail]; the runner prints one line per check.
 */

const fs = require('node:fs');
const path = require('node:path');

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

/**
 * @typedef {[string, boolean, string]} Check
 * @typedef {object} Ctx
 * @property {import('../n8n').N8nHome} home
 * @property {any} fake
 * @property {string} apiKey
 * @property {number} [bytesVerified] binaries whose stored bytes were compared with the served image
 * @property {string} [noSnapshotReason] why execute-batch wrote no snapshot (from its --output summary)
 */

/** Items of a node's first output in an execute-batch snapshot. @param {any} snapshot @param {string} nodeName */
function itemsOf(snapshot, nodeName) {
	const runs = snapshot?.data?.resultData?.runData?.[nodeName];
	if (!runs || !runs.length) return null;
	const last = runs[runs.length - 1];
	return last?.data?.main?.[0] ?? [];
}

/** The error n8n recorded for a node, or the execution's error. @param {any} snapshot @param {string} [nodeName] */
function errorOf(snapshot, nodeName) {
	if (nodeName) {
		const runs = snapshot?.data?.resultData?.runData?.[nodeName];
		const err = runs && runs[runs.length - 1]?.error;
		if (err) return err;
	}
	return snapshot?.data?.resultData?.error ?? null;
}

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

/**
 * The check that the file a Read/Write Files node wrote for an item is the image the simulator served.
 * @param {Ctx} ctx @param {string} label @param {any} item @returns {Check}
 */
function writtenFileCheck(ctx, label, item) {
	const file = path.join(ctx.home.files, item.binary?.data?.fileName ?? `${item.json.id}.jpg`);
	const onDisk = fs.existsSync(file) ? fs.readFileSync(file) : null;
	const served = ctx.fake.imageFor(item.json.id);
	return [
		`${label}: file on disk is byte-identical to the served image`,
		Boolean(onDisk && served && onDisk.equals(served)),
		onDisk ? `${onDisk.length} B on disk` : `${file} missing`,
	];
}

module.exports = {
	FULL_FIELDS,
	CORE_FIELDS,
	itemsOf,
	errorOf,
	short,
	ranOk,
	imageItemProblem,
	writtenFileCheck,
};
