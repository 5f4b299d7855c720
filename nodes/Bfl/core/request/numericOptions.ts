/** Reading numbers the user typed or an expression gave: every numeric field and option. */

export interface NumericOptionSpec {
	/** The option's name as the user sees it, e.g. "Poll Interval (Seconds)". */
	label: string;
	min: number;
	max: number;
	defaultValue: number;
	integer?: boolean;
}

export type NumericOption = { ok: true; value: number } | { ok: false; message: string };

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** How a value the user gave is shown in a message: text quoted, a list or an object as JSON. */
export function describeValue(raw: unknown): string {
	if (typeof raw === 'string') return `"${clip(raw)}"`;
	if (typeof raw !== 'object' || raw === null) return String(raw);
	try {
		return clip(JSON.stringify(raw));
	} catch {
		return Array.isArray(raw) ? 'a list' : 'an object';
	}
}

const isUnsetValue = (raw: unknown) =>
	raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');

/**
 * The one reader of a number the user typed or an expression gave, for every numeric field and
 * option. A finite number, or text that is exactly a decimal number, is that number; unset
 * (undefined, null, blank text) is undefined; anything else ("2s", true, a list, an object,
 * Infinity) is NaN, which every range check refuses. Number() would read true as 1 and [] as 0.
 */
export function strictNumber(raw: unknown): number | undefined {
	if (isUnsetValue(raw)) return undefined;
	if (typeof raw === 'number') return Number.isFinite(raw) ? raw : NaN;
	if (typeof raw === 'string' && DECIMAL.test(raw.trim())) return Number(raw.trim());
	return NaN;
}

/**
 * Reads a numeric option. Unset gives the default; a number (see strictNumber) is clamped into
 * [min, max] (and floored for integers); anything else is an error that names the option and its
 * range, so it fails before any request instead of switching a deadline off.
 */
export function readNumericOption(raw: unknown, spec: NumericOptionSpec): NumericOption {
	const value = strictNumber(raw);
	if (value === undefined) return { ok: true, value: spec.defaultValue };
	if (Number.isNaN(value)) {
		return {
			ok: false,
			message: `${spec.label} must be a number from ${spec.min} to ${spec.max} (got ${describeValue(raw)})`,
		};
	}
	const clamped = Math.min(spec.max, Math.max(spec.min, value));
	return { ok: true, value: spec.integer ? Math.floor(clamped) : clamped };
}
