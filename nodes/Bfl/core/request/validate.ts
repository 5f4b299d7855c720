import { FIELDS, type FieldDefinition, type FieldName } from '../../catalog/fields';
import type { FieldRule, ModelSpec, NumberRange } from '../../catalog/types';
import { describeValue, strictNumber } from './numericOptions';

export type FieldValue = string | number | boolean;

/** The user's request for one item, in the node's camelCase terms. Unset fields are undefined. */
export type RequestInput = Partial<Record<FieldName, FieldValue>>;

export interface Problem {
	/** The field as the user sees it in the node. */
	field: string;
	message: string;
}

const MEGAPIXEL = 1024 * 1024;

/** Parses "W:H" into a ratio; undefined when malformed. */
export function parseAspectRatio(text: string): number | undefined {
	const match = /^\s*(\d+(?:\.\d+)?)\s*:\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
	if (!match) return undefined;
	const [width, height] = [Number(match[1]), Number(match[2])];
	return width > 0 && height > 0 ? width / height : undefined;
}

/** Unset: absent, empty text, or the field's "leave it to BFL" value (Seed -1). */
export function isUnset(name: FieldName, value: FieldValue | undefined): boolean {
	const unset = (FIELDS[name] as FieldDefinition).unset;
	return (
		value === undefined ||
		(typeof value === 'string' && !value.trim()) ||
		(unset !== undefined && value === unset)
	);
}

/**
 * A field's value as the node or an expression gave it. A number field's value goes through
 * strictNumber, so decimal text becomes its number; a value that is no number stays as given
 * (text, true) or becomes its JSON (a list, an object), for validateRequest to refuse by name.
 */
export function fieldValue(name: FieldName, raw: unknown): FieldValue | undefined {
	if (raw === undefined || raw === null) return undefined;
	const kind = FIELDS[name].kind;
	if (kind === 'integer' || kind === 'number') {
		const number = strictNumber(raw);
		if (number !== undefined && !Number.isNaN(number)) return number;
	}
	if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
	return describeValue(raw);
}

function describeRange(range: NumberRange | undefined): string {
	return range ? ` from ${range.min} to ${range.max}` : '';
}

function checkNumber(
	label: string,
	value: FieldValue,
	rule: FieldRule,
	integer: boolean,
	multiple?: number,
): string | undefined {
	const range = rule.range;
	const inRange =
		typeof value === 'number' &&
		Number.isFinite(value) &&
		(!range || (value >= range.min && value <= range.max));
	const whole = !integer || Number.isInteger(value);
	const aligned = !multiple || (typeof value === 'number' && value % multiple === 0);
	if (inRange && whole && aligned) return undefined;
	if (multiple) return `${label} must be a multiple of ${multiple}${describeRange(range)} pixels`;
	return `${label} must be ${integer ? 'a whole number' : 'a number'}${describeRange(range)}`;
}

function checkAspectRatio(spec: ModelSpec, rule: FieldRule, value: FieldValue): string | undefined {
	if (rule.values)
		return checkListed('Aspect Ratio', rule.values, String(value).replace(/\s+/g, ''));
	if (spec.size.kind !== 'aspectRatio') return undefined;
	const ratio = typeof value === 'string' ? parseAspectRatio(value) : undefined;
	const widest = parseAspectRatio(spec.size.widest) as number;
	const tallest = parseAspectRatio(spec.size.tallest) as number;
	if (ratio !== undefined && ratio <= widest + 1e-9 && ratio >= tallest - 1e-9) return undefined;
	return `Aspect Ratio must look like 16:9 and lie between ${spec.size.widest} and ${spec.size.tallest}`;
}

function checkListed(label: string, values: readonly string[], value: string): string | undefined {
	return values.includes(value) ? undefined : `${label} must be one of ${values.join(', ')}`;
}

function checkField(
	spec: ModelSpec,
	name: FieldName,
	rule: FieldRule,
	value: FieldValue,
): string | undefined {
	const definition = FIELDS[name];
	const multiple =
		spec.size.kind === 'pixels' && (name === 'width' || name === 'height')
			? spec.size.multiple
			: undefined;
	switch (definition.kind) {
		case 'integer':
			return checkNumber(definition.label, value, rule, true, multiple);
		case 'number':
			return checkNumber(definition.label, value, rule, false);
		case 'boolean':
			return typeof value === 'boolean' ? undefined : `${definition.label} must be true or false`;
		case 'enum': {
			const values = rule.values ?? (definition as { values: readonly string[] }).values;
			return checkListed(definition.label, values, String(value));
		}
		case 'aspectRatio':
			return checkAspectRatio(spec, rule, value);
		default: {
			const range = rule.range;
			if (
				typeof value !== 'string' ||
				(range && (value.length < range.min || value.length > range.max))
			)
				return `${definition.label} must be text${range ? ` of ${range.min} to ${range.max} characters` : ''}`;
			return rule.maxLength !== undefined && [...value].length > rule.maxLength
				? `${definition.label} must be at most ${rule.maxLength} characters`
				: undefined;
		}
	}
}

function show(value: FieldValue): string {
	if (typeof value !== 'string') return String(value);
	const length = [...value].length;
	return length > 60 ? `${length} characters` : `"${value}"`;
}

/**
 * Checks one request against the model's catalog row before anything is sent, so a typo never
 * costs credits. Each message names the field, the allowed values, the model and what was given.
 * Fields the model does not take are ignored here, and never sent.
 */
export function validateRequest(spec: ModelSpec, input: RequestInput): Problem[] {
	const problems: Problem[] = [];
	for (const [name, rule] of Object.entries(spec.fields) as Array<[FieldName, FieldRule]>) {
		const label = FIELDS[name].label;
		const value = input[name];
		if (isUnset(name, value)) {
			if (rule.required)
				problems.push({
					field: label,
					message: `${label} is required for ${spec.displayName} and must not be empty`,
				});
			continue;
		}
		const message = checkField(spec, name, rule, value as FieldValue);
		if (message)
			problems.push({
				field: label,
				message: `${message} for ${spec.displayName} (got ${show(value as FieldValue)})`,
			});
	}
	const { width, height } = input;
	if (
		!problems.length &&
		spec.size.kind === 'pixels' &&
		spec.size.maxMegapixels &&
		typeof width === 'number' &&
		typeof height === 'number'
	) {
		const max = spec.size.maxMegapixels;
		if (width * height > max * MEGAPIXEL) {
			problems.push({
				field: 'Width',
				message: `Width × Height must be at most ${max} megapixels (${max * MEGAPIXEL} pixels) for ${spec.displayName} (got ${width}×${height})`,
			});
		}
	}
	return problems;
}
