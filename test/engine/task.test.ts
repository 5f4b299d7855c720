import type { INodeExecutionData } from 'n8n-workflow';
import { startFakeBfl, type FakeBfl } from '../fake-bfl';
import { runBfl, simulatorCredentials } from '../helpers/bflWorkflow';
import { bytesOf, imageOf } from '../helpers/results';

const CALLER = 'caller-task-7';
let fake: FakeBfl;

beforeAll(async () => {
	fake = await startFakeBfl({ apiKey: CALLER, latencyMs: 300 });
});
afterAll(async () => await fake.close());
beforeEach(() => fake.resetStats());

const credentials = () => simulatorCredentials(fake.apiBase, CALLER);

/** Submits one task without waiting, straight through the fake's HTTP API. */
async function submit(prompt = 'a quiet harbour'): Promise<{ id: string; polling_url: string }> {
	const response = await fetch(`${fake.apiBase}/v1/flux-2-pro`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-key': CALLER },
		body: JSON.stringify({ prompt }),
	});
	return (await response.json()) as { id: string; polling_url: string };
}

function getResult(
	parameters: Record<string, unknown>,
	input?: INodeExecutionData[],
	continueOnFail = false,
) {
	return runBfl({
		parameters: {
			resource: 'task',
			operation: 'getResult',
			options: { pollInterval: 0.2 },
			...parameters,
		},
		input,
		continueOnFail,
		credentials: credentials(),
	});
}

describe('Task → Get Result', () => {
	it('chains Generate (not waiting) into Get Result by polling URL, with the image as binary', async () => {
		const { run, error } = await runBfl({
			parameters: {
				resource: 'image',
				operation: 'generate',
				model: 'flux-2-pro',
				prompt: 'later, please',
				width: 512,
				height: 512,
				completion: 'return',
			},
			credentials: credentials(),
			extraNodes: [
				{
					id: 'get',
					name: 'Get Result',
					type: 'n8n-nodes-bfl.bfl',
					typeVersion: 1,
					position: [400, 0],
					parameters: {
						resource: 'task',
						operation: 'getResult',
						by: 'pollingUrl',
						pollingUrl: '={{ $json.pollingUrl }}',
						options: { pollInterval: 0.2 },
					},
					credentials: { bflApi: { id: 'cred-1', name: 'BFL test' } },
				},
			],
			extraConnections: { BFL: { main: [[{ node: 'Get Result', type: 'main', index: 0 }]] } },
		});
		expect(error).toBeUndefined();
		const submitted = run.data.resultData.runData.BFL[0].data!.main[0]![0].json;
		const [result] = run.data.resultData.runData['Get Result'][0].data!.main[0]!;
		expect(submitted.status).toBe('Pending');
		expect(result.json).toMatchObject({
			id: submitted.id,
			status: 'Ready',
			seed: expect.any(Number),
		});
		expect(bytesOf(result).equals(imageOf(fake, submitted.id as string))).toBe(true);
		expect(result.binary!.data.fileName).toBe(`${submitted.id}.jpg`);
	});

	it('finds a task by id on the credential host', async () => {
		const task = await submit();
		const { items, error } = await getResult({ by: 'taskId', taskId: task.id });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: task.id, status: 'Ready' });
		const lookups = fake
			.stats()
			.requests.filter((r: { server: string; path: string }) =>
				r.path.startsWith('/v1/get_result'),
			);
		expect(lookups.every((r: { server: string }) => r.server === 'api')).toBe(true);
	});

	it('returns the current status at once when not waiting', async () => {
		const task = await submit();
		const { items } = await getResult({
			by: 'pollingUrl',
			pollingUrl: task.polling_url,
			options: { waitForCompletion: false },
		});
		expect(items[0].json).toMatchObject({
			id: task.id,
			status: expect.stringMatching(/Pending|Reasoning|Generating/),
			pollingUrl: task.polling_url,
		});
		expect(items[0].binary).toBeUndefined();
		expect(fake.stats().polls).toBe(1);
	});

	it('says so when the one look gets an unreadable answer', async () => {
		const task = await submit();
		fake.injectFault({ target: 'poll', action: 'html', status: 200, count: 1 });
		const { error } = await getResult({
			by: 'pollingUrl',
			pollingUrl: task.polling_url,
			options: { waitForCompletion: false },
		});
		expect(error?.message).toBe(`Could not read the status of task ${task.id} in BFL's answer`);
		expect(fake.stats().polls).toBe(1);
	});

	it('says that a task id may live on another cluster when it is not found', async () => {
		const { error } = await getResult({
			by: 'taskId',
			taskId: '00000000-0000-4000-8000-000000000000',
			options: { pollInterval: 0.2, timeout: 30 },
		});
		expect(error?.message).toMatch(
			/BFL does not know task 00000000-0000-4000-8000-000000000000 \(Task not found\)/,
		);
	});

	it.each([
		[
			'an untrusted host',
			() => `${fake.untrustedBase}/v1/get_result?id=x`,
			/^Refusing to poll "http:\/\/localhost:\d+/,
		],
		[
			'a file URL',
			() => 'file:///etc/passwd',
			/^Polling URL must be an http\(s\) URL returned by BFL/,
		],
		[
			'a look-alike BFL host',
			() => 'https://api.bfl.ai.example.com/v1/get_result?id=x',
			/^Refusing to poll/,
		],
		['plain text', () => 'not a url', /^Polling URL must be an http\(s\) URL/],
	])('refuses %s before any request', async (_, url, message) => {
		const { error } = await getResult({ by: 'pollingUrl', pollingUrl: url() });
		expect(error?.message).toMatch(message);
		expect(fake.stats().requests).toEqual([]);
		expect(fake.stats().keyLeaks).toEqual([]);
	});

	it('reports a moderated task as its item error under Continue On Fail', async () => {
		const moderated = await submit('nope [content-moderated]');
		const fine = await submit('fine');
		const { items } = await getResult(
			{ by: 'pollingUrl', pollingUrl: '={{ $json.url }}' },
			[{ json: { url: moderated.polling_url } }, { json: { url: fine.polling_url } }],
			true,
		);
		expect(items[0].json).toMatchObject({ status: 'Content Moderated', taskId: moderated.id });
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1].json.status).toBe('Ready');
	});
});

describe('Account → Get Credits', () => {
	it('returns the balance', async () => {
		fake.configure({ credits: 321.5 });
		const { items } = await runBfl({
			parameters: { resource: 'account', operation: 'getCredits' },
			credentials: credentials(),
		});
		expect(items[0].json).toEqual({ credits: 321.5 });
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});
});
