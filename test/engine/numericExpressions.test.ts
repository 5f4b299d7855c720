import { useGenerateFixture } from '../helpers/generateFixture';
import { taskOf } from '../helpers/results';

/**
 * Every numeric field may come from an expression. It is read as the numeric options are: a
 * number, or text that is exactly one, is used; true, a list or an object is an error before any
 * request, never read as 1 or 0 (what Number() makes of true and []).
 */
const CALLER = 'caller-numeric-expressions-4';
const { state, generate } = useGenerateFixture(CALLER);

const keyframes = (first: unknown, second: unknown) => ({
	keyframe: [
		{ source: 'url', url: 'https://images.example.com/a.png', seconds: first },
		{ source: 'url', url: 'https://images.example.com/b.png', seconds: second },
	],
});
const video = { resource: 'video', operation: 'generate', prompt: 'waves at dusk' };
const box = (top: unknown) => ({
	box: [{ elementId: 'fox', description: 'a fox', top, left: 10, bottom: 60, right: 50 }],
});

const REFUSED: Array<[string, Record<string, unknown>, RegExp]> = [
	['Seed = []', { additionalFields: { seed: '={{ [] }}' } }, /^Seed must be .*\(got "\[\]"\)$/],
	['Seed = {}', { additionalFields: { seed: '={{ ({}) }}' } }, /^Seed must be .*\(got "\{\}"\)$/],
	['Width = true', { width: '={{ true }}' }, /^Width must be .*\(got true\)$/],
	[
		'Number of Images = true',
		{ numberOfImages: '={{ true }}' },
		/^Number of Images must be a whole number from 1 to 10 \(got true\)$/,
	],
	[
		'Number of Images = []',
		{ numberOfImages: '={{ [] }}' },
		/^Number of Images must be a whole number from 1 to 10 \(got \[\]\)$/,
	],
	[
		'a layout box side = true',
		{ model: 'flux-3-image', layout: box('={{ true }}') },
		/^Layout box 1: top, left, bottom and right must be numbers$/,
	],
	[
		'a layout box side = []',
		{ model: 'flux-3-image', layout: box('={{ [] }}') },
		/^Layout box 1: top, left, bottom and right must be numbers$/,
	],
	[
		'Keyframe seconds = true',
		{ ...video, videoMode: 'i2v', keyframes: keyframes('={{ true }}', 3) },
		/^Keyframe times must be seconds from 0 to \d+, in order \(got true, 3\)$/,
	],
	[
		'Keyframe seconds = []',
		{ ...video, videoMode: 'i2v', keyframes: keyframes('={{ [] }}', 3) },
		/^Keyframe times must be seconds from 0 to \d+, in order \(got \[\], 3\)$/,
	],
	[
		'video Safety Tolerance = []',
		{ ...video, videoMode: 't2v', additionalFields: { safetyTolerance: '={{ [] }}' } },
		/^Safety Tolerance must be a whole number from 0 to \d \(got \[\]\)$/,
	],
	[
		'video Safety Tolerance = true',
		{ ...video, videoMode: 't2v', additionalFields: { safetyTolerance: '={{ true }}' } },
		/^Safety Tolerance must be a whole number from 0 to \d \(got true\)$/,
	],
];

describe('numeric fields from expressions are read strictly', () => {
	it.each(REFUSED)('refuses %s before any request', async (_, parameters, message) => {
		const { error } = await generate(parameters);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(message);
		expect(state.fake.stats().requests).toEqual([]);
	});

	it('takes text that is exactly a number, as the options do, and sends a number', async () => {
		const { items, error } = await generate({
			width: '={{ "1024" }}',
			numberOfImages: '={{ " 2 " }}',
			additionalFields: { seed: '={{ "41" }}' },
			completion: 'return',
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => taskOf(state.fake, item.json.id).body)).toEqual([
			expect.objectContaining({ width: 1024, seed: 41 }),
			expect.objectContaining({ width: 1024, seed: 42 }),
		]);
	});
});
