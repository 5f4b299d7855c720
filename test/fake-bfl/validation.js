// @ts-check
'use strict';

/**
 * The one validator of a submit, image or video: the body against its endpoint's schema (for a
 * tagged union, the schema its tag selects), then the product rules BFL documents but its schemas
 * do not encode.
 */

const { schemaErrors } = require('./schemas');
const { MEDIA, mediaProblem, imageListErrors, keyframeErrors } = require('./media');

/**
 * @typedef {import('./schemas').FastApiError} FastApiError
 * @typedef {import('./endpoints').Endpoint} Endpoint
 */

const IMAGE_FIELD = /^(input_image(_\d+)?|image|mask|person|garment|image_prompt)$/;
/** Body fields that carry a video or a draft cache, with their kind. */
const VIDEO_FIELDS = {
	start_video: 'video',
	video: 'video',
	input_video: 'video',
	draft_cache: 'draft',
};
const FLUX2_MAX_PIXELS = 4194304;

/**
 * pydantic's tagged union: the schema the body's tag (or one of its aliases) selects, and the body
 * with the alias replaced by its tag, so errors name that member's fields only.
 * @param {Endpoint} endpoint
 * @param {import('./endpoints').Union} union
 * @param {Record<string, any>} body
 * @returns {{ body: Record<string, any>, schema: import('./schemas').SchemaRef } | { error: FastApiError }}
 */
function unionMember(endpoint, union, body) {
	const raw = body[union.property];
	const tag = (endpoint.tagAliases && endpoint.tagAliases[raw]) || raw;
	const schema = typeof tag === 'string' ? union.schemas[tag] : undefined;
	if (schema) return { body: { ...body, [union.property]: tag }, schema };
	const expected = union.tags.map((t) => `'${t}'`).join(', ');
	return {
		error:
			raw === undefined
				? {
						loc: ['body'],
						msg: `Unable to extract tag using discriminator '${union.property}'`,
						type: 'union_tag_not_found',
					}
				: {
						loc: ['body'],
						msg: `Input tag '${raw}' found using '${union.property}' does not match any of the expected tags: ${expected}`,
						type: 'union_tag_invalid',
					},
	};
}

/**
 * @param {string} model
 * @param {Endpoint} endpoint
 * @param {Record<string, any>} body
 * @returns {FastApiError[]}
 */
function productErrors(model, endpoint, body) {
	/** @type {FastApiError[]} */
	const errors = [];
	/** @param {string} key @param {string | null} problem */
	const add = (key, problem) => {
		if (problem) errors.push({ loc: ['body', key], msg: problem, type: 'value_error' });
	};
	if (body.images != null) errors.push(...imageListErrors(body.images));
	if (body.mask != null && Array.isArray(body.images) && body.images.length > 9)
		add('images', 'A mask goes with at most 9 images');
	if (body.keyframes != null) errors.push(...keyframeErrors(body));
	for (const [key, value] of Object.entries(body)) {
		if (typeof value !== 'string') continue;
		const videoKind = /** @type {Record<string, 'video' | 'draft'>} */ (VIDEO_FIELDS)[key];
		if (videoKind) add(key, mediaProblem(value, MEDIA[videoKind]));
		if (!IMAGE_FIELD.test(key)) continue;
		const refIndex = /^input_image_(\d+)$/.exec(key);
		if (endpoint.maxRefs && refIndex && Number(refIndex[1]) > endpoint.maxRefs) {
			errors.push({
				loc: ['body', key],
				msg: `Extra inputs are not permitted: ${model} accepts at most ${endpoint.maxRefs} reference images`,
				type: 'extra_forbidden',
			});
			continue;
		}
		add(key, mediaProblem(value, MEDIA.image));
	}
	if (endpoint.family === 'flux2') errors.push(...flux2SizeErrors(body));
	return errors;
}

/**
 * FLUX.2: width and height multiples of 16, at most 4 MP in total.
 * @param {Record<string, any>} body
 * @returns {FastApiError[]}
 */
function flux2SizeErrors(body) {
	/** @type {FastApiError[]} */
	const errors = [];
	for (const side of ['width', 'height']) {
		if (body[side] && body[side] % 16 !== 0) {
			errors.push({
				loc: ['body', side],
				msg: 'Input should be a multiple of 16',
				type: 'multiple_of',
			});
		}
	}
	if (body.width && body.height && body.width * body.height > FLUX2_MAX_PIXELS) {
		errors.push({
			loc: ['body'],
			msg: 'Value error, width * height must not exceed 4194304 pixels (4 MP)',
			type: 'value_error',
		});
	}
	return errors;
}

/**
 * @param {string} model
 * @param {Endpoint} endpoint
 * @param {unknown} body
 * @param {import('./schemas').OpenApiDocument} spec the document the endpoint was read from
 * @returns {FastApiError[]} empty when valid
 */
function validateSubmit(model, endpoint, body, spec) {
	let schema = endpoint.schema;
	let checked = body;
	if (endpoint.union && body && typeof body === 'object' && !Array.isArray(body)) {
		const picked = unionMember(endpoint, endpoint.union, /** @type {Record<string, any>} */ (body));
		if ('error' in picked) return [picked.error];
		schema = picked.schema;
		checked = picked.body;
	}
	const errors = schemaErrors(schema, checked, spec);
	if (errors.length) return errors;
	return productErrors(model, endpoint, /** @type {Record<string, any>} */ (checked));
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

module.exports = { validateSubmit, schemaErrors, parseJsonBody };
