// @ts-check
'use strict';

/**
 * Checks of the media a request carries, images and videos alike: an http(s) URL or raw base64
 * (no data: prefix) of a file of the right kind, and lists of 1–10 such values.
 */

const { sniffImage } = require('./images');
const { isMp4, isDraftCache } = require('./video');

/**
 * @typedef {import('./schemas').FastApiError} FastApiError
 * @typedef {{ recognise: (bytes: Buffer) => boolean, wrongKind: string, what: string, maxBytes?: number }} MediaKind
 */

/** BFL's limit for an uploaded video or draft cache (before base64). */
const MAX_VIDEO_BYTES = 50 * 1024 * 1024;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** @type {Record<'image' | 'video' | 'draft', MediaKind>} */
const MEDIA = {
	image: {
		recognise: (bytes) => sniffImage(bytes) !== null,
		what: 'a PNG, JPEG or WebP image',
		wrongKind: 'Input image must be a PNG, JPEG or WebP image',
	},
	video: {
		recognise: isMp4,
		what: 'an MP4 video',
		wrongKind: 'Input must be an MP4 video',
		maxBytes: MAX_VIDEO_BYTES,
	},
	draft: {
		recognise: isDraftCache,
		what: 'a draft cache bundle',
		wrongKind: 'Input must be a draft cache bundle',
		maxBytes: MAX_VIDEO_BYTES,
	},
};

/**
 * @param {unknown} value
 * @param {MediaKind} kind
 * @returns {string | null} why the value is not an acceptable reference to this kind of file
 */
function mediaProblem(value, kind) {
	if (typeof value !== 'string') return 'Input should be a valid string';
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
	if (kind.maxBytes && Math.floor((value.length * 3) / 4) > kind.maxBytes)
		return `Input exceeds the 50 MB limit for ${kind.what}`;
	if (!kind.recognise(Buffer.from(value.slice(0, 32), 'base64'))) return kind.wrongKind;
	return null;
}

/**
 * @param {(string | number)[]} loc
 * @param {unknown[]} list
 * @returns {FastApiError[]} pydantic's error for a list of other than 1–10 items
 */
function listLengthErrors(loc, list) {
	if (list.length >= 1 && list.length <= 10) return [];
	return [
		{ loc, msg: `List should have between 1 and 10 items, not ${list.length}`, type: 'too_long' },
	];
}

/**
 * FLUX 3 Image takes one image or a list of 1–10 under `images`.
 * @param {unknown} images
 * @returns {FastApiError[]}
 */
function imageListErrors(images) {
	const list = Array.isArray(images) ? images : [images];
	const tooMany = listLengthErrors(['body', 'images'], list);
	if (tooMany.length) return tooMany;
	/** @type {FastApiError[]} */
	const errors = [];
	list.forEach((value, i) => {
		const problem = mediaProblem(value, MEDIA.image);
		const loc = Array.isArray(images) ? ['body', 'images', i] : ['body', 'images'];
		if (problem) errors.push({ loc, msg: problem, type: 'value_error' });
	});
	return errors;
}

/**
 * Keyframes: 1–10 images, plain or as `[seconds, image]` pairs in time order within 20 s; three or
 * more plain images need a set duration.
 * @param {Record<string, any>} body
 * @returns {FastApiError[]}
 */
function keyframeErrors(body) {
	const raw = body.keyframes;
	const isPair = (/** @type {unknown} */ k) => Array.isArray(k) && typeof k[0] === 'number';
	const list = typeof raw === 'string' || isPair(raw) ? [raw] : raw;
	const loc = ['body', 'keyframes'];
	const tooMany = listLengthErrors(loc, list);
	if (tooMany.length) return tooMany;
	/** @type {FastApiError[]} */
	const errors = [];
	let previous = -1;
	list.forEach((/** @type {any} */ entry, /** @type {number} */ i) => {
		const problem = mediaProblem(isPair(entry) ? entry[1] : entry, MEDIA.image);
		if (problem) errors.push({ loc: [...loc, i], msg: problem, type: 'value_error' });
		if (!isPair(entry)) return;
		const seconds = entry[0];
		if (seconds < 0 || seconds > 20 || seconds < previous) {
			errors.push({
				loc: [...loc, i, 0],
				msg: 'Value error, keyframe seconds must be in time order between 0 and 20',
				type: 'value_error',
			});
		}
		previous = seconds;
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

module.exports = { MEDIA, MAX_VIDEO_BYTES, mediaProblem, imageListErrors, keyframeErrors };
