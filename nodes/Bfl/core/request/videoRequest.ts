import {
	KEYFRAME_SECONDS,
	VIDEO_FIELDS,
	type VideoFieldName,
	type VideoFieldRule,
	type VideoSpec,
} from '../../catalog/videoModels';
import { parseHttpUrl } from '../trust/hosts';
import { describeValue, strictNumber } from './numericOptions';
import type { Problem } from './validate';

export type VideoValue = string | number | boolean;
/** One item's video request in the node's terms; unset fields are undefined or blank. */
export type VideoInput = Partial<Record<VideoFieldName, VideoValue>>;

/** Where one image, video or draft cache comes from. */
export interface MediaSource {
	source: 'binary' | 'url';
	binaryPropertyName?: string;
	url?: string;
	/** A keyframe's second in the clip, as typed or as an expression gave it; blank = let BFL place it. */
	seconds?: unknown;
}

/** A media item ready for the body: the URL as given or raw base64, with its second if timed. */
export interface EncodedMedia {
	value: string;
	seconds?: number;
}

const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && !value.trim());

function rangeText(rule: VideoFieldRule): string {
	return rule.range ? ` from ${rule.range.min} to ${rule.range.max}` : '';
}

function fieldProblem(
	spec: VideoSpec,
	name: VideoFieldName,
	rule: VideoFieldRule,
	value: VideoValue | undefined,
): string | undefined {
	const { kind, values } = VIDEO_FIELDS[name];
	const label = rule.label ?? VIDEO_FIELDS[name].label;
	if (isBlank(value)) return rule.required ? `${label} is required` : undefined;
	const text = String(value).trim();
	if (kind === 'duration') {
		if (text.toLowerCase() === 'auto') return undefined;
		const seconds = strictNumber(value) ?? NaN;
		const range = rule.range;
		if (!Number.isInteger(seconds) || (range && (seconds < range.min || seconds > range.max))) {
			return `${label} must be Auto or a whole number of seconds${rangeText(rule)} for ${spec.displayName} (got ${describeValue(value)})`;
		}
		return undefined;
	}
	if (kind === 'enum' && values && !values.includes(text)) {
		return `${label} must be one of ${values.join(', ')} (got "${text}")`;
	}
	if (kind === 'integer' || kind === 'number') {
		const number = strictNumber(value) ?? NaN;
		const range = rule.range;
		if (
			!Number.isFinite(number) ||
			(kind === 'integer' && !Number.isInteger(number)) ||
			(range && (number < range.min || number > range.max))
		) {
			const what = kind === 'integer' ? 'a whole number' : 'a number';
			return `${label} must be ${what}${rangeText(rule)} (got ${describeValue(value)})`;
		}
	}
	if (kind === 'string' && rule.length) {
		const length = String(value).length;
		if (length < rule.length.min || length > rule.length.max) {
			return `${label} must be ${rule.length.min} to ${rule.length.max} characters long (it has ${length})`;
		}
	}
	return undefined;
}

/** Parses a keyframe's second; undefined when blank, NaN when not a number (true, a list). */
export function keyframeSeconds(source: MediaSource): number | undefined {
	return strictNumber(source.seconds);
}

/** A keyframe's second as the user gave it, for messages. */
const shownSeconds = (source: MediaSource) =>
	typeof source.seconds === 'string' ? source.seconds.trim() : describeValue(source.seconds);

