// @ts-check
'use strict';

/**
 * The simulator's model endpoints, read from BFL's OpenAPI document: every `POST /v1/<model>` that
 * answers with a task is served, its body checked against that path's request schema. models.js
 * adds what the document does not say (prices, product limits); a path it does not know gets the
 * generic defaults below, so a model BFL adds to the document needs no hand-written entry.
 */

const { MODELS } = require('./models');
const { SPEC_ID } = require('./handSchemas');
const { requestSchemaOf } = require('./schemas');

/**
 * @typedef {import('./schemas').OpenApiDocument} OpenApiDocument
 * @typedef {import('./schemas').SchemaRef} SchemaRef
 * @typedef {{ property: string, tags: string[], schemas: Record<string, SchemaRef> }} Union
 * @typedef {Omit<import('./models').ModelInfo, 'schema'> & {
 *   schema: SchemaRef, union?: Union, defaultFormat: 'jpeg' | 'png' | 'mp4' }} Endpoint
 */

/** Credits a task of an endpoint without a price in models.js costs. */
const GENERIC_COST = 5;
const COMPONENT = '#/components/schemas/';

/** @param {Record<string, any> | undefined} operation */
function answersWithTask(operation) {
	const ok = operation && operation.responses && operation.responses['200'];
	return Boolean(ok) && JSON.stringify(ok).includes(`"${COMPONENT}AsyncResponse"`);
}

/**
 * @param {OpenApiDocument} spec
 * @param {any} schema
 * @returns {any} the schema, with a top-level component $ref followed
 */
function resolve(spec, schema) {
	const ref = schema && schema.$ref;
	return typeof ref === 'string' && ref.startsWith(COMPONENT)
		? spec.components.schemas[ref.slice(COMPONENT.length)]
		: schema;
}

/**
 * A body that is a union with a discriminator (pydantic's tagged union): which schema each tag
 * selects, in the union's own order.
 * @param {any} body
 * @returns {Union | undefined}
 */
function unionOf(body) {
	const discriminator = body && body.discriminator;
	if (!discriminator || !discriminator.mapping) return undefined;
	const mapping = /** @type {Record<string, string>} */ (discriminator.mapping);
	const order = (body.oneOf || body.anyOf || []).map((/** @type {any} */ s) => s.$ref);
	const tags = Object.keys(mapping).sort(
		(a, b) => order.indexOf(mapping[a]) - order.indexOf(mapping[b]),
	);
	/** @type {Record<string, SchemaRef>} */
	const schemas = {};
	for (const tag of tags) schemas[tag] = { $ref: `${SPEC_ID}${mapping[tag]}` };
	return { property: discriminator.propertyName, tags, schemas };
}

/** What an endpoint without an entry in models.js gets: a flat price reported on submit. */
const GENERIC_INFO = /** @type {import('./models').ModelInfo} */ ({
	family: 'generic',
	price: () => ({ cost: GENERIC_COST, inputMp: 0, outputMp: 1.05 }),
});

/**
 * BFL's output format when the body names none: video is MP4; images follow the schema's
 * output_format default, else JPEG.
 * @param {import('./models').ModelInfo} info
 * @param {any} body
 * @returns {'jpeg' | 'png' | 'mp4'}
 */
function defaultFormatOf(info, body) {
	if (info.family === 'video') return 'mp4';
	const format = body && body.properties && body.properties.output_format;
	return format && format.default === 'png' ? 'png' : 'jpeg';
}

/**
 * @param {OpenApiDocument} spec
 * @returns {Record<string, Endpoint>} by model name (the path after /v1/)
 */
function taskEndpoints(spec) {
	/** @type {Record<string, Endpoint>} */
	const endpoints = {};
	for (const [path, item] of Object.entries(spec.paths)) {
		if (!path.startsWith('/v1/') || !answersWithTask(item.post)) continue;
		const model = path.slice('/v1/'.length);
		const content = item.post.requestBody && item.post.requestBody.content;
		const body = resolve(
			spec,
			content && content['application/json'] && content['application/json'].schema,
		);
		const info = MODELS[model] || GENERIC_INFO;
		endpoints[model] = {
			...info,
			schema: requestSchemaOf(path),
			union: unionOf(body),
			defaultFormat: defaultFormatOf(info, body),
		};
	}
	for (const [model, info] of Object.entries(MODELS)) {
		if (endpoints[model]) continue;
		if (!info.schema)
			throw new Error(
				`fake-bfl: ${model} is in models.js but neither in the OpenAPI document nor given a hand schema`,
			);
		endpoints[model] = { ...info, schema: info.schema, defaultFormat: defaultFormatOf(info, {}) };
	}
	return endpoints;
}

module.exports = { taskEndpoints, GENERIC_COST };
