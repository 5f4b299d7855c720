import { runBfl, simulatorCredentials } from '../helpers/bflWorkflow';
import { json, redirect, startHostile } from '../helpers/hostile';

const CALLER = 'caller-redirect-31';
type Hostile = Awaited<ReturnType<typeof startHostile>>;

let other: Hostile;
beforeAll(async () => {
	// Another host name for the rules (localhost, not the base URL's 127.0.0.1); it should never be asked.
	other = await startHostile(
		{ '/steal': (_req, res) => json(res, 200, { id: 't', status: 'Ready', result: {} }) },
		{ hostname: 'localhost' },
	);
});
afterAll(async () => await other.close());
beforeEach(() => other.requests.splice(0));

async function withApi(
	routes: Parameters<typeof startHostile>[0],
	test: (api: Hostile) => Promise<void>,
) {
	const api = await startHostile(routes);
	try {
		await test(api);
	} finally {
		await api.close();
	}
}

const generate = (api: Hostile, extra: Record<string, unknown> = {}) =>
	runBfl({
		parameters: {
			resource: 'image',
			operation: 'generate',
			model: 'flux-2-pro',
			prompt: 'a red kite',
			width: 512,
			height: 512,
			options: { pollInterval: 0.2, timeout: 30, download: false },
			...extra,
		},
		credentials: simulatorCredentials(api.base, CALLER),
	});

const submitted = (api: Hostile) => (_req: unknown, res: Parameters<typeof json>[0]) =>
	json(res, 200, { id: 'task-1', polling_url: `${api.base}/poll?id=task-1` });

const REDIRECTS = [301, 302, 303, 307, 308];

describe('authenticated requests never follow a redirect to a host the key may not go to', () => {
	it.each(REDIRECTS)(
		'polling answered %d to another host: refused, nothing reaches it',
		async (status) => {
			let api!: Hostile;
			await withApi(
				{
					'POST /v1/flux-2-pro': (req, res) => submitted(api)(req, res),
					'/poll': (_req, res) => redirect(res, status, `${other.base}/steal`),
				},
				async (server) => {
					api = server;
					const { error } = await generate(api);
					expect(error?.message).toContain(`Refusing to follow a redirect (${status})`);
					expect(error?.message).toContain(`${other.base}/steal`);
					expect(other.requests).toEqual([]);
					expect(api.requests.filter((r) => r.path === '/poll')).toHaveLength(1);
				},
			);
		},
	);

	it.each([301, 302, 307, 308])(
		'a submit answered %d is never re-sent anywhere',
		async (status) => {
			await withApi(
				{
					'POST /v1/flux-2-pro': (_req, res) => redirect(res, status, `${other.base}/steal`),
					'POST /v1/elsewhere': (_req, res) => json(res, 200, { id: 'x', polling_url: 'x' }),
				},
				async (api) => {
					const { error } = await generate(api);
					expect(error?.message).toContain('it was not re-sent');
					expect(other.requests).toEqual([]);
					expect(api.requests).toHaveLength(1);
				},
			);
			// Even a same-origin target is not re-sent: BFL may already have accepted the first POST.
			let api!: Hostile;
			await withApi(
				{
					'POST /v1/flux-2-pro': (_req, res) => redirect(res, status, `${api.base}/v1/elsewhere`),
				},
				async (server) => {
					api = server;
					const { error } = await generate(api);
					expect(error?.message).toContain('it was not re-sent');
					expect(api.requests.map((r) => r.path)).toEqual(['/v1/flux-2-pro']);
				},
			);
		},
	);

	it('Get Result refuses a redirect of its polling URL to another host', async () => {
		await withApi(
			{ '/poll': (_req, res) => redirect(res, 302, `${other.base}/steal`) },
			async (api) => {
				const { error } = await runBfl({
					parameters: {
						resource: 'task',
						operation: 'getResult',
						by: 'pollingUrl',
						pollingUrl: `${api.base}/poll?id=task-9`,
						options: { waitForCompletion: false },
					},
					credentials: simulatorCredentials(api.base, CALLER),
				});
				expect(error?.message).toContain('Refusing to follow a redirect (302)');
				expect(other.requests).toEqual([]);
			},
		);
	});

	it('follows a GET redirect by hand while every hop stays on the trusted origin', async () => {
		let api!: Hostile;
		await withApi(
			{
				'POST /v1/flux-2-pro': (req, res) => submitted(api)(req, res),
				'/poll': (_req, res) => redirect(res, 302, '/poll-moved?id=task-1'),
				'/poll-moved': (_req, res) =>
					json(res, 200, { id: 'task-1', status: 'Ready', result: { sample: 'x', seed: 1 } }),
			},
			async (server) => {
				api = server;
				const { items, error } = await generate(api);
				expect(error).toBeUndefined();
				expect(items[0].json.status).toBe('Ready');
				expect(api.keyed().map((r) => r.path)).toEqual(['/v1/flux-2-pro', '/poll', '/poll-moved']);
			},
		);
	});
});
