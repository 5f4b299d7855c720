import { createHmac } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { webhookToken } from '../../nodes/Bfl/core/trust/webhook';
import { startFakeBfl, type FakeBfl } from '../fake-bfl';
import { runBfl, simulatorCredentials } from '../helpers/bflWorkflow';
import { bytesOf, imageOf, taskOf } from '../helpers/results';
import { startTriggerServer } from '../helpers/triggerServer';
import { waitFor } from '../helpers/wait';

const CALLER = 'caller-webhook-5';
let fake: FakeBfl;

beforeAll(async () => {
	fake = await startFakeBfl({ apiKey: CALLER, latencyMs: 150 });
});
afterAll(async () => await fake.close());
beforeEach(() => fake.configure({ urlTtlMs: 600_000 }));

const credentials = () => simulatorCredentials(fake.apiBase, CALLER);
type Trigger = Awaited<ReturnType<typeof startTriggerServer>>;

const until = async (check: () => boolean, what: string) => await waitFor(check, what);

async function withTrigger(options: IDataObject, test: (trigger: Trigger) => Promise<void>) {
	const trigger = await startTriggerServer({ credentials: credentials(), options });
	try {
		await test(trigger);
	} finally {
		await trigger.close();
	}
}

function generateByWebhook(webhookUrl: string, extra: Record<string, unknown> = {}) {
	return runBfl({
		parameters: {
			resource: 'image',
			operation: 'generate',
			model: 'flux-2-klein-4b',
			prompt: 'a lantern at night',
			width: 512,
			height: 512,
			completion: 'webhook',
			webhookUrl,
			...extra,
		},
		credentials: credentials(),
	});
}

const post = async (url: string, body: unknown, headers: Record<string, string> = {}) =>
	await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});

