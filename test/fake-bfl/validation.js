// @ts-check
'use strict';

const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;
const spec = require('./openapi-2026-10.json');
const { sniffImage } = require('./images');
const { SPEC_ID, ref, HAND_SCHEMAS } = require('./handSchemas');
const { videoModeSchema, videoProductErrors } = require('./videoValidation');

/**
 * @typedef {{ loc: (string | number)[], msg: string, type: string }} FastApiError
 * @typedef {import('./models').ModelInfo} ModelInfo
 */

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: SPEC_ID, components: spec.components });

/** @type {Map<string, import('ajv').ValidateFunction>} */
const compiled = new Map();

/** @param {string} name */
function validatorFor(name) {
	let fn = compiled.get(name);
	if (!fn) {
		const hand = /** @type {Record<string, object>} */ (HAND_SCHEMAS)[name];
		if (!hand && !(name in spec.components.schemas)) throw new Error(`no schema named ${name}`);
		fn = ajv.compile(hand || ref(name));
		compiled.set(name, fn);
	}
	return fn;
}

/** @param {unknown[]} values  pydantic style: 'a', 'b' or 'c' */
function listChoices(values) {
	const quoted = values.map((v) => `'${v}'`);
	return quoted.length > 1
		? `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`
		: quoted.join('');
}

/** @param {import('ajv').ErrorObject} e */
function toFastApi(e) {
	/** @type {(string | number)[]} */
	const loc = [
		'body',
		...e.instancePath
			.split('/')
			.slice(1)
			.map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
	];
	const p = /** @type {Record<string, any>} */ (e.params);
	switch (e.keyword) {
		case 'required':
			return { loc: [...loc, p.missingProperty], msg: 'Field required', type: 'missing' };
		case 'additionalProperties':
			return {
				loc: [...loc, p.additionalProperty],
				msg: 'Extra inputs are not permitted',
				type: 'extra_forbidden',
			};
		case 'type': {
			const kind = {
				integer: 'int',
				number: 'float',
				string: 'string',
				boolean: 'bool',
				object: 'dict',
			}[/** @type {string} */ (p.type)];
			return { loc, msg: `Input should be a valid ${p.type}`, type: `${kind || p.type}_type` };
		}
		case 'minimum':
			return {
				loc,
				msg: `Input should be greater than or equal to ${p.limit}`,
				type: 'greater_than_equal',
			};
		case 'maximum':
			return {
				loc,
				msg: `Input should be less than or equal to ${p.limit}`,
				type: 'less_than_equal',
			};
		case 'multipleOf':
			return { loc, msg: `Input should be a multiple of ${p.multipleOf}`, type: 'multiple_of' };
		case 'enum':
			return { loc, msg: `Input should be ${listChoices(p.allowedValues)}`, type: 'enum' };
		case 'minLength':
			return {
				loc,
				msg: `String should have at least ${p.limit} characters`,
				type: 'string_too_short',
			};
		case 'maxLength':
			return {
				loc,
				msg: `String should have at most ${p.limit} characters`,
				type: 'string_too_long',
			};
		case 'format':
			return { loc, msg: 'Input should be a valid URL', type: 'url_parsing' };
		default:
			return { loc, msg: e.message || 'Invalid value', type: e.keyword };
	}
}

/** @param {import('ajv').ErrorObject} e  anyOf wrappers and the "or null" branch only add noise. */
const isNoise = (e) =>
	['anyOf', 'allOf', 'oneOf', 'if'].includes(e.keyword) ||
	(e.keyword === 'type' && e.params.type === 'null');

/**
 * One FastAPI-style error per location, like pydantic's most specific message.
 * @param {string} schemaName
 * @param {unknown} body
 * @returns {FastApiError[]}
 */
function schemaErrors(schemaName, body) {
	if (body === null || typeof body !== 'object' || Array.isArray(body)) {
		return [
			{
				loc: ['body'],
				msg: 'Input should be a valid dictionary or object to extract fields from',
				type: 'model_attributes_type',
			},
		];
	}
	const validate = validatorFor(schemaName);
	if (validate(body)) return [];
	/** @type {Map<string, FastApiError>} */
	const byLoc = new Map();
	const errors = validate.errors || [];
	const useful = errors.filter((e) => !isNoise(e));
	for (const e of useful.length ? useful : errors) {
		const err = toFastApi(e);
		const key = JSON.stringify(err.loc);
		if (!byLoc.has(key)) byLoc.set(key, err);
	}
	return [...byLoc.values()];
}

