import { modelsFor } from '../../nodes/Bfl/catalog/models';
import { buildImage } from '../fake-bfl/images';
import { prompts, useGenerateFixture } from '../helpers/generateFixture';
import { bytesOf, imageOf, taskOf } from '../helpers/results';
import { advanceUntil, advanceUntilSettled, waitFor } from '../helpers/wait';

const CALLER = 'caller-0123456789';
const { state, generate, expectNoKeyAnywhere } = useGenerateFixture(CALLER);

describe('Image → Generate in the n8n engine against the fake BFL', () => {
	it('submits, polls the returned polling_url on another port, and attaches the image as binary', async () => {
		const { items, error } = await generate({
			additionalFields: { seed: 7, promptUpsampling: false },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const [item] = items;
		const task = taskOf(state.fake, item.json.id);
		expect(task.body).toEqual({
			prompt: 'a red fox in the snow',
			width: 1024,
			height: 768,
			seed: 7,
			disable_pup: true,
		});
		expect(item.json).toMatchObject({
			status: 'Ready',
			model: 'flux-2-pro',
			seed: 7,
			prompt: 'a red fox in the snow',
		});
		expect(item.json.sampleUrl).toContain(state.fake.deliveryBase);
		expect(Date.parse(item.json.sampleUrlExpiresAt)).toBeGreaterThan(Date.now());
		expect(typeof item.json.cost).toBe('number');
		expect(item.binary?.data).toMatchObject({
			mimeType: 'image/jpeg',
			fileName: `${item.json.id}.jpg`,
		});
		expect(bytesOf(item).equals(imageOf(state.fake, item.json.id))).toBe(true);
		const polls = state.fake
			.stats()
			.requests.filter((r: { server: string }) => r.server === 'poll');
		expect(polls.length).toBeGreaterThan(0);
		expect(polls.every((r: { hadKey: boolean }) => r.hadKey)).toBe(true);
		expect(item.pairedItem).toEqual({ item: 0 });
		expectNoKeyAnywhere(items);
	});

	it.each(modelsFor('generate').map((model) => [model.id, model] as const))(
		'generates with %s',
		async (id, model) => {
			const { items, error } = await generate({
				model: id,
				width: 1024,
				height: 768,
				aspectRatio: '3:2',
			});
			expect(error).toBeUndefined();
			const task = taskOf(state.fake, items[0].json.id);
			expect(task.model).toBe(id);
			if (model.size.kind === 'pixels')
				expect(task.body).toMatchObject({ width: 1024, height: 768 });
			if (model.size.kind === 'aspectRatio')
				expect(task.body).toMatchObject({ aspect_ratio: '3:2' });
			expect(items[0].binary?.data.mimeType).toBe(`image/${model.defaultOutputFormat}`);
		},
	);

	it('gives an AI agent a small JSON: task facts and the URL, never the image bytes', async () => {
		const { items, error } = await generate();
		expect(error).toBeUndefined();
		const { json } = items[0];
		expect(Object.keys(json).sort()).toEqual(
			expect.arrayContaining(['id', 'model', 'sampleUrl', 'sampleUrlExpiresAt', 'status']),
		);
		const allowed = ['cost', 'durationSeconds', 'id', 'inputMp', 'model', 'outputMp', 'prompt'];
		allowed.push('sampleUrl', 'sampleUrlExpiresAt', 'seed', 'status');
		expect(Object.keys(json).filter((key) => !allowed.includes(key))).toEqual([]);
		// The image travels as binary, which an agent's tool output (JSON) does not carry.
		expect(JSON.stringify(json).length).toBeLessThan(1024);
		expect(items[0].binary?.data.mimeType).toBe('image/jpeg');
		expect(JSON.stringify(json)).not.toContain(bytesOf(items[0]).toString('base64').slice(0, 40));
	});

	it("sends BFL's end-user id where the schema has it, and Seed -1 as no seed", async () => {
		const { items, error } = await generate({
			additionalFields: { user: 'customer-42', seed: -1 },
		});
		expect(error).toBeUndefined();
		expect(taskOf(state.fake, items[0].json.id).body).toEqual({
			prompt: 'a red fox in the snow',
			width: 1024,
			height: 768,
			user: 'customer-42',
		});
	});

	it('takes width and height from a Size preset', async () => {
		const { items } = await generate({ size: '1344x768', width: 1000, height: 1000 });
		expect(taskOf(state.fake, items[0].json.id).body).toMatchObject({ width: 1344, height: 768 });
	});

	it('sends an Ultra image prompt from binary data, as base64 without a data: prefix', async () => {
		const image = buildImage('jpeg', 'image-prompt');
		const { items, error } = await generate(
			{
				model: 'flux-pro-1.1-ultra',
				images: { image: [{ source: 'binary', binaryPropertyName: 'photo' }] },
				additionalFields: { imagePromptStrength: 0.4, raw: true },
			},
			[
				{
					json: {},
					binary: {
						photo: { data: image.toString('base64'), mimeType: 'image/jpeg', fileName: 'p.jpg' },
					},
				},
			],
		);
		expect(error).toBeUndefined();
		expect(taskOf(state.fake, items[0].json.id).body).toMatchObject({
			image_prompt: image.toString('base64'),
			image_prompt_strength: 0.4,
			raw: true,
		});
	});

	it('runs items concurrently and returns them in input order', async () => {
		const running = generate(
			{ prompt: '={{ $json.prompt }}' },
			prompts('one', 'two', 'three', 'four', 'five'),
			false,
			state.held,
		);
		await waitFor(() => state.held.stats().inFlight === 5, 'five tasks in flight at once');
		const { items } = await advanceUntilSettled(state.held, running);
		expect(items.map((item) => item.json.prompt)).toEqual(['one', 'two', 'three', 'four', 'five']);
		expect(items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		expect(state.held.stats().peakInFlight).toBe(5);
	});

	it('respects a lower Concurrency option', async () => {
		const running = generate(
			{ prompt: '={{ $json.prompt }}', options: { pollInterval: 0.2, concurrency: 2 } },
			prompts('a', 'b', 'c', 'd', 'e'),
			false,
			state.held,
		);
		await waitFor(() => state.held.stats().inFlight === 2, 'two tasks in flight');
		const { error } = await advanceUntilSettled(state.held, running);
		expect(error).toBeUndefined();
		expect(state.held.stats()).toMatchObject({ accepted: 5, peakInFlight: 2 });
	});

	it('frees a Concurrency slot once BFL has finished a task, so the next item submits while one downloads', async () => {
		// The first download hangs for two minutes of the simulator's clock.
		state.held.injectFault({ target: 'delivery', action: 'stall', stallMs: 120_000 });
		const running = generate(
			{ prompt: '={{ $json.prompt }}', options: { pollInterval: 0.2, concurrency: 1 } },
			prompts('first', 'second'),
			false,
			state.held,
		);
		const advanced = await advanceUntil(
			state.held,
			() => state.held.stats().accepted === 2,
			100_000,
		);
		// The first download has arrived and, with less than the stall passed, is still unanswered.
		expect(advanced).toBeLessThan(120_000);
		expect(state.held.stats()).toMatchObject({ accepted: 2, downloads: 1, peakInFlight: 1 });
		state.held.advance(120_000);
		const { items, error } = await advanceUntilSettled(state.held, running);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.prompt)).toEqual(['first', 'second']);
		expect(state.held.stats()).toMatchObject({ downloads: 2, peakInFlight: 1 });
	}, 120_000);

	it('rejects a size that is not a multiple of 16 before any request', async () => {
		const { error } = await generate({ width: 1000 });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(
			'Width must be a multiple of 16 from 64 to 8192 pixels for FLUX.2 [pro] (got 1000)',
		);
		expect(state.fake.stats().requests).toEqual([]);
	});

	it('rejects every item before any request when one item is invalid', async () => {
		const { error } = await generate({ prompt: '={{ $json.prompt }}' }, prompts('fine', ''));
		expect(error?.message).toMatch(/Prompt is required/);
		expect(state.fake.stats().requests).toEqual([]);
	});

	it('returns the task id and polling URL at once when not waiting', async () => {
		const { items } = await generate({ completion: 'return' });
		expect(items[0].json).toMatchObject({
			status: 'Pending',
			model: 'flux-2-pro',
			pollingUrl: expect.stringContaining('/v1/get_result?id='),
		});
		expect(items[0].binary).toBeUndefined();
		expect(state.fake.stats().polls).toBe(0);
	});

	it('keeps the URL and skips the binary when Download Image is off', async () => {
		const { items } = await generate({ options: { pollInterval: 0.2, download: false } });
		expect(items[0].json.sampleUrl).toBeDefined();
		expect(items[0].binary).toBeUndefined();
		expect(state.fake.stats().downloads).toBe(0);
	});

	it('uses the chosen binary field and output format', async () => {
		const { items } = await generate({
			additionalFields: { outputFormat: 'png' },
			options: { pollInterval: 0.2, binaryPropertyName: 'image' },
		});
		expect(items[0].binary?.image).toMatchObject({
			mimeType: 'image/png',
			fileName: `${items[0].json.id}.png`,
		});
	});
});