describe('Completion → Webhook with the Black Forest Labs Trigger', () => {
	it('hands the downloaded image to the workflow when BFL calls back', async () => {
		await withTrigger({}, async (trigger) => {
			const { items, error } = await generateByWebhook(trigger.url);
			expect(error).toBeUndefined();
			const submitted = items[0].json;
			expect(submitted).toMatchObject({ status: 'Pending', webhookUrl: trigger.url });
			expect(submitted.pollingUrl).toBeUndefined();
			expect(JSON.stringify(items)).not.toContain('bfl_token');
			const sent = taskOf(fake, submitted.id).body.webhook_url as string;
			expect(new URL(sent).searchParams.get('bfl_token')).toBe(webhookToken(CALLER, trigger.url));
			await until(() => trigger.emitted.length === 1, 'the webhook');
			const [event] = trigger.emitted;
			expect(event.json).toMatchObject({
				id: submitted.id,
				status: 'Ready',
				seed: expect.any(Number),
			});
			expect(bytesOf(event).equals(imageOf(fake, submitted.id))).toBe(true);
			expect(fake.stats().keyLeaks).toEqual([]);
		});
	});

	it('verifies the signature when a secret is set, and rejects a forged one', async () => {
		await withTrigger({ webhookSecret: 'shared-secret' }, async (trigger) => {
			await generateByWebhook(trigger.url, { webhookSecret: 'shared-secret' });
			await until(() => trigger.emitted.length === 1, 'the signed webhook');
			const body = JSON.stringify({ id: 'forged-1', status: 'Ready', result: {} });
			const forged = await post(
				`${trigger.url}?bfl_token=${webhookToken(CALLER, trigger.url)}`,
				body,
				{ 'x-bfl-signature': `sha256=${createHmac('sha256', 'wrong').update(body).digest('hex')}` },
			);
			expect(forged.status).toBe(401);
			expect(trigger.emitted).toHaveLength(1);
		});
	});

	it('rejects calls without the right token and emits nothing', async () => {
		await withTrigger({}, async (trigger) => {
			const payload = {
				id: 'x-1',
				status: 'Ready',
				result: { sample: `${fake.deliveryBase}/results/x/sample.jpeg` },
			};
			expect((await post(trigger.url, payload)).status).toBe(401);
			expect(
				(
					await post(
						`${trigger.url}?bfl_token=${webhookToken('another-key', trigger.url)}`,
						payload,
					)
				).status,
			).toBe(401);
			const own = new URL(trigger.url);
			// Tokens minted for any other address, even with this trigger's path, are refused.
			const elsewhere = [
				`http://localhost:${own.port}${own.pathname}`,
				`http://evil.example.com:${own.port}${own.pathname}`,
				`https://127.0.0.1:${own.port}${own.pathname}`,
				`http://127.0.0.1:${Number(own.port) + 1}${own.pathname}`,
				`http://127.0.0.1:${own.port}/webhook-test/5b0f1a4e-9a53-4c3e-8c49-0d6f4b1e2a77/bfl`,
				`http://127.0.0.1:${own.port}/webhook/other-trigger/bfl`,
			];
			for (const minted of elsewhere) {
				const answer = await post(
					`${trigger.url}?bfl_token=${webhookToken(CALLER, minted)}`,
					payload,
				);
				expect([minted, answer.status]).toEqual([minted, 401]);
			}
			expect(trigger.emitted).toEqual([]);
		});
	});

	it('emits a replayed delivery once, accepts task_id and SUCCESS, and keeps failures as items', async () => {
		await withTrigger({ download: false }, async (trigger) => {
			const url = `${trigger.url}?bfl_token=${webhookToken(CALLER, trigger.url)}`;
			const success = {
				task_id: 'task-77',
				status: 'SUCCESS',
				result: { sample: 'https://delivery-eu1.bfl.ai/r/sample.jpeg', seed: 3 },
			};
			expect((await post(url, success)).status).toBe(200);
			expect((await post(url, success)).status).toBe(200);
			await post(url, {
				id: 'task-78',
				status: 'Content Moderated',
				result: null,
				details: { 'Moderation Reasons': ['x'] },
			});
			expect(trigger.emitted.map((item) => item.json)).toEqual([
				expect.objectContaining({ id: 'task-77', status: 'Ready', seed: 3 }),
				expect.objectContaining({
					id: 'task-78',
					status: 'Content Moderated',
					details: { 'Moderation Reasons': ['x'] },
				}),
			]);
			expect((await post(url, { hello: 'world' })).status).toBe(400);
		});
	});

	it.each(['Pending', 'Processing', 'Task not found', 'PENDING'])(
		'a non-final %s call never consumes the task id: the final call still arrives, once',
		async (status) => {
			await withTrigger({ download: false }, async (trigger) => {
				const url = `${trigger.url}?bfl_token=${webhookToken(CALLER, trigger.url)}`;
				const id = `task-early-${status}`;
				expect((await post(url, { id, status, result: null })).status).toBe(200);
				expect((await post(url, { id, status, result: null })).status).toBe(200);
				const ready = { id, status: 'Ready', result: { sample: 'https://delivery-eu1.bfl.ai/r' } };
				expect((await post(url, ready)).status).toBe(200);
				expect((await post(url, ready)).status).toBe(200);
				const finals = trigger.emitted.filter((item) => item.json.status === 'Ready');
				expect(finals.map((item) => item.json.id)).toEqual([id]);
			});
		},
	);

	it('emits copies that arrive at the same time once', async () => {
		await withTrigger({ download: false }, async (trigger) => {
			const url = `${trigger.url}?bfl_token=${webhookToken(CALLER, trigger.url)}`;
			const payload = { id: 'task-together', status: 'Failed', result: null, details: null };
			const answers = await Promise.all(
				Array.from({ length: 5 }, async () => await post(url, payload)),
			);
			expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
			expect(trigger.emitted.map((item) => item.json.id)).toEqual(['task-together']);
		});
	});

	it('says so when the delivery URL has already expired, and takes large payloads', async () => {
		fake.configure({ urlTtlMs: -1000 });
		await withTrigger({}, async (trigger) => {
			await generateByWebhook(trigger.url);
			await until(() => trigger.emitted.length === 1, 'the webhook');
			expect(trigger.emitted[0].json.error).toMatch(
				/^The result URL expired at .* before the image could be downloaded/,
			);
			expect(trigger.emitted[0].binary).toBeUndefined();
			const url = `${trigger.url}?bfl_token=${webhookToken(CALLER, trigger.url)}`;
			const large = {
				id: 'big-1',
				status: 'Error',
				result: null,
				details: { log: 'x'.repeat(2 * 1024 * 1024) },
			};
			expect((await post(url, large)).status).toBe(200);
			expect(trigger.emitted[1].json).toMatchObject({ id: 'big-1', status: 'Error' });
		});
	});

	it('refuses webhook completion where the endpoint takes no webhook URL', async () => {
		const { error } = await runBfl({
			parameters: {
				resource: 'image',
				operation: 'edit',
				model: 'flux-tools/outpainting-v1',
				width: 1024,
				height: 1024,
				images: { image: [{ source: 'url', url: 'https://example.com/a.png' }] },
				completion: 'webhook',
				webhookUrl: 'https://n8n.example.com/webhook/abc/bfl',
			},
			credentials: credentials(),
		});
		expect(error?.message).toMatch(/^FLUX Tools Outpainting cannot report by webhook/);
	});
});
