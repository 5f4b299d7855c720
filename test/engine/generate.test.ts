import { modelsFor } from '../../nodes/Bfl/catalog/models';
import { startFakeBfl, type FakeBfl } from '../fake-bfl';
import { buildImage } from '../fake-bfl/images';
import { runBfl, simulatorCredentials } from '../helpers/bflWorkflow';

const CALLER = 'caller-0123456789';

let fake: FakeBfl;

beforeAll(async () => {
	fake = await startFakeBfl({ apiKey: CALLER, latencyMs: 150 });
});
afterAll(async () => await fake.close());
beforeEach(() => {
	fake.configure({ latencyMs: 150, notFoundPolls: 0, urlTtlMs: 600_000 });
	fake.clearFaults();
	fake.resetStats();
});

function generate(
	parameters: Record<string, unknown> = {},
	input?: Array<Record<string, unknown>>,
	continueOnFail = false,
) {
	return runBfl({
		parameters: {
			resource: 'image',
			operation: 'generate',
			model: 'flux-2-pro',
			prompt: 'a red fox in the snow',
			width: 1024,
			height: 768,
			options: { pollInterval: 0.2 },
			...parameters,
		},
		input,
		continueOnFail,
		credentials: simulatorCredentials(fake.apiBase, CALLER),
	});
}

const prompts = (...texts: string[]) => texts.map((prompt) => ({ json: { prompt } }));

function expectNoKeyAnywhere(value: unknown) {
	expect(JSON.stringify(value)).not.toContain(CALLER);
	expect(fake.stats().keyLeaks).toEqual([]);
}

