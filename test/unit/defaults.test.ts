import { NodeHelpers, type INodeProperties } from 'n8n-workflow';

import { Bfl } from '../../nodes/Bfl/Bfl.node';
import { MODELS } from '../../nodes/Bfl/catalog/models';
import type { ModelSpec } from '../../nodes/Bfl/catalog/types';
import { buildBody } from '../../nodes/Bfl/core/request/buildBody';
import { FLUX3_NEW_SCHEMAS } from '../fake-bfl/handSchemas';
import { MODELS as FAKE_MODELS } from '../fake-bfl/models';
import openapi from '../fake-bfl/openapi-2026-10.json';

type Schema = { properties: Record<string, { default?: unknown }> };
const spec = openapi as unknown as {
	paths: Record<
		string,
		{ post?: { requestBody?: { content: Record<string, { schema: { $ref: string } }> } } }
	>;
	components: { schemas: Record<string, Schema> };
};
const description = new Bfl().description;

function schemaOf(model: ModelSpec): Schema | undefined {
	// BFL: a klein LoRA endpoint takes its base endpoint's schema plus finetune_id and strength.
	if (/^\/v1\/flux-2-klein-.+-finetuned$/.test(model.path))
		return spec.components.schemas.Flux2KleinInputs;
	const ref = spec.paths[model.path]?.post?.requestBody?.content['application/json'].schema.$ref;
	if (ref) return spec.components.schemas[ref.split('/').pop() as string];
	// Models newer than the copy: the simulator's own schemas.
	const hand = FAKE_MODELS[model.path.slice('/v1/'.length)]?.schema as
		| keyof typeof FLUX3_NEW_SCHEMAS
		| undefined;
	return hand && (FLUX3_NEW_SCHEMAS[hand] as Schema | undefined);
}

const PLACES = {
	generate: ['image', 'generate'],
	edit: ['image', 'edit'],
	finetune: ['finetune', 'generate'],
};

/** The Additional Fields options a user can add for this model, as the node shows them. */
function additionalFieldsOf(model: ModelSpec): INodeProperties[] {
	const [resource, operation] = PLACES[model.operation];
	const collection = description.properties.find(
		(property) =>
			property.name === 'additionalFields' &&
			property.displayOptions?.show?.resource?.includes(resource) &&
			property.displayOptions?.show?.operation?.includes(operation),
	)!;
	return (collection.options as INodeProperties[]).filter((option) =>
		(option.displayOptions?.show?.['/model'] as string[]).includes(model.id),
	);
}

// BFL's null means "centred"; no number shown in the node can say that (see DEVELOPERS.md).
const NO_NEUTRAL_NUMBER = ['reference_offset_x', 'reference_offset_y'];

describe('adding an Additional Field at its default changes nothing at BFL', () => {
	it.each(MODELS.map((model) => [`${model.operation} ${model.id}`, model] as const))(
		'%s',
		(_, model) => {
			const options = additionalFieldsOf(model);
			expect(options.length).toBeGreaterThan(0);
			const schema = schemaOf(model);
			for (const option of options) {
				const body = buildBody(model, { [option.name]: option.default as string });
				for (const [key, value] of Object.entries(body)) {
					if (NO_NEUTRAL_NUMBER.includes(key)) continue;
					const expected = schema?.properties[key]?.default;
					expect({ field: option.name, key, value }).toEqual({
						field: option.name,
						key,
						value: expected,
					});
				}
			}
		},
	);

	it('shows each model its own default where BFL differs per model', () => {
		const defaultOf = (id: string, operation: ModelSpec['operation'], name: string) =>
			additionalFieldsOf(MODELS.find((m) => m.id === id && m.operation === operation)!).find(
				(option) => option.name === name,
			)?.default;
		expect(defaultOf('flux-dev', 'generate', 'steps')).toBe(28);
		expect(defaultOf('flux-dev', 'generate', 'guidance')).toBe(3);
		expect(defaultOf('flux-2-flex', 'generate', 'guidance')).toBe(5);
		expect(defaultOf('flux-pro-1.0-fill', 'edit', 'guidance')).toBe(60);
		expect(defaultOf('flux-kontext-pro', 'edit', 'outputFormat')).toBe('png');
		expect(defaultOf('flux-2-pro', 'generate', 'outputFormat')).toBe('jpeg');
		expect(defaultOf('flux-pro-1.1', 'generate', 'promptUpsampling')).toBe(false);
		expect(defaultOf('flux-2-pro', 'generate', 'promptUpsampling')).toBe(true);
		expect(defaultOf('flux-pro-1.0-fill-finetuned', 'finetune', 'finetuneStrength')).toBe(1.1);
		expect(defaultOf('flux-pro-1.1-ultra-finetuned', 'finetune', 'finetuneStrength')).toBe(1.2);
		expect(defaultOf('flux-2-pro', 'generate', 'seed')).toBe(-1);
	});

	it('keeps what saved workflows hold: added fields are stored with their values', () => {
		// A version-1 workflow saved before the defaults changed: n8n keeps collection values as saved.
		const saved = {
			resource: 'image',
			operation: 'generate',
			model: 'flux-dev',
			additionalFields: { steps: 50, guidance: 5, seed: 0, promptUpsampling: true },
		};
		const read = NodeHelpers.getNodeParameters(
			description.properties,
			saved,
			false,
			false,
			null,
			null,
		);
		expect(read?.additionalFields).toEqual(saved.additionalFields);
		// Main fields are saved only when they differ from the default, so those defaults stay as they were.
		const fresh = NodeHelpers.getNodeParameters(
			description.properties,
			{ resource: 'image', operation: 'generate' },
			true,
			false,
			null,
			null,
		);
		expect(fresh?.model).toBe('flux-2-pro');
	});
});
