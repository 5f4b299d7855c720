import { startFakeBfl, type FakeBfl } from '../fake-bfl';
import { startBflWorkflow, simulatorCredentials } from '../helpers/bflWorkflow';
import { outputOf, errorOf } from '../helpers/engine';
import { n8nLogger } from '../helpers/n8nLogger';
import { waitFor } from '../helpers/wait';

/**
 * Several executions at once in one process share the account's cap through the node's
 * process-wide limiter (core/limiter). Assertions are counts and orders, never timings.
 */
const CALLER = 'limiter-caller-0123456789';
let fake: FakeBfl;

// 192 items through a 24-slot account on a busy 2-core machine: a timeout only against a hang.
jest.setTimeout(120_000);

// A fresh simulator per test is a fresh host, hence a fresh account with its own limit.
beforeEach(async () => {
	fake = await startFakeBfl({ apiKey: CALLER, latencyMs: 200, imageBytes: 2048 });
});
afterEach(async () => await fake.close());

function start(label: string, count: number, prompts?: string[]) {
	return startBflWorkflow({
		parameters: {
			resource: 'image',
			operation: 'generate',
			model: 'flux-2-pro',
			prompt: '={{ $json.prompt }}',
			width: 512,
			height: 512,
			options: { pollInterval: 0.2 },
		},
		input: (prompts ?? Array.from({ length: count }, (_, i) => `${label} ${i}`)).map((prompt) => ({
			json: { prompt },
		})),
		credentials: simulatorCredentials(fake.apiBase, CALLER),
	});
}

async function finished(label: string, running: ReturnType<typeof start>) {
	const run = await running.done;
	return { label, items: outputOf(run, 'BFL') ?? [], error: errorOf(run, 'BFL') };
}

/** Task creation order at the simulator, as the execution label of each task. */
const acceptedOrder = () =>
	[...fake.tasks.values()].map((task) => String(task.body.prompt).split(' ')[0]);

describe('the account limiter in the n8n engine', () => {
	it('runs 4 simultaneous executions of 48 items under the cap: no 429, nothing lost', async () => {
		const runs = await Promise.all(
			['e1', 'e2', 'e3', 'e4'].map(async (label) => await finished(label, start(label, 48))),
		);
		for (const { items, error } of runs) {
			expect(error).toBeUndefined();
			expect(items).toHaveLength(48);
			expect(
				items.every(
					(item: { json: { status?: string }; binary?: { data?: unknown } }) =>
						item.json.status === 'Ready' && item.binary?.data,
				),
			).toBe(true);
		}
		const stats = fake.stats();
		expect(stats.accepted).toBe(192);
		expect(stats.submits).toBe(192);
		expect(stats.status429).toBe(0);
		expect(stats.peakInFlight).toBeLessThanOrEqual(24);
	});

	it('serves a small execution started late before the rest of a large one', async () => {
		const big = start('big', 96);
		await waitFor(() => fake.stats().accepted >= 24, 'the large run to fill the account', 60_000);
		const small = start('small', 4);
		const [bigRun, smallRun] = await Promise.all([finished('big', big), finished('small', small)]);
		expect(bigRun.items).toHaveLength(96);
		expect(smallRun.items).toHaveLength(4);
		const order = acceptedOrder();
		const lastSmall = order.lastIndexOf('small');
		// First come first served over items would put the small run behind all 96 (index ≥ 96);
		// sharing by slots held gives it the next 4 freed slots (indexes 24–27). The slack of 4
		// covers submits racing on the wire, never a whole wave.
		expect(lastSmall).toBeLessThan(32);
		expect(fake.stats().status429).toBe(0);
	});

	it('absorbs 429s from a smaller real cap by lowering its limit, and logs them per run', async () => {
		// Another process holds half of the account: BFL accepts only 12 more.
		fake.configure({ concurrencyCap: 12 });
		const debug = jest.spyOn(n8nLogger(), 'debug');
		try {
			const { items, error } = await finished('e1', start('e1', 48));
			expect(error).toBeUndefined();
			expect(items).toHaveLength(48);
			const stats = fake.stats();
			expect(stats.accepted).toBe(48);
			expect(stats.status429).toBeGreaterThan(0);
			// One decrease answers the first burst of 12; later ones come from probing one slot up.
			expect(stats.status429).toBeLessThanOrEqual(24);
			const lines = debug.mock.calls.filter(([message]) => String(message).includes('limiter'));
			expect(lines).toHaveLength(1);
			expect(lines[0][1]).toMatchObject({ rateLimited429s: stats.status429 });
			// The limiter's log metadata, typed loosely by the logger.
			const meta = lines[0][1] as { accountLimit?: number } | undefined;
			expect(meta?.accountLimit).toBeLessThan(24);
			expect(JSON.stringify(lines)).not.toContain(CALLER);
		} finally {
			debug.mockRestore();
		}
	});

	it('after the node stops at an error, its items still queued for a slot never submit', async () => {
		fake.configure({ latencyMs: 1000 });
		// One task of the large run ends first, the other 23 take 5 s: one slot frees, then none.
		const holder = start(
			'holder',
			24,
			Array.from({ length: 24 }, (_, i) => (i === 0 ? 'holder 0' : `holder ${i} [slow]`)),
		);
		await waitFor(() => fake.stats().accepted >= 24, 'the large run to fill the account', 60_000);
		const stopped = start('stopper', 3, ['stopper 0 [402]', 'stopper 1', 'stopper 2']);
		const [stopRun, holdRun] = await Promise.all([
			finished('stopper', stopped),
			finished('holder', holder),
		]);
		expect(holdRun.items).toHaveLength(24);
		expect(stopRun.error?.message).toMatch(/402|credits/i);
		const submitted = fake.stats().submitsByPrompt;
		expect(submitted['stopper 0 [402]']).toBe(1);
		expect(submitted['stopper 1']).toBeUndefined();
		expect(submitted['stopper 2']).toBeUndefined();
	});
});
