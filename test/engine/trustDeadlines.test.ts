import { webhookToken } from '../../nodes/Bfl/core/trust/webhook';
import { buildImage } from '../fake-bfl/images';
import { runBfl, simulatorCredentials } from '../helpers/bflWorkflow';
import { drip, json, startHostile } from '../helpers/hostile';
import { startTriggerServer } from '../helpers/triggerServer';
import { waitFor } from '../helpers/wait';

/**
 * Drip-feeding servers: never silent for long, never done. Each would take minutes to finish;
 * the node must end them at its Request Timeout or the item's Timeout, whichever comes first.
 * Assertions are about what happened (the server's send was cut short), never about durations.
 */
const CALLER = 'caller-deadline-12';
type Hostile = Awaited<ReturnType<typeof startHostile>>;
jest.setTimeout(60_000);

const SLOW_JSON = JSON.stringify({ id: 'task-1', status: 'Pending', pad: 'x'.repeat(600) });
const SLOW_IMAGE = buildImage('jpeg', 'slow', 600 * 1024);

/** A BFL look-alike whose chosen step drips; the others answer at once. */
async function dripping(step: 'submit' | 'poll' | 'download') {
	const cut: number[] = [];
	const watch = (res: { on: (e: string, f: () => void) => void; writableEnded: boolean }) =>
		res.on('close', () => cut.push(res.writableEnded ? 0 : 1));
	const api: Hostile = await startHostile({
		'POST /v1/flux-2-pro': (_req, res) => {
			if (step !== 'submit')
				return json(res, 200, { id: 'task-1', polling_url: `${api.base}/poll?id=task-1` });
			watch(res);
			drip(
				res,
				JSON.stringify({ id: 'task-1', polling_url: `${api.base}/poll` }) + ' '.repeat(600),
				{
					everyMs: 100,
				},
			);
		},
		'/poll': (_req, res) => {
			if (step !== 'poll')
				return json(res, 200, {
					id: 'task-1',
					status: 'Ready',
					result: { sample: `${api.base}/sample.jpeg`, seed: 1 },
				});
			watch(res);
			drip(res, SLOW_JSON, { everyMs: 100, headers: { 'content-type': 'application/json' } });
		},
		'/sample.jpeg': (_req, res) => {
			watch(res);
			drip(res, SLOW_IMAGE, { everyMs: 100, chunk: 64, headers: { 'content-type': 'image/jpeg' } });
		},
	});
	const cutShort = async () => {
		// The server notices a hang-up at its next write; the node has already moved on.
		await waitFor(() => cut.some(Boolean), 'the server to see the node hang up');
		return cut.filter(Boolean).length;
	};
	return { api, cutShort };
}

const generate = (api: Hostile, options: Record<string, unknown>) =>
	runBfl({
		parameters: {
			resource: 'image',
			operation: 'generate',
			model: 'flux-2-pro',
			prompt: 'a slow river',
			width: 512,
			height: 512,
			options: { pollInterval: 0.2, ...options },
		},
		credentials: simulatorCredentials(api.base, CALLER),
	});

describe('deadlines hold against servers that drip bytes', () => {
	it('Request Timeout ends a dripping submit, which is not re-sent', async () => {
		const { api, cutShort } = await dripping('submit');
		try {
			const { error } = await generate(api, { requestTimeout: 1, timeout: 600 });
			expect(error?.message).toBe(
				'Could not reach BFL for the flux-2-pro request: the request timed out',
			);
			expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
			expect(await cutShort()).toBe(1);
		} finally {
			await api.close();
		}
	});

	it("the item's Timeout ends dripping status answers, Request Timeout or not", async () => {
		const { api, cutShort } = await dripping('poll');
		try {
			const { error } = await generate(api, { requestTimeout: 600, timeout: 2 });
			expect(error?.message).toMatch(/^Timed out after 2 s waiting for BFL task task-1/);
			expect(await cutShort()).toBeGreaterThanOrEqual(1);
		} finally {
			await api.close();
		}
	});

	it('Request Timeout ends each dripping status answer, and polling goes on until the Timeout', async () => {
		const { api, cutShort } = await dripping('poll');
		try {
			const { error } = await generate(api, { requestTimeout: 1, timeout: 4 });
			expect(error?.message).toMatch(
				/^(Timed out after 4 s waiting for BFL task task-1|Could not reach BFL for the status of task task-1: the request timed out after \d+ attempts)/,
			);
			expect(await cutShort()).toBeGreaterThanOrEqual(1);
		} finally {
			await api.close();
		}
	});

	it.each([
		['the Request Timeout', { requestTimeout: 1, timeout: 600 }],
		["the item's Timeout", { requestTimeout: 600, timeout: 3 }],
	])('a dripping download ends at %s', async (_, options) => {
		const { api, cutShort } = await dripping('download');
		try {
			const { error } = await generate(api, options);
			expect(error?.message).toMatch(
				/^(Could not download the result image: the request timed out|The item's Timeout ran out while downloading the result image)$/,
			);
			expect(await cutShort()).toBeGreaterThanOrEqual(1);
		} finally {
			await api.close();
		}
	});

	it("the item's Timeout covers fetching its input URLs, which is not retried past it", async () => {
		// Each GET drips for longer than Request Timeout; without the item's deadline the node
		// retried it five times (about 15 s for Timeout 5 s) before submitting anything.
		const api: Hostile = await startHostile({
			'/input.jpeg': (_req, res) =>
				drip(res, SLOW_IMAGE, { everyMs: 100, headers: { 'content-type': 'image/jpeg' } }),
		});
		try {
			const { error } = await runBfl({
				parameters: {
					resource: 'image',
					operation: 'edit',
					model: 'flux-pro-1.0-fill',
					prompt: 'make it evening',
					images: { image: [{ source: 'url', url: `${api.base}/input.jpeg` }] },
					options: { requestTimeout: 2, timeout: 3 },
				},
				credentials: simulatorCredentials(api.base, CALLER),
			});
			expect(error?.message).toMatch(
				/^(The item's Timeout ran out while downloading Image from http:\/\/127\.0\.0\.1:\d+\/input\.jpeg|Could not download Image from http:\/\/127\.0\.0\.1:\d+\/input\.jpeg: the request timed out)$/,
			);
			// Timeout 3 s holds at most two GETs of 2 s each, however slow the machine.
			const gets = api.requests.filter((r) => r.path === '/input.jpeg').length;
			expect(gets).toBeGreaterThanOrEqual(1);
			expect(gets).toBeLessThanOrEqual(2);
			expect(api.requests.filter((r) => r.method === 'POST')).toEqual([]);
		} finally {
			await api.close();
		}
	});

	it("the Trigger's download inside the webhook call is bounded too", async () => {
		const { api, cutShort } = await dripping('download');
		const trigger = await startTriggerServer({
			credentials: simulatorCredentials(api.base, CALLER),
			options: { downloadTimeout: 1 },
		});
		try {
			const answer = await fetch(`${trigger.url}?bfl_token=${webhookToken(CALLER, trigger.url)}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					id: 't-1',
					status: 'Ready',
					result: { sample: `${api.base}/sample.jpeg` },
				}),
			});
			expect(answer.status).toBe(200);
			expect(trigger.emitted[0].json.error).toMatch(
				/^(Could not download the result image: the request timed out|The item's Timeout ran out while downloading the result image)$/,
			);
			expect(trigger.emitted[0].binary).toBeUndefined();
			expect(await cutShort()).toBeGreaterThanOrEqual(1);
		} finally {
			await trigger.close();
			await api.close();
		}
	});
});
