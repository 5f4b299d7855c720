/** Reading numeric options that may come from expressions: strings, NaN and garbage included. */

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

function shown(raw: unknown): string {
	if (typeof raw === 'string') return `"${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}"`;
	if (typeof raw === 'object') return Array.isArray(raw) ? 'a list' : 'an object';
	return String(raw);
}

/**
 * Reads a numeric option. Unset (undefined, null, empty text) gives the default; a finite
 * number, or text that is exactly a decimal number, is clamped into [min, max] (and floored for
 * integers); anything else ("2s", NaN, Infinity, true, an object) is an error that names the
 * option and its range, so it fails before any request instead of switching a deadline off.
 */
export function readNumericOption(raw: unknown, spec: NumericOptionSpec): NumericOption {
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === ''))
		return { ok: true, value: spec.defaultValue };
	let value: number | undefined;
	if (typeof raw === 'number') value = raw;
	else if (typeof raw === 'string' && DECIMAL.test(raw.trim())) value = Number(raw.trim());
	if (value === undefined || !Number.isFinite(value)) {
		return {
			ok: false,
			message: `${spec.label} must be a number from ${spec.min} to ${spec.max} (got ${shown(raw)})`,
		};
	}
	const clamped = Math.min(spec.max, Math.max(spec.min, value));
	return { ok: true, value: spec.integer ? Math.floor(clamped) : clamped };
}
