import type { IPairedItemData } from 'n8n-workflow';
import { prompts, useGenerateFixture } from '../helpers/generateFixture';
import { taskOf } from '../helpers/results';

const CALLER = 'caller-many-images-77';
const { state, generate, expectNoKeyAnywhere } = useGenerateFixture(CALLER);

describe('Number of Images in the n8n engine against the fake BFL', () => {
	it('makes one task per image with seeds s, s + 1, …, in order, each paired with its item', async () => {
		const { items, error } = await generate(
			{ prompt: '={{ $json.prompt }}', numberOfImages: 3, additionalFields: { seed: 40 } },
			prompts('a fox', 'a hare'),
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(6);
		const tasks = items.map((item) => taskOf(state.fake, item.json.id));
		expect(tasks.map((task) => task.body.seed)).toEqual([40, 41, 42, 40, 41, 42]);
		expect(items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 0 },
			{ item: 1 },
			{ item: 1 },
			{ item: 1 },
		]);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(6);
		expect(state.fake.stats().accepted).toBe(6);
		expectNoKeyAnywhere(items);
	});

	it('sends no seed when none is given, so BFL picks one per image', async () => {
		const { items } = await generate({ numberOfImages: 2 });
		expect(items.map((item) => taskOf(state.fake, item.json.id).body.seed)).toEqual([
			undefined,
			undefined,
		]);
	});

	it('keeps each image within the per-model cap', async () => {
		state.fake.configure({ latencyMs: 300 });
		const { items, error } = await generate(
			{ model: 'flux-kontext-max', numberOfImages: 10 },
			prompts('a', 'b'),
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(20);
		expect(state.fake.stats().status429).toBe(0);
		expect(state.fake.stats().peakInFlight).toBeLessThanOrEqual(6);
	});

	it('with Continue On Fail reports each failed image as its own item, among the good ones', async () => {
		// One task at a time, so the scripted 402 hits the first image of the first item.
		state.fake.injectFault({
			target: 'submit',
			count: 1,
			status: 402,
			body: { detail: 'Out of credits' },
		});
		const { items, error } = await generate(
			{
				prompt: '={{ $json.prompt }}',
				numberOfImages: 2,
				options: { pollInterval: 0.2, concurrency: 1 },
			},
			prompts('a fox', 'a fox [content-moderated]', 'a hare'),
			true,
		);
		expect(error).toBeUndefined();
		const summary = items.map((item) => ({
			// The node pairs each output with one input item, never a list or a bare index.
			item: (item.pairedItem as IPairedItemData).item,
			ok: item.json.status === 'Ready',
			status: item.json.error ? (item.json.status ?? item.json.httpCode) : item.json.status,
		}));
		expect(summary).toEqual([
			{ item: 0, ok: false, status: '402' },
			{ item: 0, ok: true, status: 'Ready' },
			{ item: 1, ok: false, status: 'Content Moderated' },
			{ item: 1, ok: false, status: 'Content Moderated' },
			{ item: 2, ok: true, status: 'Ready' },
			{ item: 2, ok: true, status: 'Ready' },
		]);
	});

	it('rejects a bad count before any request', async () => {
		const { error } = await generate({ numberOfImages: 11 });
		expect(error?.message).toMatch(
			/Number of Images must be a whole number from 1 to 10 \(got 11\)/,
		);
		expect(state.fake.stats().accepted).toBe(0);
	});
});