describe('Image → Generate in the n8n engine against the fake BFL', () => {
	it('submits, polls the returned polling_url on another port, and attaches the image as binary', async () => {
		const { items, error } = await generate({
			additionalFields: { seed: 7, promptUpsampling: false },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const [item] = items;
		const task = fake.tasks.get(item.json.id);
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
		expect(item.json.sampleUrl).toContain(fake.deliveryBase);
		expect(Date.parse(item.json.sampleUrlExpiresAt)).toBeGreaterThan(Date.now());
		expect(typeof item.json.cost).toBe('number');
		expect(item.binary.data).toMatchObject({
			mimeType: 'image/jpeg',
			fileName: `${item.json.id}.jpg`,
		});
		const bytes = Buffer.from(item.binary.data.data, 'base64');
		expect(bytes.equals(fake.imageFor(item.json.id))).toBe(true);
		const polls = fake.stats().requests.filter((r: { server: string }) => r.server === 'poll');
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
			const task = fake.tasks.get(items[0].json.id);
			expect(task.model).toBe(id);
			if (model.size.kind === 'pixels')
				expect(task.body).toMatchObject({ width: 1024, height: 768 });
			if (model.size.kind === 'aspectRatio')
				expect(task.body).toMatchObject({ aspect_ratio: '3:2' });
			expect(items[0].binary.data.mimeType).toBe(`image/${model.defaultOutputFormat}`);
		},
	);

	it('takes width and height from a Size preset', async () => {
		const { items } = await generate({ size: '1344x768', width: 1000, height: 1000 });
		expect(fake.tasks.get(items[0].json.id).body).toMatchObject({ width: 1344, height: 768 });
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
		expect(fake.tasks.get(items[0].json.id).body).toMatchObject({
			image_prompt: image.toString('base64'),
			image_prompt_strength: 0.4,
			raw: true,
		});
	});

	it('runs items concurrently and returns them in input order', async () => {
		fake.configure({ latencyMs: 400 });
		const { items } = await generate(
			{ prompt: '={{ $json.prompt }}' },
			prompts('one', 'two', 'three', 'four', 'five'),
		);
		expect(items.map((item: { json: { prompt: string } }) => item.json.prompt)).toEqual([
			'one',
			'two',
			'three',
			'four',
			'five',
		]);
		expect(items.map((item: { pairedItem: unknown }) => item.pairedItem)).toEqual(
			[0, 1, 2, 3, 4].map((item) => ({ item })),
		);
		expect(fake.stats().peakInFlight).toBeGreaterThanOrEqual(4);
	});

	it('respects a lower Concurrency option', async () => {
		fake.configure({ latencyMs: 200 });
		await generate(
			{ prompt: '={{ $json.prompt }}', options: { pollInterval: 0.2, concurrency: 2 } },
			prompts('a', 'b', 'c', 'd', 'e'),
		);
		expect(fake.stats().peakInFlight).toBe(2);
	});

	it('retries a submit refused with 429 and succeeds without duplicating the task', async () => {
		fake.injectFault({
			target: 'submit',
			status: 429,
			count: 2,
			body: { detail: 'Too many active tasks' },
			headers: { 'retry-after': '0' },
		});
		const { items, error } = await generate();
		expect(error).toBeUndefined();
		expect(items[0].json.status).toBe('Ready');
		expect(fake.stats().accepted).toBe(1);
		expect(fake.stats().requests.filter((r: { status: number }) => r.status === 429)).toHaveLength(
			2,
		);
	});

	it('rides out 5xx, proxy pages, malformed JSON and resets while polling and downloading', async () => {
		fake.injectFault({ target: 'poll', status: 503, count: 1, headers: { 'retry-after': '0' } });
		fake.injectFault({ target: 'poll', action: 'html', status: 502, count: 1 });
		fake.injectFault({ target: 'poll', action: 'malformed-json', count: 1 });
		fake.injectFault({ target: 'poll', action: 'reset', count: 1 });
		fake.injectFault({ target: 'delivery', status: 500, count: 1 });
		const { items, error } = await generate();
		expect(error).toBeUndefined();
		expect(items[0].json.status).toBe('Ready');
		expect(items[0].binary.data.mimeType).toBe('image/jpeg');
		expect(fake.stats().faultsInjected).toBe(5);
		expect(fake.stats().accepted).toBe(1);
	});

	it('never resubmits a POST that may have been accepted before the connection broke', async () => {
		fake.injectFault({ target: 'submit', action: 'reset-after', count: 1 });
		const { error } = await generate();
		expect(error.message).toBe(
			'Could not reach BFL for the flux-2-pro request: the connection was reset',
		);
		expect(fake.stats().accepted).toBe(1);
		expect(fake.stats().submits).toBe(1);
	});

	it('does not retry a submit answered 503, as the task may exist', async () => {
		fake.injectFault({ target: 'submit', status: 503, count: 1, body: { detail: 'maintenance' } });
		const { error } = await generate();
		expect(error.message).toBe(
			'BFL failed to process the flux-2-pro request (503); try again later: maintenance',
		);
		expect(fake.stats().submits).toBe(1);
	});

	it('fails with a clear credits message on 402, and with Continue On Fail returns it as the item', async () => {
		const failed = await generate({ prompt: 'no money [402]' });
		expect(failed.error.message).toMatch(/Not enough BFL credits \(402\)/);
		expect(failed.error.httpCode).toBe('402');

		const { items } = await generate(
			{ prompt: '={{ $json.prompt }}' },
			prompts('fine', 'broke [402]', 'fine too'),
			true,
		);
		expect(items).toHaveLength(3);
		expect(items[1].json).toMatchObject({ httpCode: '402' });
		expect(items[1].json.error).toMatch(/credits/);
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(items[0].json.status).toBe('Ready');
		expect(items[2].json.status).toBe('Ready');
		expectNoKeyAnywhere(items);
	});

	it('shows the FastAPI detail of a 422', async () => {
		fake.injectFault({
			target: 'submit',
			status: 422,
			body: {
				detail: [
					{ loc: ['body', 'width'], msg: 'Input should be a multiple of 16', type: 'multiple_of' },
				],
			},
		});
		const { error } = await generate();
		expect(error.message).toBe(
			'BFL rejected the request (422): width: Input should be a multiple of 16',
		);
	});

	it('reports moderation with BFL details, per item, under Continue On Fail', async () => {
		const { items } = await generate(
			{ prompt: '={{ $json.prompt }}' },
			prompts('a cat', 'bad [content-moderated]', 'bad input [request-moderated]'),
			true,
		);
		expect(items[0].json.status).toBe('Ready');
		expect(items[1].json).toMatchObject({
			status: 'Content Moderated',
			pollingUrl: expect.stringContaining(fake.pollBase),
		});
		expect(items[1].json.error).toMatch(/moderation blocked the generated image/);
		expect(items[1].json.details).toBeDefined();
		expect(items[2].json.error).toMatch(
			/moderation blocked your prompt or input image \(Request Moderated\)/,
		);
		expect(items[2].pairedItem).toEqual({ item: 2 });
	});

	it('fails the execution on moderation without Continue On Fail', async () => {
		const { error } = await generate({ prompt: 'x [content-moderated]' });
		expect(error.message).toMatch(/Content Moderated/);
		expect(error.description).toMatch(/Task ID: /);
	});

	it('tolerates "Task not found" for the first polls after a submit', async () => {
		fake.configure({ notFoundPolls: 2 });
		const { items, error } = await generate();
		expect(error).toBeUndefined();
		expect(items[0].json.status).toBe('Ready');
	});

	it('refuses a polling_url on an untrusted host and never sends it the key', async () => {
		const { error } = await generate({ prompt: 'elsewhere [untrusted-poll]' });
		expect(error.message).toMatch(/Refusing to poll "http:\/\/localhost:\d+\/v1\/get_result/);
		expect(
			fake.stats().requests.filter((r: { server: string }) => r.server === 'untrusted'),
		).toEqual([]);
		expectNoKeyAnywhere(error.message);
	});

	it('says so when the delivery URL has expired before the download', async () => {
		fake.configure({ urlTtlMs: 1 });
		const { error } = await generate();
		expect(error.message).toMatch(
			/The result URL expired at .* before the image could be downloaded/,
		);
		expect(fake.stats().keyLeaks).toEqual([]);
	});

	it('rejects a size that is not a multiple of 16 before any request', async () => {
		const { error } = await generate({ width: 1000 });
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toBe(
			'Width must be a multiple of 16 from 64 to 8192 pixels for FLUX.2 [pro] (got 1000)',
		);
		expect(fake.stats().requests).toEqual([]);
	});

	it('rejects every item before any request when one item is invalid', async () => {
		const { error } = await generate({ prompt: '={{ $json.prompt }}' }, prompts('fine', ''));
		expect(error.message).toMatch(/Prompt is required/);
		expect(fake.stats().requests).toEqual([]);
	});

	it('returns the task id and polling URL at once when not waiting', async () => {
		const { items } = await generate({ completion: 'return' });
		expect(items[0].json).toMatchObject({
			status: 'Pending',
			model: 'flux-2-pro',
			pollingUrl: expect.stringContaining('/v1/get_result?id='),
		});
		expect(items[0].binary).toBeUndefined();
		expect(fake.stats().polls).toBe(0);
	});

	it('keeps the URL and skips the binary when Download Image is off', async () => {
		const { items } = await generate({ options: { pollInterval: 0.2, download: false } });
		expect(items[0].json.sampleUrl).toBeDefined();
		expect(items[0].binary).toBeUndefined();
		expect(fake.stats().downloads).toBe(0);
	});

	it('uses the chosen binary field and output format', async () => {
		const { items } = await generate({
			additionalFields: { outputFormat: 'png' },
			options: { pollInterval: 0.2, binaryPropertyName: 'image' },
		});
		expect(items[0].binary.image).toMatchObject({
			mimeType: 'image/png',
			fileName: `${items[0].json.id}.png`,
		});
	});

	it('reports a rejected key as such', async () => {
		const { error } = await runBfl({
			parameters: {
				resource: 'image',
				operation: 'generate',
				model: 'flux-2-pro',
				prompt: 'x',
				width: 1024,
				height: 1024,
			},
			credentials: simulatorCredentials(fake.apiBase, 'wrong-key'),
		});
		expect(error.message).toMatch(/BFL rejected the API key \(401\)/);
		expect(error.message).not.toContain('wrong-key');
	});
});
