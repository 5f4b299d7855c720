// @ts-check
'use strict';

/**
 * JSON Schema checks against BFL's OpenAPI document, answered the way BFL's FastAPI/pydantic
 * server words them. Each document gets its own ajv instance, so a simulator started with another
 * document (a newer copy, or a test's) validates against that one.
 */

const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;
const OCTOBER_SPEC = require('./openapi-2026-10.json');
const { SPEC_ID, ref, HAND_SCHEMAS } = require('./handSchemas');

/**
 * @typedef {{ loc: (string | number)[], msg: string, type: string }} FastApiError
 * @typedef {{ paths: Record<string, any>, components: { schemas: Record<string, any> } }} OpenApiDocument
 * @typedef {string | object} SchemaRef a component or hand schema name, or a JSON schema
 */

/** @type {WeakMap<object, { ajv: import('ajv').default, compiled: Map<string, import('ajv').ValidateFunction> }>} */
const compilers = new WeakMap();

/** @param {OpenApiDocument} spec */
function compilerFor(spec) {
	let compiler = compilers.get(spec);
	if (!compiler) {
		const ajv = new Ajv2020({ strict: false, allErrors: true });
		addFormats(ajv);
		ajv.addSchema({ $id: SPEC_ID, components: spec.components, paths: spec.paths });
		compiler = { ajv, compiled: new Map() };
		compilers.set(spec, compiler);
	}
	return compiler;
}

/**
 * The JSON body schema of a POST path, as a reference into the document.
 * @param {string} path e.g. '/v1/flux-2-pro'
 */
function requestSchemaOf(path) {
	const pointer = ['paths', path, 'post', 'requestBody', 'content', 'application/json', 'schema']
		.map((part) => encodeURIComponent(part.replace(/~/g, '~0').replace(/\//g, '~1')))
		.join('/');
	return { $ref: `${SPEC_ID}#/${pointer}` };
}

/**
 * @param {SchemaRef} schema
 * @param {OpenApiDocument} spec
 */
function validatorFor(schema, spec) {
	const { ajv, compiled } = compilerFor(spec);
	const key = typeof schema === 'string' ? schema : JSON.stringify(schema);
	let fn = compiled.get(key);
	if (!fn) {
		if (typeof schema === 'string') {
			const hand = /** @type {Record<string, object>} */ (HAND_SCHEMAS)[schema];
			if (!hand && !(schema in spec.components.schemas))
				throw new Error(`no schema named ${schema}`);
			fn = ajv.compile(hand || ref(schema));
		} else {
			fn = ajv.compile(schema);
		}
		compiled.set(key, fn);
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

const TYPE_NAMES = {
	integer: 'int',
	number: 'float',
	string: 'string',
	boolean: 'bool',
	object: 'dict',
};

/**
 * @param {import('ajv').ErrorObject} e
 * @returns {FastApiError}
 */
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
			const kind = /** @type {Record<string, string>} */ (TYPE_NAMES)[p.type];
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
 * @param {SchemaRef} schema
 * @param {unknown} body
 * @param {OpenApiDocument} [spec] BFL's October 2026 copy unless given
 * @returns {FastApiError[]}
 */
function schemaErrors(schema, body, spec = OCTOBER_SPEC) {
	if (body === null || typeof body !== 'object' || Array.isArray(body)) {
		return [
			{
				loc: ['body'],
				msg: 'Input should be a valid dictionary or object to extract fields from',
				type: 'model_attributes_type',
			},
		];
	}
	const validate = validatorFor(schema, spec);
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

module.exports = { OCTOBER_SPEC, schemaErrors, requestSchemaOf };
