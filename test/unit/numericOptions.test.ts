import {
	describeValue,
	readNumericOption,
	strictNumber,
	type NumericOptionSpec,
} from '../../nodes/Bfl/core/request/numericOptions';
import { NUMERIC_OPTIONS } from '../../nodes/Bfl/descriptions/taskOptions';

const SPECS: NumericOptionSpec[] = Object.values(NUMERIC_OPTIONS);
const GARBAGE: unknown[] = [
	'2s',
	'x',
	'1,5',
	'0x10',
	'1e',
	'NaN',
	'Infinity',
	NaN,
	Infinity,
	-Infinity,
	true,
	{},
	[1],
];

describe('readNumericOption', () => {
	it.each(SPECS)('$label: every non-number is an error naming the option and its range', (spec) => {
		for (const raw of GARBAGE) {
			const read = readNumericOption(raw, spec);
			expect(read).toEqual({
				ok: false,
				message: expect.stringMatching(
					new RegExp(
						`^${spec.label.replace(/[()]/g, '\\$&')} must be a number from ${spec.min} to ${spec.max} \\(got .+\\)$`,
					),
				),
			});
		}
	});

	it.each(SPECS)('$label: every number lands inside the bounds', (spec) => {
		const samples = [
			-1e9,
			-1,
			0,
			spec.min,
			(spec.min + spec.max) / 2,
			spec.max,
			spec.max + 1,
			1e12,
			0.5,
			7.9,
		];
		for (const raw of [...samples, ...samples.map(String)]) {
			const read = readNumericOption(raw, spec);
			if (!read.ok) throw new Error(`${String(raw)} was refused`);
			expect(read.value).toBeGreaterThanOrEqual(spec.min);
			expect(read.value).toBeLessThanOrEqual(spec.max);
			if (spec.integer) expect(Number.isInteger(read.value)).toBe(true);
		}
	});

	it.each(SPECS)('$label: unset gives the default', (spec) => {
		for (const raw of [undefined, null, '', '  '])
			expect(readNumericOption(raw, spec)).toEqual({ ok: true, value: spec.defaultValue });
	});

	it('keeps in-range values as they are, text included', () => {
		expect(readNumericOption(' 2.5 ', NUMERIC_OPTIONS.pollInterval)).toEqual({
			ok: true,
			value: 2.5,
		});
		expect(readNumericOption(12.7, NUMERIC_OPTIONS.concurrency)).toEqual({ ok: true, value: 12 });
	});
});

describe('strictNumber: the one reader of every numeric field the user or an expression sets', () => {
	it('reads no value from anything that is not a number or exactly a decimal number', () => {
		for (const raw of [...GARBAGE, false, [], [5], ['5'], '', '5 5', '+'])
			if (raw !== '') expect(strictNumber(raw)).toBeNaN();
	});

	it('reads numbers and decimal text as they are; unset is undefined', () => {
		expect([7, -3, 0.5, '7', ' -3 ', '.5', '1e3', '+2'].map(strictNumber)).toEqual([
			7, -3, 0.5, 7, -3, 0.5, 1000, 2,
		]);
		expect([undefined, null, '', '  '].map(strictNumber)).toEqual([
			undefined,
			undefined,
			undefined,
			undefined,
		]);
	});

	it('describes what was given in words, for messages', () => {
		expect([true, [], { a: 1 }, 'x', 3, null].map(describeValue)).toEqual([
			'true',
			'[]',
			'{"a":1}',
			'"x"',
			'3',
			'null',
		]);
	});
});
