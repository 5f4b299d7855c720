#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * `npm run catalog:check -- <openapi.json>`: compares a BFL OpenAPI document with the node's
 * image catalog (the built dist/): endpoints the catalog lacks, fields it sends that the schema
 * lacks and the reverse, and ranges, enums and defaults that differ. Exits 1 on a difference that
 * scripts/catalog-check.allow does not explain; each line there is `<difference> | <reason>`, and
 * `*` in a difference matches anything.
 */

const fs = require('node:fs');
const path = require('node:path');

const ALLOW_FILE = path.join(__dirname, 'catalog-check.allow');
const COMPONENT = '#/components/schemas/';

/**
 * @typedef {{ models: readonly any[], videoPaths: readonly string[], fields: Record<string, any>,
 *   bodyFieldsOf: (spec: any) => string[], bflDefault: (spec: any, name: string) => unknown }} Catalog
 * @typedef {{ key: string, reason?: string }} Difference
 */

/** @param {any} doc @param {any} schema @returns {any} */
function resolve(doc, schema) {
	const ref = schema && schema.$ref;
	return typeof ref === 'string' && ref.startsWith(COMPONENT)
		? resolve(doc, doc.components.schemas[ref.slice(COMPONENT.length)])
		: schema;
}

/** A property's own facts, looking through `anyOf [x, null]` and `allOf`. @param {any} doc @param {any} raw */
function facts(doc, raw) {
	const found = /** @type {Record<string, any>} */ ({});
	const visit = (/** @type {any} */ schema) => {
		const s = resolve(doc, schema);
		if (!s || typeof s !== 'object') return;
		for (const key of ['minimum', 'maximum', 'minLength', 'maxLength', 'default'])
			if (s[key] !== undefined && found[key] === undefined) found[key] = s[key];
		// An enum may be split over anyOf members, e.g. FLUX 3's ratios and a const "auto".
		const listed = s.enum || (s.const !== undefined ? [s.const] : []);
		if (listed.length) found.enum = [...(found.enum || []), ...listed];
		for (const sub of [...(s.anyOf || []), ...(s.allOf || [])]) visit(sub);
	};
	visit(raw);
	return found;
}

/** The request schema's properties of a POST path, or undefined. @param {any} doc @param {string} p */
function propertiesOf(doc, p) {
	const post = doc.paths[p] && doc.paths[p].post;
	const content = post && post.requestBody && post.requestBody.content;
	const schema = resolve(
		doc,
		content && content['application/json'] && content['application/json'].schema,
	);
	if (!schema) return undefined;
	const parts = [schema, ...(schema.allOf || []).map((/** @type {any} */ s) => resolve(doc, s))];
	return Object.assign({}, ...parts.map((s) => s.properties || {}));
}

/** @param {unknown} a @param {unknown} b */
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Every difference between the document and the catalog, as `kind path [field] [details]`.
 * @param {any} doc @param {Catalog} catalog
 * @returns {string[]}
 */