function mediaProblems(spec: VideoSpec, sources: MediaSource[], input: VideoInput): string[] {
	const { media } = spec;
	if (media.max === 0) return [];
	const problems: string[] = [];
	if (sources.length < media.min || sources.length > media.max) {
		const wanted = media.min === media.max ? `${media.min}` : `${media.min} to ${media.max}`;
		problems.push(
			`${spec.displayName} takes ${wanted} ${media.label}${media.max > 1 ? 's' : ''}, got ${sources.length}`,
		);
	}
	sources.forEach((source, i) => {
		const which = media.max > 1 ? `${media.label} ${i + 1}` : `the ${media.label}`;
		if (source.source === 'url') {
			if (!parseHttpUrl(source.url?.trim()))
				problems.push(`The URL of ${which} must be an http(s) URL (got "${source.url ?? ''}")`);
		} else if (!source.binaryPropertyName?.trim()) {
			problems.push(`Name the binary field that holds ${which}`);
		}
	});
	if (!media.timed) return problems;
	const seconds = sources.map(keyframeSeconds);
	const timed = seconds.filter((s) => s !== undefined);
	if (timed.length && timed.length < sources.length) {
		problems.push('Set a time for every keyframe or for none');
	} else if (timed.length) {
		const { min, max } = KEYFRAME_SECONDS;
		const ordered = timed.every((s, i) => i === 0 || s >= timed[i - 1]);
		if (timed.some((s) => !Number.isFinite(s) || s < min || s > max) || !ordered) {
			problems.push(
				`Keyframe times must be seconds from ${min} to ${max}, in order (got ${sources.map(shownSeconds).join(', ')})`,
			);
		}
	} else if (sources.length >= 3 && String(input.duration ?? 'auto').trim() === 'auto') {
		problems.push(
			'Three or more keyframes without times need a set Duration (BFL spreads them over it)',
		);
	}
	return problems;
}

/** Checks one item's video request against its row before anything is read or sent. */
export function validateVideoRequest(
	spec: VideoSpec,
	input: VideoInput,
	sources: MediaSource[],
): Problem[] {
	const problems: Problem[] = [];
	for (const [name, rule] of Object.entries(spec.fields) as Array<
		[VideoFieldName, VideoFieldRule]
	>) {
		const message = fieldProblem(spec, name, rule, input[name]);
		if (message) problems.push({ field: rule.label ?? VIDEO_FIELDS[name].label, message });
	}
	for (const message of mediaProblems(spec, sources, input))
		problems.push({ field: spec.media.label, message });
	return problems;
}

function bodyValue(name: VideoFieldName, value: VideoValue): VideoValue {
	const { kind } = VIDEO_FIELDS[name];
	const text = String(value).trim();
	// Validated before: strictNumber gives the number.
	if (kind === 'duration')
		return text.toLowerCase() === 'auto' ? 'auto' : (strictNumber(value) ?? NaN);
	if (kind === 'integer' || kind === 'number') return strictNumber(value) ?? NaN;
	if (kind === 'boolean') return value === true || text === 'true';
	return kind === 'enum' ? text : String(value);
}

/** The JSON body of a validated request: the row's fixed fields, its set fields and its media only. */
export function buildVideoBody(
	spec: VideoSpec,
	input: VideoInput,
	media: EncodedMedia[],
): Record<string, unknown> {
	const body: Record<string, unknown> = { ...spec.fixed };
	for (const name of Object.keys(spec.fields) as VideoFieldName[]) {
		const value = input[name];
		if (isBlank(value)) continue;
		// A draft is asked for only when wanted; false is BFL's default.
		if (name === 'draft' && bodyValue(name, value as VideoValue) === false) continue;
		body[VIDEO_FIELDS[name].body] = bodyValue(name, value as VideoValue);
	}
	if (spec.media.max === 1 && media[0]) body[spec.media.body] = media[0].value;
	if (spec.media.max > 1 && media.length) {
		body[spec.media.body] = media.every((m) => m.seconds !== undefined)
			? media.map((m) => [m.seconds, m.value])
			: media.map((m) => m.value);
	}
	return body;
}

/** What the output reports as used: the value sent, else BFL's default, for the row's settings. */
export function usedVideoSettings(spec: VideoSpec, input: VideoInput): Record<string, unknown> {
	const used: Record<string, unknown> = { mode: spec.mode ?? spec.operation };
	for (const name of ['duration', 'resolution', 'aspectRatio'] as const) {
		const rule = spec.fields[name];
		if (!rule) continue;
		const value = input[name];
		used[name] = isBlank(value) ? rule.defaultValue : bodyValue(name, value as VideoValue);
	}
	if (input.draft === true) used.draft = true;
	return used;
}
