import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { bflDefault } from '../catalog/defaults';
import { FIELD_NAMES, FIELDS, type FieldName } from '../catalog/fields';
import { CUSTOM_SIZE, presetSize, presetsFor } from '../catalog/sizes';
import type { ModelSpec } from '../catalog/types';
import { fieldValue, type RequestInput } from '../core/request/validate';
import { additionalFieldsCollection } from './display';
import { FIELD_PROPERTIES } from './fieldProperties';

/** What the picker says of a model BFL has not published yet (ModelSpec.unconfirmed). */
export const NEW_MODEL_NOTE = 'New: BFL has not published its request format yet';

/** Model picker options: FLUX.2 and the tools first, legacy FLUX.1 after, each with BFL's endpoint name. */
export function modelOptions(models: readonly ModelSpec[]): INodePropertyOptions[] {
	const ordered = [...models.filter((m) => !m.legacy), ...models.filter((m) => m.legacy)];
	return ordered.map((model) => ({
		name: model.displayName,
		value: model.id,
		description: `${model.unconfirmed ? `${NEW_MODEL_NOTE}. ` : ''}${model.description} (${model.id})`,
	}));
}

/** "match_first_image" → "Match First Image": a name for a value no option names. */
const humanize = (value: string) =>
	value.replace(/_/g, ' ').replace(/\b[a-z]/g, (letter) => letter.toUpperCase());

/** An enum's options when the model lists its own values: the field's names where it has them. */
function enumOptions(base: Omit<INodeProperties, 'name'>, values: readonly string[]) {
	const named = (base.options ?? []) as INodePropertyOptions[];
	return values.map((value) => ({
		name: named.find((option) => option.value === value)?.name ?? humanize(value),
		value,
	}));
}

/** " Not yet confirmed by BFL for FLUX 3 Image Klein.": where a shown model's field is inferred. */
function unconfirmedHint(models: readonly ModelSpec[], name: FieldName): string {
	const body = FIELDS[name].body;
	const inferred = models.filter((model) => model.unconfirmed?.fields.includes(body));
	if (!inferred.length) return '';
	return ` Not yet confirmed by BFL for ${inferred.map((model) => model.displayName).join(', ')}.`;
}

const ids = (models: readonly ModelSpec[]) => models.map((model) => model.id);
const isPrimary = (model: ModelSpec, name: FieldName) =>
	model.primary.includes(name) || model.fields[name]?.required === true;

/** "Allowed: 1–50 (FLUX.2 [flex]), 15–50 (FLUX.1 Fill [pro])": the ranges the catalog gives a field. */
function rangesHint(models: readonly ModelSpec[], name: FieldName): string {
	const byRange = new Map<string, string[]>();
	for (const model of models) {
		const range = model.fields[name]?.range;
		if (!range) continue;
		const key = `${range.min}–${range.max}`;
		byRange.set(key, [...(byRange.get(key) ?? []), model.displayName]);
	}
	if (!byRange.size) return '';
	if (byRange.size === 1) return ` Allowed: ${[...byRange.keys()][0]}.`;
	return ` Allowed: ${[...byRange].map(([range, names]) => `${range} (${names.join(', ')})`).join('; ')}.`;
}

/** The ratios a list offers, from the catalog rows, and the range an expression may use. */
function ratioList(shownFor: readonly ModelSpec[]): Pick<INodeProperties, 'options' | 'hint'> {
	const ratios: string[] = [];
	const ranges = new Set<string>();
	for (const model of shownFor) {
		if (model.size.kind !== 'aspectRatio') continue;
		for (const ratio of model.size.ratios) if (!ratios.includes(ratio)) ratios.push(ratio);
		ranges.add(`${model.size.widest} to ${model.size.tallest}`);
	}
	return {
		options: [
			{ name: 'Model Default', value: '' },
			...ratios.map((ratio) => ({
				name: ratio.includes(':') ? ratio : humanize(ratio),
				value: ratio,
			})),
		],
		// FLUX 3's schema lists its ratios, so an expression may not go beyond them.
		hint:
			ranges.size === 1 && !shownFor.some((model) => model.fields.aspectRatio?.values)
				? `An expression may give any W:H from ${[...ranges][0]}`
				: undefined,
	};
}

function property(
	name: FieldName,
	shownFor: ModelSpec[],
	showBflDefault: boolean,
): INodeProperties {
	const base = FIELD_PROPERTIES[name];
	const bfl = showBflDefault ? bflDefault(shownFor[0], name) : undefined;
	const values = FIELDS[name].kind === 'enum' ? shownFor[0].fields[name]?.values : undefined;
	return {
		...base,
		...(name === 'aspectRatio' && ratioList(shownFor)),
		...(values && { options: enumOptions(base, values) }),
		...(bfl !== undefined && { default: bfl }),
		name,
		description:
			`${base.description ?? ''}${rangesHint(shownFor, name)}${unconfirmedHint(shownFor, name)}`.trim(),
		displayOptions: { show: { '/model': ids(shownFor) } },
	};
}

