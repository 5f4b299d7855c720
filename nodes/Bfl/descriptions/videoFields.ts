import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	MEDIA,
	VIDEO_ASPECT_RATIOS,
	VIDEO_FIELDS,
	VIDEO_RESOLUTIONS,
	type VideoFieldName,
	type VideoFieldRule,
	type VideoSpec,
} from '../catalog/videoModels';
import type { VideoInput } from '../core/request/videoRequest';
import { additionalFieldsCollection } from './display';
import { mediaProperties } from './videoMedia';

type FieldProperty = (rule: VideoFieldRule) => INodeProperties;

const rangeOf = (rule: VideoFieldRule) => rule.range ?? { min: 0, max: 0 };
/** The row's default for a field, else the property's own. */
const defaultOf = (rule: VideoFieldRule, fallback: string | number | boolean) =>
	rule.defaultValue ?? fallback;

/** Each video field as a node property, shaped by the row's rule (range, default, label). */
const FIELD_PROPERTIES: Record<VideoFieldName, FieldProperty> = {
	prompt: (rule) => ({
		displayName: rule.label ?? VIDEO_FIELDS.prompt.label,
		name: rule.parameter ?? 'prompt',
		type: 'string',
		...(rule.required && { typeOptions: { rows: 3 }, required: true }),
		default: '',
		description: rule.description,
	}),
	aspectRatio: (rule) => ({
		displayName: 'Aspect Ratio',
		name: 'aspectRatio',
		type: 'options',
		options: VIDEO_ASPECT_RATIOS.map((ratio) => ({
			name: ratio === 'auto' ? 'Auto' : ratio,
			value: ratio,
		})),
		default: defaultOf(rule, 'auto'),
		description: 'Auto lets BFL choose from the prompt and the keyframes or start video',
	}),
	duration: (rule) => {
		const { min, max } = rangeOf(rule);
		return {
			displayName: 'Duration',
			name: 'duration',
			type: 'options',
			options: [
				{ name: 'Auto', value: 'auto' },
				...Array.from({ length: max - min + 1 }, (_, i) => ({
					name: `${i + min} s`,
					value: String(i + min),
				})),
			],
			default: defaultOf(rule, 'auto'),
			description: `Length of the clip: ${min} to ${max} seconds, or Auto to fit the content. BFL bills per second.`,
		};
	},
	resolution: (rule) => ({
		displayName: 'Resolution',
		name: 'resolution',
		type: 'options',
		options: VIDEO_RESOLUTIONS.map((tier) => ({ name: tier.toUpperCase(), value: tier })),
		default: defaultOf(rule, 'hd'),
		description:
			'HD is rendered directly; FHD, QHD and UHD are finished by BFL’s video upsampler and cost more per second',
	}),
	// BFL's default, as the row says; n8n's lint wants a boolean's default written out.
	generateAudio: () => ({
		displayName: 'Generate Audio',
		name: 'generateAudio',
		type: 'boolean',
		default: true,
		description: 'Whether to generate a synchronized soundtrack',
	}),
	safetyTolerance: (rule) => ({
		displayName: 'Safety Tolerance',
		name: 'safetyTolerance',
		type: 'number',
		typeOptions: { minValue: rangeOf(rule).min, maxValue: rangeOf(rule).max },
		default: defaultOf(rule, 2),
		description: 'Moderation strictness of input and output, 0 is strictest',
	}),
	user: () => ({
		displayName: 'End User ID',
		name: 'user',
		type: 'string',
		default: '',
		description: "BFL's opaque ID of your end user, for abuse tracking (1–256 characters)",
	}),
	draft: () => ({
		displayName: 'Draft',
		name: 'draft',
		type: 'boolean',
		default: false,
		description:
			'Whether to render a cheap, fast preview. The output is then the draft cache (a .bin binary) instead of a video; Video → Enhance Draft turns it into the final video.',
	}),
	upscaleFactor: (rule) => {
		const { min, max } = rangeOf(rule);
		return {
			displayName: 'Upscale Factor',
			name: 'upscaleFactor',
			type: 'number',
			typeOptions: { minValue: min, maxValue: max, numberPrecision: 2 },
			default: defaultOf(rule, 2),
			description: `Output size relative to the input, ${min} to ${max} (frames are capped at 13.75 MP). The input may be at most 2560×1440 and 50 MB; BFL upscales its first 20 seconds.`,
		};
	},
	creativity: (rule) => ({
		displayName: 'Creativity',
		name: 'creativity',
		type: 'options',
		options: [
			{ name: 'Precise', value: 0, description: 'Stay faithful to the source' },
			{ name: 'Creative', value: 1, description: 'Allow new detail' },
		],
		default: defaultOf(rule, 1),
	}),
};

