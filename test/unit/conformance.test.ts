import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

import { FIELDS, type FieldName } from '../../nodes/Bfl/catalog/fields';
import { MODELS } from '../../nodes/Bfl/catalog/models';
import type { ModelSpec } from '../../nodes/Bfl/catalog/types';
import { buildBody } from '../../nodes/Bfl/core/request/buildBody';
import {
	validateRequest,
	type FieldValue,
	type RequestInput,
} from '../../nodes/Bfl/core/request/validate';
import { FLUX3_NEW_SCHEMAS } from '../fake-bfl/handSchemas';
import { MODELS as FAKE_MODELS } from '../fake-bfl/models';
import openapi from '../fake-bfl/openapi-2026-10.json';

type OpenApi = {
	paths: Record<
		string,
		{ post?: { requestBody?: { content: { 'application/json': { schema: { $ref: string } } } } } }
	>;
	components: { schemas: Record<string, object> };
};
const spec = openapi as unknown as OpenApi;

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);

/**
 * BFL's LoRA page: "The request schema matches the underlying base endpoint, with two added
 * parameters: finetune_id and finetune_strength" (API notes §6.4). The base is Flux2KleinInputs.
 */
function kleinLoraSchema() {
	const base = spec.components.schemas.Flux2KleinInputs as {
		properties: object;
		required?: string[];
	};
	return {
		...base,
		required: [...(base.required ?? []), 'finetune_id'],
		properties: {
			...base.properties,
			finetune_id: { type: 'string', minLength: 1 },
			finetune_strength: { type: 'number', minimum: 0, maximum: 2 },
		},
	};
}

// The LoRA schema joins BFL's document so its $refs (OutputFormat) resolve there.
ajv.addSchema({
	$id: 'bfl',
	components: {
		schemas: {
			...spec.components.schemas,
			KleinLoraInputs: kleinLoraSchema(),
			// Models newer than the copy: the simulator's own schemas (API notes §3.17, §3.18).
			...FLUX3_NEW_SCHEMAS,
		},
	},
});

function requestSchemaOf(path: string): ValidateFunction | undefined {
	const ref = spec.paths[path]?.post?.requestBody?.content['application/json'].schema.$ref;
	if (ref) return ajv.getSchema(`bfl${ref}`);
	if (/^\/v1\/flux-2-klein-.+-finetuned$/.test(path))
		return ajv.getSchema('bfl#/components/schemas/KleinLoraInputs');
	const hand = FAKE_MODELS[path.slice('/v1/'.length)]?.schema;
	return hand && hand in FLUX3_NEW_SCHEMAS
		? ajv.getSchema(`bfl#/components/schemas/${hand}`)
		: undefined;
}

/** A value inside the model's documented range for every field it takes. */
function representativeValue(model: ModelSpec, name: FieldName): FieldValue {
	const definition = FIELDS[name];
	const range = model.fields[name]?.range;
	if (name === 'width' || name === 'height') return 1024;
	switch (definition.kind) {
		case 'integer':
			return range ? Math.max(range.min, Math.min(range.max, 1)) : 1;
		case 'number':
			return range ? (range.min + range.max) / 2 : 1;
		case 'boolean':
			return true;
		case 'enum':
			return (definition as { values: readonly string[] }).values[1];
		case 'aspectRatio':
			return '16:9';
		default:
			return 'a lighthouse at dusk';
	}
}

const PNG_BASE64 =
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

function representativeImages(model: ModelSpec): Record<string, string | string[]> {
	const slots = model.images?.slots ?? [];
	const listField = model.images?.listField;
	if (listField)
		return {
			[listField]: slots.map((_, i) => (i % 2 ? 'https://example.com/ref.png' : PNG_BASE64)),
		};
	return Object.fromEntries(
		slots.map((slot, i) => [
			slot,
			model.images?.urlAllowed && i % 2 ? 'https://example.com/ref.png' : PNG_BASE64,
		]),
	);
}

describe('every catalog row builds a body that BFL accepts', () => {
	it.each(MODELS.map((model) => [`${model.operation} ${model.id}`, model] as const))(
		'%s',
		(_, model) => {
			const validate = requestSchemaOf(model.path);
			expect(validate).toBeDefined();
			const input: RequestInput = Object.fromEntries(
				(Object.keys(model.fields) as FieldName[]).map((name) => [
					name,
					representativeValue(model, name),
				]),
			);
			expect(validateRequest(model, input)).toEqual([]);
			const body = buildBody(model, input, representativeImages(model));
			const valid = validate!(body);
			expect(validate!.errors ?? []).toEqual([]);
			expect(valid).toBe(true);
			const declared = Object.keys((validate!.schema as { properties: object }).properties);
			const undeclared = Object.keys(body).filter((key) => !declared.includes(key));
			expect(undeclared).toEqual([]);
		},
	);

	it("offers BFL's end-user id exactly on the models whose schema has it", () => {
		for (const model of MODELS) {
			const validate = requestSchemaOf(model.path)!;
			const declared = Object.keys((validate.schema as { properties: object }).properties);
			expect({ id: model.id, user: Boolean(model.fields.user) }).toEqual({
				id: model.id,
				user: declared.includes('user'),
			});
		}
	});

	it('has a row for every image endpoint of the spec (video is out of scope)', () => {
		const video = [
			'/v1/flux-3-video',
			'/v1/flux-tools/video-upscale-v1',
			'/v1/flux-tools/video-edit-v1',
		];
		const imagePaths = Object.keys(spec.paths).filter(
			(path) =>
				spec.paths[path].post?.requestBody &&
				!video.includes(path) &&
				path !== '/v1/delete_finetune',
		);
		const catalogPaths = new Set(MODELS.map((model) => model.path));
		expect(imagePaths.filter((path) => !catalogPaths.has(path))).toEqual([]);
	});

	it('catches a body outside the schema, so the checks above can fail', () => {
		expect(requestSchemaOf('/v1/flux-pro-1.1')!({ prompt: 'x', width: 1000 })).toBe(false);
		expect(requestSchemaOf('/v1/flux-pro-1.1')!({ prompt: 'x', safety_tolerance: 7 })).toBe(false);
		expect(
			requestSchemaOf('/v1/flux-tools/outpainting-v1')!({
				input_image: 'x',
				width: 64,
				height: 64,
				seed: 1,
			}),
		).toBe(false);
	});

	it('sends every image of a model to its own field, up to the maximum', () => {
		const klein = MODELS.find(
			(model) => model.operation === 'edit' && model.id === 'flux-2-klein-4b',
		)!;
		expect(klein.images?.slots).toEqual([
			'input_image',
			'input_image_2',
			'input_image_3',
			'input_image_4',
		]);
		const pro = MODELS.find((model) => model.operation === 'edit' && model.id === 'flux-2-pro')!;
		expect(pro.images?.slots).toHaveLength(8);
	});
});
