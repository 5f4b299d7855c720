import { bodyFieldsOf } from '../../nodes/Bfl/catalog/bodyFields';
import { FIELDS, type FieldName } from '../../nodes/Bfl/catalog/fields';
import { findModel, MODELS } from '../../nodes/Bfl/catalog/models';
import type { ModelOperation } from '../../nodes/Bfl/catalog/types';
import {
	additionalFieldsProperty,
	modelOptions,
	NEW_MODEL_NOTE,
	primaryProperties,
} from '../../nodes/Bfl/descriptions/modelFields';
import {
	DEFAULT_REQUEST_TIMEOUT_SECONDS,
	DEFAULT_TIMEOUT_SECONDS,
} from '../../nodes/Bfl/descriptions/taskOptions';

const inferred = MODELS.filter((model) => model.unconfirmed);
const rows = inferred.map((model) => [`${model.operation} ${model.id}`, model] as const);
const range = (operation: ModelOperation, id: string) =>
	findModel(operation, id)?.fields.safetyTolerance?.range;

describe('models BFL has not published yet', () => {
	it('are FLUX 3.1 Image and FLUX 3 Image Klein, in Generate and Edit', () => {
		expect(inferred.map((model) => `${model.operation} ${model.id} ${model.path}`)).toEqual([
			'generate flux-3.1-image /v1/flux-3.1-image',
			'generate flux-3-image-klein /v1/flux-3-image-klein',
			'edit flux-3.1-image /v1/flux-3.1-image',
			'edit flux-3-image-klein /v1/flux-3-image-klein',
		]);
	});

	it.each(rows)('%s names its sources with a date, and only fields it sends', (_, model) => {
		const { source, fields } = model.unconfirmed!;
		expect(source).toMatch(/\d{4}-\d{2}-\d{2}/);
		const sent = bodyFieldsOf(model);
		expect(fields.filter((field) => !sent.includes(field))).toEqual([]);
	});

	it.each(rows)('%s: every unconfirmed field is optional and off the node’s face', (_, model) => {
		const names = (Object.keys(model.fields) as FieldName[]).filter((name) =>
			model.unconfirmed!.fields.includes(FIELDS[name].body),
		);
		for (const name of names) {
			expect({ name, primary: model.primary.includes(name) }).toEqual({ name, primary: false });
			expect({ name, required: model.fields[name]?.required ?? false }).toEqual({
				name,
				required: false,
			});
		}
	});

	it('says so in the model picker, and only for them', () => {
		for (const operation of ['generate', 'edit'] as const) {
			const options = modelOptions(MODELS.filter((model) => model.operation === operation));
			const marked = options
				.filter((option) => option.description?.startsWith(NEW_MODEL_NOTE))
				.map((option) => option.value);
			expect(marked).toEqual(['flux-3.1-image', 'flux-3-image-klein']);
		}
	});

	it('take their safety range from their own row, not from the family', () => {
		expect(range('generate', 'flux-3-image')).toEqual({ min: 0, max: 4 });
		expect(range('edit', 'flux-3.1-image')).toEqual({ min: 0, max: 7 });
		expect(range('generate', 'flux-3-image-klein')).toEqual({ min: 0, max: 7 });
	});
});

describe('lists with a model’s own values', () => {
	const flux31 = [findModel('edit', 'flux-3.1-image')!];
	const optionsOf = (property?: { options?: unknown }) =>
		(property?.options as Array<{ name: string; value: string }>).map(
			(o) => `${o.name}=${o.value}`,
		);

	it('offers FLUX 3.1 its Mode, Grounding and Resolution values, and Match First Image', () => {
		const additional = additionalFieldsProperty(flux31).options as Array<{
			name: string;
			options?: unknown;
		}>;
		const field = (name: string) => additional.find((option) => option.name === name);
		expect(optionsOf(field('mode'))).toEqual(['Quality=quality', 'Fast=fast']);
		expect(optionsOf(field('groundingLevel'))).toEqual(['Off=off', 'Auto=auto', 'Force=force']);
		const primary = primaryProperties(flux31);
		const main = (name: string) => primary.find((property) => property.name === name);
		expect(optionsOf(main('resolution'))).toEqual([
			'1K (About 1 MP)=1k',
			'2K (About 4 MP)=2k',
			'4K (About 16 MP)=4k',
		]);
		expect(optionsOf(main('aspectRatio')).slice(0, 3)).toEqual([
			'Model Default=',
			'Match First Image=match_first_image',
			'21:9=21:9',
		]);
	});
});

describe('default timeouts', () => {
	// Resellers report 80–100 s for a 4K FLUX 3 image and 40–90 s for edits. The item's Timeout
	// bounds submit, wait and download together; no single request lasts the whole render.
	const SLOWEST_FLUX3_SECONDS = 100;

	it('allow a 4K FLUX 3 image, its submit with ten references and its download', () => {
		expect(DEFAULT_TIMEOUT_SECONDS).toBeGreaterThan(
			SLOWEST_FLUX3_SECONDS + DEFAULT_REQUEST_TIMEOUT_SECONDS,
		);
	});
});
