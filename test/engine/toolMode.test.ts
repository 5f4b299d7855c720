import type { IDataObject } from 'n8n-workflow';

import { startFakeBfl, type FakeBfl } from '../fake-bfl';
import { runBfl, simulatorCredentials } from '../helpers/bflWorkflow';
import { imageOf } from '../helpers/results';

/**
 * The node run as an AI agent's tool (type `n8n-nodes-bfl.bflTool`) in n8n's engine, with nothing
 * set by hand: its input item holds what the model passed, as n8n hands the tool's arguments over.
 */
const CALLER = 'agent-caller-5566778899';
let fake: FakeBfl;
beforeAll(async () => {
	fake = await startFakeBfl({ apiKey: CALLER, latencyMs: 150 });
});
afterAll(async () => await fake.close());
beforeEach(() => {
	fake.clearFaults();
	fake.resetStats();
});

const call = (args: IDataObject, parameters: Record<string, unknown> = {}, key = CALLER) =>
	runBfl({
		asTool: true,
		parameters: { options: { pollInterval: 0.2 }, ...parameters },
		input: [{ json: args }],
		credentials: simulatorCredentials(fake.apiBase, key),
	});

describe('the node as an AI agent’s tool', () => {
	it('makes one image from the model’s prompt and answers with small JSON, no binary', async () => {
		const prompt = 'A lighthouse on a cliff at dusk, warm window light, 35mm photo';
		const { items, error } = await call({ prompt, numberOfImages: 1 });
		expect(error).toBeUndefined();
		expect(fake.stats().submits).toBe(1);
		expect(fake.stats().submitsByPrompt).toEqual({ [prompt]: 1 });
		expect(items).toHaveLength(1);
		const [{ json, binary }] = items;
		if (!json) throw new Error('no answer');
		expect(binary).toBeUndefined();
		const id = String(json.taskId);
		expect(json).toMatchObject({
			ok: true,
			status: 'Ready',
			model: 'flux-2-pro',
			mimeType: 'image/jpeg',
			sizeBytes: imageOf(fake, id).length,
			imageUrl: expect.stringContaining(id),
			expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
		});
		expect(json.message).toContain(json.imageUrl);
		expect(json.message).toMatch(/works until \d\d:\d\d UTC/);
		expect(Buffer.byteLength(JSON.stringify(json))).toBeLessThan(1024);
		expect(JSON.stringify(items)).not.toContain(CALLER);
	});

	it('makes as many images as asked, up to four, and refuses more before paying', async () => {
		const two = await call({ prompt: 'a blue bicycle', numberOfImages: 2 });
		expect(two.items.map((item) => item.json.ok)).toEqual([true, true]);
		fake.resetStats();
		const { items } = await call({ prompt: 'a blue bicycle', numberOfImages: 5 });
		expect(fake.stats().submits).toBe(0);
		expect(items[0].json).toMatchObject({
			ok: false,
			retry: 'after changing the input',
			error: expect.stringContaining('from 1 to 4'),
		});
	});

	it.each([
		[
			'an empty prompt',
			{ prompt: '' },
			CALLER,
			'after changing the input',
			/Call again with prompt/,
		],
		['a wrong key', { prompt: 'a cat' }, 'wrong-key', 'no', /credential/],
		['no credits', { prompt: 'a cat [402]' }, CALLER, 'no', /out of credits/],
		['moderation', { prompt: 'a cat [content-moderated]' }, CALLER, 'no', /moderation/],
	])(
		'answers %s with what to do, as the item rather than an error',
		async (_, args, key, retry, what) => {
			const { items, error } = await call({ numberOfImages: 1, ...args }, {}, key);
			expect(error).toBeUndefined();
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({ ok: false, retry });
			expect(String(items[0].json.whatToDo)).toMatch(what);
			expect(JSON.stringify(items)).not.toContain(CALLER);
		},
	);

	it('edits the picture at a URL the model passes, within the input-URL rules', async () => {
		const first = await call({ prompt: 'a red apple on a table', numberOfImages: 1 });
		const imageUrl = String(first.items[0].json.imageUrl);
		fake.resetStats();
		const { items } = await call(
			{ prompt: 'Make the apple green; keep the table', imageUrl, numberOfImages: 1 },
			{ resource: 'image', operation: 'edit' },
		);
		expect(items[0].json).toMatchObject({ ok: true, status: 'Ready' });
		expect(fake.stats().submits).toBe(1);
		const refused = await call(
			{ prompt: 'Make it green', imageUrl: 'http://127.0.0.1:9/private.png' },
			{ resource: 'image', operation: 'edit', model: 'flux-pro-1.0-fill' },
		);
		expect(refused.items[0].json.ok).toBe(false);
	});

	it('looks a task up again by the taskId an earlier call returned', async () => {
		const first = await call({ prompt: 'a paper boat', numberOfImages: 1 });
		const { items } = await call(
			{ taskId: first.items[0].json.taskId },
			{ resource: 'task', operation: 'getResult' },
		);
		expect(items[0].json).toMatchObject({
			ok: true,
			status: 'Ready',
			taskId: first.items[0].json.taskId,
			mimeType: 'image/jpeg',
		});
	});
});
