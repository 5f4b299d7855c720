import { runBfl, simulatorCredentials } from '../helpers/bflWorkflow';
import { prompts, useGenerateFixture } from '../helpers/generateFixture';

const CALLER = 'caller-9876543210';
const { state, generate, expectNoKeyAnywhere } = useGenerateFixture(CALLER);

describe('Image → Generate when BFL refuses, fails, moderates or misbehaves', () => {
	it('retries a submit refused with 429 and succeeds without duplicating the task', async () => {
		state.fake.injectFault({
			target: 'submit',
			status: 429,
			count: 2,
			body: { detail: 'Too many active tasks' },
			headers: { 'retry-after': '0' },
		});
		const { items, error } = await generate();
		expect(error).toBeUndefined();
		expect(items[0].json.status).toBe('Ready');
		expect(state.fake.stats().accepted).toBe(1);
		expect(
			state.fake.stats().requests.filter((r: { status: number }) => r.status === 429),
		).toHaveLength(2);
	});

	it("keeps retrying 429s until the item's Timeout, then says BFL took nothing", async () => {
		state.fake.injectFault({ target: 'submit', status: 429, count: 1_000 });
		const { error } = await generate({ options: { pollInterval: 0.2, timeout: 2 } });
		expect(error?.message).toMatch(/limit of tasks in flight \(429\) and kept refusing/);
		expect(error?.message).not.toMatch(/may have accepted/);
		expect(state.fake.stats().accepted).toBe(0);
	});

	it('rides out 5xx, proxy pages, malformed JSON and resets while polling and downloading', async () => {
		state.fake.injectFault({
			target: 'poll',
			status: 503,
			count: 1,
			headers: { 'retry-after': '0' },
		});
		state.fake.injectFault({ target: 'poll', action: 'html', status: 502, count: 1 });
		state.fake.injectFault({ target: 'poll', action: 'malformed-json', count: 1 });
		state.fake.injectFault({ target: 'poll', action: 'reset', count: 1 });
		state.fake.injectFault({ target: 'delivery', status: 500, count: 1 });
		const { items, error } = await generate();
		expect(error).toBeUndefined();
		expect(items[0].json.status).toBe('Ready');
		expect(items[0].binary?.data.mimeType).toBe('image/jpeg');
		expect(state.fake.stats().faultsInjected).toBe(5);
		expect(state.fake.stats().accepted).toBe(1);
	});

	it.each([
		['task id', { polling_url: 'https://api.us1.bfl.ai/v1/get_result?id=x' }],
		['polling URL', { id: 'accepted-task-1' }],
	])('names what an accepted submit answer lacks: its %s', async (missing, body) => {
		state.fake.injectFault({ target: 'submit', status: 200, count: 1, body });
		const { error } = await generate();
		expect(error?.message).toBe(`BFL's answer to the flux-2-pro request has no ${missing}`);
		expect(state.fake.stats().polls).toBe(0);
	});

	it('never resubmits a POST that may have been accepted before the connection broke', async () => {
		state.fake.injectFault({ target: 'submit', action: 'reset-after', count: 1 });
		const { error } = await generate();
		expect(error?.message).toBe(
			'Could not reach BFL for the flux-2-pro request: the connection was reset',
		);
		expect(state.fake.stats().accepted).toBe(1);
		expect(state.fake.stats().submits).toBe(1);
	});

	it('does not retry a submit answered 503, as the task may exist', async () => {
		state.fake.injectFault({
			target: 'submit',
			status: 503,
			count: 1,
			body: { detail: 'maintenance' },
		});
		const { error } = await generate();
		expect(error?.message).toBe(
			'BFL failed to process the flux-2-pro request (503); try again later: maintenance',
		);
		expect(state.fake.stats().submits).toBe(1);
	});

	it('fails with a clear credits message on 402, and with Continue On Fail returns it as the item', async () => {
		const failed = await generate({ prompt: 'no money [402]' });
		expect(failed.error?.message).toMatch(/Not enough BFL credits \(402\)/);
		expect(failed.error?.httpCode).toBe('402');

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
		state.fake.injectFault({
			target: 'submit',
			status: 422,
			body: {
				detail: [
					{ loc: ['body', 'width'], msg: 'Input should be a multiple of 16', type: 'multiple_of' },
				],
			},
		});
		const { error } = await generate();
		expect(error?.message).toBe(
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
			pollingUrl: expect.stringContaining(state.fake.pollBase),
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
		expect(error?.message).toMatch(/Content Moderated/);
		expect(error?.description).toMatch(/Task ID: /);
	});

	it('tolerates "Task not found" for the first polls after a submit', async () => {
		state.fake.configure({ notFoundPolls: 2 });
		const { items, error } = await generate();
		expect(error).toBeUndefined();
		expect(items[0].json.status).toBe('Ready');
	});

	it('refuses a polling_url on an untrusted host and never sends it the key', async () => {
		const { error } = await generate({ prompt: 'elsewhere [untrusted-poll]' });
		expect(error?.message).toMatch(/Refusing to poll "http:\/\/localhost:\d+\/v1\/get_result/);
		expect(
			state.fake.stats().requests.filter((r: { server: string }) => r.server === 'untrusted'),
		).toEqual([]);
		expectNoKeyAnywhere(error?.message);
		// Get Result would refuse the same URL, so the hint names the credential instead.
		expect(error?.description).toMatch(/Task ID: /);
		expect(error?.description).toMatch(/check the credential's Region and Base URL/);
		expect(error?.description).not.toMatch(/Get Result/);
	});

	it('says so when the delivery URL has expired before the download', async () => {
		state.fake.configure({ urlTtlMs: 1 });
		const { error } = await generate();
		expect(error?.message).toMatch(
			/The result URL expired at .* before the image could be downloaded/,
		);
		expect(state.fake.stats().keyLeaks).toEqual([]);
		// An expired URL stays expired: the hint is a new run, not Get Result.
		expect(error?.description).toMatch(/Run the generation again/);
		expect(error?.description).not.toMatch(/Get Result/);
	});

	it('still points a timed-out task at Task → Get Result, which can fetch it later', async () => {
		// The task needs 20 s at BFL; the node gives up after 1 s, whatever the machine's load.
		state.fake.configure({ latencyMs: 20_000 });
		const { error } = await generate({ options: { pollInterval: 0.2, timeout: 1 } });
		expect(error?.message).toMatch(/Timed out after 1 s/);
		expect(error?.description).toMatch(/Use Task → Get Result with the polling URL/);
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
			credentials: simulatorCredentials(state.fake.apiBase, 'wrong-key'),
		});
		expect(error?.message).toMatch(/BFL rejected the API key \(401\)/);
		expect(error?.message).not.toContain('wrong-key');
	});
});