const MODE = 'videoMode';
const modeOf = (row: VideoSpec): string => row.mode ?? row.operation;

/** The Mode picker of an operation with several rows (Generate: text, keyframes, a video). */
function modePicker(rows: readonly VideoSpec[]): INodeProperties {
	const first = modeOf(rows[0]);
	return {
		displayName: 'Mode',
		name: MODE,
		type: 'options',
		options: rows.map((row) => ({
			name: row.displayName,
			value: modeOf(row),
			description: row.description,
		})),
		default: first,
	};
}

/** What a row shows in one place of its layout: a field on the node, or its media. */
function shown(row: VideoSpec, slot: VideoFieldName | typeof MEDIA): INodeProperties[] {
	if (slot === MEDIA) return mediaProperties(row);
	const rule = row.fields[slot];
	return rule ? [FIELD_PROPERTIES[slot](rule)] : [];
}

/**
 * The same properties for the rows that show them alike; where modes differ (Continue Video's
 * shorter durations, each mode's media), one variant per group of modes, shown for those only.
 */
function byMode(
	rows: readonly VideoSpec[],
	build: (row: VideoSpec) => INodeProperties[],
	path: string,
): INodeProperties[] {
	const groups = new Map<string, { properties: INodeProperties[]; modes: string[] }>();
	for (const row of rows) {
		const properties = build(row);
		if (!properties.length) continue;
		const key = JSON.stringify(properties);
		const group = groups.get(key) ?? { properties, modes: [] };
		group.modes.push(modeOf(row));
		groups.set(key, group);
	}
	return [...groups.values()].flatMap(({ properties, modes }) =>
		modes.length === rows.length
			? properties
			: properties.map((property) => ({
					...property,
					displayOptions: { show: { ...property.displayOptions?.show, [path]: modes } },
				})),
	);
}

/**
 * The properties of a video operation, from its rows: the Mode picker where it has several, each
 * row's layout (fields and media on the node, in order), then its other fields as Additional Fields.
 */
export function videoProperties(rows: readonly VideoSpec[]): INodeProperties[] {
	const slots = [...new Set(rows.flatMap((row) => row.layout))];
	const additional = [
		...new Set(
			rows.flatMap((row) =>
				(Object.keys(row.fields) as VideoFieldName[]).filter((name) => !row.layout.includes(name)),
			),
		),
	];
	const options = additional.flatMap((name) => byMode(rows, (row) => shown(row, name), `/${MODE}`));
	return [
		...(rows.length > 1 ? [modePicker(rows)] : []),
		...slots.flatMap((slot) => byMode(rows, (row) => shown(row, slot), MODE)),
		additionalFieldsCollection(options),
	];
}

/** The row's value of the Mode picker for an item, where the operation has one. */
export function readVideoMode(ctx: IExecuteFunctions, itemIndex: number): string {
	return String(ctx.getNodeParameter(MODE, itemIndex, '')).trim();
}

/** The item's request in catalog terms: fields on the node by their parameter, others Additional. */
export function readVideoInput(
	ctx: IExecuteFunctions,
	spec: VideoSpec,
	itemIndex: number,
): VideoInput {
	const additional = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const input: VideoInput = {};
	for (const [name, rule] of Object.entries(spec.fields) as Array<
		[VideoFieldName, VideoFieldRule]
	>) {
		const value = spec.layout.includes(name)
			? ctx.getNodeParameter(rule.parameter ?? name, itemIndex, undefined)
			: additional[name];
		if (value !== undefined && value !== null) input[name] = value as string | number | boolean;
	}
	return input;
}