/** The values a list offers (ratios, a model's own enum values): different lists, separate fields. */
const valuesOf = (model: ModelSpec, name: FieldName) => {
	if (name === 'aspectRatio') return model.size.kind === 'aspectRatio' ? model.size.ratios : null;
	return FIELDS[name].kind === 'enum' ? (model.fields[name]?.values ?? null) : null;
};

/**
 * One property per group of models that show a field alike. n8n marks a field required for every
 * model or none, and a ratio list is one list, so each distinct rule gets its own variant. An
 * Additional Field also starts at the model's own BFL default, so adding it changes nothing at
 * BFL. Main fields keep their defaults: n8n does not save a value equal to the default, so
 * changing one would change saved workflows (collection values are always saved).
 */
function variants(
	name: FieldName,
	shownFor: ModelSpec[],
	showBflDefault = false,
): INodeProperties[] {
	const groups = new Map<string, ModelSpec[]>();
	for (const model of shownFor) {
		const rule = model.fields[name];
		const bfl = showBflDefault ? bflDefault(model, name) : undefined;
		const key = JSON.stringify([rule?.required === true, valuesOf(model, name), bfl ?? null]);
		groups.set(key, [...(groups.get(key) ?? []), model]);
	}
	return [...groups.values()].map((group) => {
		const variant = property(name, group, showBflDefault);
		return group[0].fields[name]?.required ? { ...variant, required: true } : variant;
	});
}

const PIXEL_FIELDS: FieldName[] = ['width', 'height'];

/**
 * Size presets beside width/height, for the models that show width and height on the node; each
 * group of models gets the presets it takes (FLUX.2 up to 4 MP, FLUX1.1 up to 1440 per side).
 */
function sizeProperty(models: readonly ModelSpec[]): INodeProperties[] {
	const groups = new Map<string, ModelSpec[]>();
	for (const model of models.filter((m) => isPrimary(m, 'width'))) {
		const key = presetsFor(model)
			.map((preset) => preset.value)
			.join(',');
		groups.set(key, [...(groups.get(key) ?? []), model]);
	}
	return [...groups.values()].map((group) => ({
		displayName: 'Size',
		name: 'size',
		type: 'options',
		options: [
			{ name: 'Custom (Width and Height Below)', value: CUSTOM_SIZE },
			...presetsFor(group[0]),
		],
		default: CUSTOM_SIZE,
		description: 'A common output size, or Custom to set width and height in pixels',
		displayOptions: { show: { '/model': ids(group) } },
	}));
}

/** Fields shown on the node itself, each for the models that have it as a main field. */
export function primaryProperties(models: readonly ModelSpec[]): INodeProperties[] {
	const properties: INodeProperties[] = [];
	for (const name of FIELD_NAMES) {
		if (name === 'width') properties.push(...sizeProperty(models));
		const shownFor = models.filter((model) => model.fields[name] && isPrimary(model, name));
		// Width and height are shown only while the Size preset is Custom.
		for (const variant of variants(name, shownFor)) {
			if (PIXEL_FIELDS.includes(name))
				variant.displayOptions = { show: { ...variant.displayOptions?.show, size: [CUSTOM_SIZE] } };
			properties.push(variant);
		}
	}
	return properties;
}

/** The Additional Fields collection: every optional setting, each shown only for models that take it. */
export function additionalFieldsProperty(models: readonly ModelSpec[]): INodeProperties {
	const options = FIELD_NAMES.flatMap((name) =>
		variants(
			name,
			models.filter((model) => model.fields[name] && !isPrimary(model, name)),
			true,
		),
	);
	return additionalFieldsCollection(options);
}

/** Reads every field the model takes, from the node or from Additional Fields. */
export function readRequestInput(
	ctx: IExecuteFunctions,
	spec: ModelSpec,
	itemIndex: number,
): RequestInput {
	const additional = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const preset = isPrimary(spec, 'width')
		? presetSize(ctx.getNodeParameter('size', itemIndex, CUSTOM_SIZE))
		: undefined;
	const input: RequestInput = { ...preset };
	for (const name of Object.keys(spec.fields) as FieldName[]) {
		// Hidden fields are absent, and n8n throws for them; a preset replaces width and height.
		if (preset && PIXEL_FIELDS.includes(name)) continue;
		const value = fieldValue(
			name,
			isPrimary(spec, name) ? ctx.getNodeParameter(name, itemIndex, undefined) : additional[name],
		);
		if (value !== undefined) input[name] = value;
	}
	return input;
}
