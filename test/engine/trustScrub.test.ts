import { runBfl, simulatorCredentials } from '../helpers/bflWorkflow';
import { json, startHostile } from '../helpers/hostile';
import { nodeLogger } from '../helpers/logger';

/** A server that echoes request headers: the key must not come back out of the node. */
const CALLER = 'caller-echo-0f3c2a1e-9b8d';
type Hostile = Awaited<ReturnType<typeof startHostile>>;
type Req = Parameters<Parameters<typeof startHostile>[0][string]>[0];

const echo = (req: Req) => ({
	headers: req.headers,
	raw: `x-key: ${String(req.headers['x-key'])}`,
});

const SCENARIOS: Record<string, (api: () => Hostile) => Parameters<typeof startHostile>[0]> = {
	'a 422 whose detail echoes the headers': () => ({
		'POST /v1/flux-2-pro': (req, res) => json(res, 422, { detail: JSON.stringify(echo(req)) }),
	}),
	'a 500 HTML page with the headers': () => ({
		'POST /v1/flux-2-pro': (req, res) => {
			res.writeHead(500, { 'content-type': 'text/html' });
			res.end(`<html><pre>x-key=${String(req.headers['x-key'])}</pre></html>`);
		},
	}),
	'a failed task whose details echo the headers': (api) => ({
		'POST /v1/flux-2-pro': (_req, res) =>
			json(res, 200, { id: 'task-1', polling_url: `${api().base}/poll?id=task-1` }),
		'/poll': (req, res) =>
			json(res, 200, { id: 'task-1', status: 'Error', result: null, details: echo(req) }),
	}),
	'a moderated task whose details echo the key': (api) => ({
		'POST /v1/flux-2-pro': (_req, res) =>
			json(res, 200, { id: 'task-1', polling_url: `${api().base}/poll?id=task-1` }),
		'/poll': (req, res) =>
			json(res, 200, {
				id: 'task-1',
				status: 'Content Moderated',
				details: { note: `seen ${String(req.headers['x-key'])}` },
			}),
	}),
	'a Ready task whose body echoes the key': (api) => ({
		'POST /v1/flux-2-pro': (_req, res) =>
			json(res, 200, { id: 'task-1', polling_url: `${api().base}/poll?id=task-1` }),
		'/poll': (req, res) =>
			json(res, 200, {
				id: 'task-1',
				status: 'Ready',
				result: { sample: 'https://delivery-eu1.bfl.ai/x', prompt: String(req.headers['x-key']) },
				details: echo(req),
			}),
	}),
};

async function run(name: string, continueOnFail: boolean) {
	const api: Hostile = await startHostile(SCENARIOS[name](() => api));
	try {
		return await runBfl({
			parameters: {
				resource: 'image',
				operation: 'generate',
				model: 'flux-2-pro',
				prompt: 'an echo',
				width: 512,
				height: 512,
				options: { pollInterval: 0.2, download: false },
			},
			continueOnFail,
			credentials: simulatorCredentials(api.base, CALLER),
		});
	} finally {
		await api.close();
	}
}

describe('the key never leaves the node, whatever the server echoes', () => {
	it.each(Object.keys(SCENARIOS))('%s: not in the thrown error', async (name) => {
		const { error, items } = await run(name, false);
		// The engine's error object carries more than the helper's RunError declares; all of it must be clean.
		const full = error as
			| (NonNullable<typeof error> & { context?: unknown; stack?: string; messages?: unknown })
			| undefined;
		const seen = JSON.stringify({
			message: full?.message,
			description: full?.description,
			context: full?.context,
			stack: full?.stack,
			messages: full?.messages,
			items,
		});
		expect(seen).not.toContain(CALLER);
	});

	it.each(Object.keys(SCENARIOS))('%s: not in the Continue On Fail item', async (name) => {
		const { items, run: result } = await run(name, true);
		expect(items).toHaveLength(1);
		expect(JSON.stringify(items)).not.toContain(CALLER);
		expect(JSON.stringify(result.data.resultData)).not.toContain(CALLER);
	});

	it('a failed task without an error field reports its details, redacted, never "false"', async () => {
		const { error } = await run('a failed task whose details echo the headers', false);
		expect(error?.message).toMatch(/^BFL could not generate the image \(Error\): \{"headers":/);
		expect(error?.message).toContain('"x-key":"[redacted]"');
	});
});

describe("the key never reaches n8n's log", () => {
	const LEVELS = ['debug', 'info', 'warn', 'error'] as const;

	it("a video task's in-progress status that echoes the key is logged redacted", async () => {
		let polls = 0;
		const api: Hostile = await startHostile({
			'POST /v1/flux-3-video': (_req, res) =>
				json(res, 200, { id: 'video-1', polling_url: `${api.base}/poll?id=video-1` }),
			'/poll': (req, res) => {
				polls += 1;
				const key = String(req.headers['x-key']);
				if (polls === 1)
					return json(res, 200, { id: 'video-1', status: `Rendering for ${key}`, progress: 0.3 });
				json(res, 200, { id: 'video-1', status: 'Failed', details: { seen: key } });
			},
		});
		const logger = nodeLogger();
		const spies = LEVELS.map((level) => jest.spyOn(logger, level));
		try {
			const { error } = await runBfl({
				parameters: {
					resource: 'video',
					operation: 'generate',
					videoMode: 't2v',
					prompt: 'an echo',
					options: { pollInterval: 0.2 },
				},
				credentials: simulatorCredentials(api.base, CALLER),
			});
			expect(error?.message).toMatch(/^BFL could not/);
			expect(polls).toBe(2);
			const logged = JSON.stringify(spies.map((spy) => spy.mock.calls));
			expect(logged).toContain('Rendering for [redacted]');
			expect(logged).not.toContain(CALLER);
		} finally {
			for (const spy of spies) spy.mockRestore();
			await api.close();
		}
	});
});
