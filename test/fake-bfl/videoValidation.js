// @ts-check
'use strict';

const { isMp4, isDraftCache } = require('./video');

/**
 * @typedef {import('./validation').FastApiError} FastApiError
 */

/** flux-3-video's `mode` tags, with the spelled-out aliases BFL also accepts. */
const MODE_SCHEMAS = {
	t2v: 'Flux3VideoT2VInputs',
	i2v: 'Flux3VideoI2VInputs',
	v2v: 'Flux3VideoV2VInputs',
	draft_enhance: 'Flux3VideoDraftEnhanceInputs',
};
const MODE_ALIASES = {
	'text-to-video': 't2v',
	'image-continuation': 'i2v',
	'video-continuation': 'v2v',
	'draft-enhance': 'draft_enhance',
};
/** BFL's limit for an uploaded video (base64 of at most 50 MB of MP4). */
const MAX_VIDEO_BYTES = 50 * 1024 * 1024;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The body with an aliased mode replaced by its short tag, and the component schema for that mode;
 * null when the tag is missing or unknown (pydantic's discriminated union then names the tags).
 * @param {Record<string, any>} body
 * @returns {{ body: Record<string, any>, schema: string } | { error: FastApiError }}
 */
function videoModeSchema(body) {
	const raw = body.mode;
	const mode = /** @type {Record<string, string>} */ (MODE_ALIASES)[raw] || raw;
	const schema = /** @type {Record<string, string>} */ (MODE_SCHEMAS)[mode];
	if (typeof raw !== 'string' || !schema) {
		const expected = "'t2v', 'i2v', 'v2v', 'draft_enhance'";
		return {
			error:
				raw === undefined
					? {
							loc: ['body'],
							msg: `Unable to extract tag using discriminator 'mode'`,
							type: 'union_tag_not_found',
						}
					: {
							loc: ['body'],
							msg: `Input tag '${raw}' found using 'mode' does not match any of the expected tags: ${expected}`,
							type: 'union_tag_invalid',
						},
		};
	}
	return { body: { ...body, mode }, schema };
}

/**
 * @param {string} value
 * @param {string} what e.g. 'an MP4 video'
 * @param {(bytes: Buffer) => boolean} recognise
 * @returns {string | null}
 */
function mediaProblem(value, what, recognise) {
	if (/^data:/i.test(value))
		return 'Data URLs are not supported; send raw base64 without the data: prefix';
	if (/^https?:\/\//i.test(value)) {
		try {
			new URL(value);
			return null;
		} catch {
			return 'Input should be a valid URL';
		}
	}
	if (value.length % 4 === 1 || !BASE64.test(value))
		return 'Input should be an http(s) URL or valid base64';
	if (Math.floor((value.length * 3) / 4) > MAX_VIDEO_BYTES)
		return `Input exceeds the 50 MB limit for ${what}`;
	if (!recognise(Buffer.from(value.slice(0, 32), 'base64'))) return `Input must be ${what}`;
	return null;
}

/**
 * Keyframes: 1–10 images, plain or as `[seconds, image]` pairs in time order within 20 s; three or
 * more plain images need a set duration.
 * @param {Record<string, any>} body
 * @param {(value: string) => string | null} imageProblem
 * @returns {FastApiError[]}
 */
function keyframeErrors(body, imageProblem) {
	const raw = body.keyframes;
	const isPair = (/** @type {unknown} */ k) => Array.isArray(k) && typeof k[0] === 'number';
	const list = typeof raw === 'string' || isPair(raw) ? [raw] : raw;
	/** @type {FastApiError[]} */
	const errors = [];
	const loc = ['body', 'keyframes'];
	if (list.length < 1 || list.length > 10) {
		return [
			{ loc, msg: `List should have between 1 and 10 items, not ${list.length}`, type: 'too_long' },
		];
	}
	let previous = -1;
	list.forEach((/** @type {any} */ entry, /** @type {number} */ i) => {
		const image = isPair(entry) ? entry[1] : entry;
		const problem = imageProblem(image);
		if (problem) errors.push({ loc: [...loc, i], msg: problem, type: 'value_error' });
		if (isPair(entry)) {
			const seconds = entry[0];
			if (seconds < 0 || seconds > 20 || seconds < previous) {
				errors.push({
					loc: [...loc, i, 0],
					msg: 'Value error, keyframe seconds must be in time order between 0 and 20',
					type: 'value_error',
				});
			}
			previous = seconds;
		}
	});
	if (!list.some(isPair) && list.length >= 3 && !Number.isInteger(body.duration)) {
		errors.push({
			loc,
			msg: 'Value error, three or more keyframes without times need a set duration',
			type: 'value_error',
		});
	}
	return errors;
}

/**
 * Rules of the video endpoints that their schemas do not encode.
 * @param {Record<string, any>} body
 * @param {(value: string) => string | null} imageProblem
 * @returns {FastApiError[]}
 */
function videoProductErrors(body, imageProblem) {
	/** @type {FastApiError[]} */
	const errors = [];
	for (const field of ['start_video', 'video', 'input_video']) {
		if (typeof body[field] !== 'string') continue;
		const problem = mediaProblem(body[field], 'an MP4 video', isMp4);
		if (problem) errors.push({ loc: ['body', field], msg: problem, type: 'value_error' });
	}
	if (typeof body.draft_cache === 'string') {
		const problem = mediaProblem(body.draft_cache, 'a draft cache bundle', isDraftCache);
		if (problem) errors.push({ loc: ['body', 'draft_cache'], msg: problem, type: 'value_error' });
	}
	if (body.keyframes != null) errors.push(...keyframeErrors(body, imageProblem));
	return errors;
}

module.exports = { videoModeSchema, videoProductErrors, MAX_VIDEO_BYTES };
