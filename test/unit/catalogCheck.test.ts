import { bodyFieldsOf } from '../../nodes/Bfl/catalog/bodyFields';
import { bflDefault } from '../../nodes/Bfl/catalog/defaults';
import { FIELDS } from '../../nodes/Bfl/catalog/fields';
import { MODELS } from '../../nodes/Bfl/catalog/models';
import { VIDEO_MODELS } from '../../nodes/Bfl/catalog/videoModels';
import { allowListText, checkCatalog, parseAllowList } from '../../scripts/catalogCheck';
import openapi from '../fake-bfl/openapi-2026-10.json';

// The same catalog the script reads from dist/, here from the sources.
const catalog = {
	models: MODELS,
	videoPaths: VIDEO_MODELS.map((row) => row.path),
	fields: FIELDS,
	bodyFieldsOf,
	bflDefault: bflDefault as (spec: unknown, name: string) => unknown,
};
const allowText = allowListText();

type Doc = {
	paths: Record<string, unknown>;
	components: { schemas: Record<string, { properties: Record<string, Record<string, unknown>> }> };
};
const october = () => structuredClone(openapi) as unknown as Doc;
const unexplained = (doc: Doc) =>
	checkCatalog(doc, catalog, allowText)
		.filter((difference) => !difference.reason)
		.map((difference) => difference.key);

describe('catalog:check', () => {
	it('passes on the October 2026 spec, each known difference with its reason', () => {
		const results = checkCatalog(october(), catalog, allowText);
		expect(results.filter((difference) => !difference.reason)).toEqual([]);
		expect(results).toContainEqual({
			key: 'endpoint-not-in-document /v1/flux-3.1-image',
			reason: expect.stringMatching(/^FLUX 3\.1 Image is newer than this spec/),
		});
	});

	it('fails on a copy with one field renamed, naming both sides', () => {
		const doc = october();
		const properties = doc.components.schemas.Flux2Inputs.properties;
		properties.random_seed = properties.seed;
		delete properties.seed;
		expect(unexplained(doc)).toEqual(
			expect.arrayContaining([
				'field-not-in-document /v1/flux-2-pro seed',
				'field-not-in-catalog /v1/flux-2-pro random_seed',
			]),
		);
	});

	it('reports a changed range, enum and default, and an endpoint the catalog lacks', () => {
		const doc = october();
		const flux3 = doc.components.schemas.Flux3ImageInputs.properties;
		flux3.safety_tolerance = { ...flux3.safety_tolerance, maximum: 7 };
		flux3.resolution = { enum: ['1k', '2k', '4k'], default: '2k' };
		doc.paths['/v1/flux-4-image'] = doc.paths['/v1/flux-3-image'];
		expect(unexplained(doc).sort()).toEqual([
			'default /v1/flux-3-image resolution 1k ≠ 2k',
			'endpoint-not-in-catalog /v1/flux-4-image',
			'enum /v1/flux-3-image resolution 768sq,1k,1.5k,2k,4k ≠ 1k,2k,4k',
			'range /v1/flux-3-image safety_tolerance 0–4 ≠ 0–7',
		]);
	});

	it('needs a reason on every allow-list line', () => {
		expect(() => parseAllowList('field-not-in-catalog /v1/x y\n')).toThrow(/gives no reason/);
		expect(parseAllowList('# a comment\n\nrange * | why').map((e) => e.reason)).toEqual(['why']);
	});
});