function differences(doc, catalog) {
	const found = new Set();
	const known = new Set([...catalog.models.map((m) => m.path), ...catalog.videoPaths]);
	for (const [p, item] of Object.entries(doc.paths)) {
		const ok = item.post && item.post.responses && item.post.responses['200'];
		if (ok && JSON.stringify(ok).includes(`${COMPONENT}AsyncResponse`) && !known.has(p))
			found.add(`endpoint-not-in-catalog ${p}`);
	}
	// Generate and Edit rows of one endpoint send, between them, what its schema takes.
	/** @type {Map<string, Set<string>>} */
	const sentByPath = new Map();
	for (const model of catalog.models)
		sentByPath.set(
			model.path,
			new Set([...(sentByPath.get(model.path) || []), ...catalog.bodyFieldsOf(model)]),
		);
	for (const [p, sent] of sentByPath) {
		const properties = propertiesOf(doc, p);
		if (!properties) {
			found.add(`endpoint-not-in-document ${p}`);
			continue;
		}
		for (const field of sent)
			if (!(field in properties)) found.add(`field-not-in-document ${p} ${field}`);
		for (const field of Object.keys(properties))
			if (!sent.has(field)) found.add(`field-not-in-catalog ${p} ${field}`);
	}
	for (const model of catalog.models) {
		const properties = propertiesOf(doc, model.path);
		if (!properties) continue;
		for (const [name, rule] of Object.entries(model.fields)) {
			const definition = catalog.fields[name];
			const raw = properties[definition.body];
			if (!raw) continue;
			const spec = facts(doc, raw);
			const text = definition.kind === 'string';
			const [min, max] = text ? ['minLength', 'maxLength'] : ['minimum', 'maximum'];
			const range = /** @type {any} */ (rule).range;
			// Only the bounds the schema gives: the catalog may add a sanity bound it lacks.
			const differs =
				range &&
				((spec[min] !== undefined && spec[min] !== range.min) ||
					(spec[max] !== undefined && spec[max] !== range.max));
			if (differs)
				found.add(
					`range ${model.path} ${definition.body} ${range.min}–${range.max} ≠ ${spec[min] ?? '-'}–${spec[max] ?? '-'}`,
				);
			const values = /** @type {any} */ (rule).values || definition.values;
			if (values && spec.enum && !same([...values].sort(), [...spec.enum].sort()))
				found.add(
					`enum ${model.path} ${definition.body} ${values.join(',')} ≠ ${spec.enum.join(',')}`,
				);
			const ours = catalog.bflDefault(model, name);
			const unset = definition.unset !== undefined && ours === definition.unset;
			if (ours !== undefined && !unset && spec.default !== undefined && !same(ours, spec.default))
				found.add(`default ${model.path} ${definition.body} ${ours} ≠ ${spec.default}`);
		}
	}
	return [...found];
}

/** @param {string} text @returns {Array<{ pattern: RegExp, reason: string }>} */
function parseAllowList(text) {
	return text
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line && !line.startsWith('#'))
		.map((line) => {
			const [key, reason] = line.split(' | ').map((part) => part && part.trim());
			if (!reason) throw new Error(`catalog-check.allow: "${line}" gives no reason after " | "`);
			const escaped = key.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
			return { pattern: new RegExp(`^${escaped}$`), reason };
		});
}

/**
 * The differences with the reason the allow-list gives, if any.
 * @param {any} doc @param {Catalog} catalog @param {string} allowText
 * @returns {Difference[]}
 */
function checkCatalog(doc, catalog, allowText) {
	const allow = parseAllowList(allowText);
	return differences(doc, catalog).map((key) => ({
		key,
		reason: allow.find((entry) => entry.pattern.test(key))?.reason,
	}));
}

/** The built catalog, read from dist/ (run `npm run build` first). @returns {Catalog} */
function builtCatalog() {
	const dist = path.join(__dirname, '..', 'dist', 'nodes', 'Bfl', 'catalog');
	if (!fs.existsSync(dist)) throw new Error('No dist/ catalog: run `npm run build` first');
	const load = (/** @type {string} */ name) => require(path.join(dist, name));
	const video = load('videoModels').VIDEO_MODELS || [];
	return {
		models: load('models').MODELS,
		videoPaths: video.map((/** @type {{ path: string }} */ row) => row.path),
		fields: load('fields').FIELDS,
		bodyFieldsOf: load('bodyFields').bodyFieldsOf,
		bflDefault: load('defaults').bflDefault,
	};
}

/** The allow-list as written. */
function allowListText() {
	return fs.readFileSync(ALLOW_FILE, 'utf8');
}

function main() {
	const file = process.argv[2];
	if (!file) throw new Error('Usage: npm run catalog:check -- <openapi.json>');
	const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
	const results = checkCatalog(doc, builtCatalog(), allowListText());
	const unexplained = results.filter((result) => !result.reason);
	for (const { key, reason } of results)
		console.log(reason ? `  allowed  ${key}  (${reason})` : `  DIFFERS  ${key}`);
	console.log(
		`catalog:check ${path.basename(file)}: ${results.length} differences, ${unexplained.length} unexplained`,
	);
	process.exitCode = unexplained.length ? 1 : 0;
}

if (require.main === module) main();

module.exports = { checkCatalog, differences, parseAllowList, allowListText };