const IMAGE_FIELD = /^(input_image(_\d+)?|image|mask|person|garment|image_prompt)$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** @param {string} value @returns {string | null} why it is not an acceptable image reference */
function imageProblem(value) {
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
	if (!sniffImage(Buffer.from(value.slice(0, 32), 'base64')))
		return 'Input image must be a PNG, JPEG or WebP image';
	return null;
}

/**
 * FLUX 3 Image takes one image or a list of 1–10 under `images`, each a URL or raw base64.
 * @param {unknown} images
 * @returns {FastApiError[]}
 */
function imageListErrors(images) {
	const list = Array.isArray(images) ? images : [images];
	if (list.length < 1 || list.length > 10) {
		return [
			{
				loc: ['body', 'images'],
				msg: `List should have between 1 and 10 items, not ${list.length}`,
				type: 'too_long',
			},
		];
	}
	/** @type {FastApiError[]} */
	const errors = [];
	list.forEach((value, i) => {
		const problem =
			typeof value === 'string' ? imageProblem(value) : 'Input should be a valid string';
		const loc = Array.isArray(images) ? ['body', 'images', i] : ['body', 'images'];
		if (problem) errors.push({ loc, msg: problem, type: 'value_error' });
	});
	return errors;
}

/**
 * Rules the BFL docs state but the OpenAPI schema does not encode.
 * @param {string} model
 * @param {ModelInfo} info
 * @param {Record<string, any>} body
 * @returns {FastApiError[]}
 */
function productErrors(model, info, body) {
	/** @type {FastApiError[]} */
	const errors = [];
	if (body.images != null) errors.push(...imageListErrors(body.images));
	for (const [key, value] of Object.entries(body)) {
		if (!IMAGE_FIELD.test(key) || typeof value !== 'string') continue;
		const refIndex = /^input_image_(\d+)$/.exec(key);
		if (info.maxRefs && refIndex && Number(refIndex[1]) > info.maxRefs) {
			errors.push({
				loc: ['body', key],
				msg: `Extra inputs are not permitted: ${model} accepts at most ${info.maxRefs} reference images`,
				type: 'extra_forbidden',
			});
			continue;
		}
		const problem = imageProblem(value);
		if (problem) errors.push({ loc: ['body', key], msg: problem, type: 'value_error' });
	}
	if (info.family === 'flux2') {
		for (const side of ['width', 'height']) {
			if (body[side] && body[side] % 16 !== 0) {
				errors.push({
					loc: ['body', side],
					msg: 'Input should be a multiple of 16',
					type: 'multiple_of',
				});
			}
		}
		if (body.width && body.height && body.width * body.height > 4194304) {
			errors.push({
				loc: ['body'],
				msg: 'Value error, width * height must not exceed 4194304 pixels (4 MP)',
				type: 'value_error',
			});
		}
	}
	return errors;
}

/**
 * @param {string} model
 * @param {ModelInfo} info
 * @param {unknown} body
 * @returns {FastApiError[]} empty when valid
 */
function validateSubmit(model, info, body) {
	if (info.family === 'video') return validateVideo(info, body);
	const errors = schemaErrors(info.schema, body);
	if (errors.length) return errors;
	return productErrors(model, info, /** @type {Record<string, any>} */ (body));
}

/**
 * flux-3-video is a union discriminated by `mode` (aliases allowed): the body is checked against
 * its mode's schema only, as pydantic does, so errors name that mode's fields.
 * @param {ModelInfo} info
 * @param {unknown} body
 * @returns {FastApiError[]}
 */
function validateVideo(info, body) {
	let schema = info.schema;
	let checked = body;
	if (
		schema === 'Flux3VideoInputsBody' &&
		body &&
		typeof body === 'object' &&
		!Array.isArray(body)
	) {
		const picked = videoModeSchema(/** @type {Record<string, any>} */ (body));
		if ('error' in picked) return [picked.error];
		schema = picked.schema;
		checked = picked.body;
	}
	const errors = schemaErrors(schema, checked);
	if (errors.length) return errors;
	return videoProductErrors(/** @type {Record<string, any>} */ (checked), imageProblem);
}

/**
 * @param {string} text
 * @returns {{ ok: true, value: unknown } | { ok: false, errors: FastApiError[] }}
 */
function parseJsonBody(text) {
	if (text.trim() === '')
		return { ok: false, errors: [{ loc: ['body'], msg: 'Field required', type: 'missing' }] };
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (err) {
		const at = /position (\d+)/.exec(String(err && err.message));
		return {
			ok: false,
			errors: [
				{ loc: ['body', at ? Number(at[1]) : 0], msg: 'JSON decode error', type: 'json_invalid' },
			],
		};
	}
}

module.exports = { validateSubmit, schemaErrors, parseJsonBody, imageProblem };
