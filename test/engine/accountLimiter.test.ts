import { LimiterRun } from '../../nodes/Bfl/core/pacing/limiterRun';
import { manualClock, startFakeBfl, type FakeBfl } from '../fake-bfl';
import { startBflWorkflow, simulatorCredentials } from '../helpers/bflWorkflow';
import { outputOf, errorOf } from '../helpers/engine';
import { n8nLogger } from '../helpers/n8nLogger';
import { advanceUntilSettled, waitFor } from '../helpers/wait';

/**
 * Several executions at once in one process share the account's cap through the node's
 * process-wide limiter (core/pacing/limiter). Assertions are counts and orders, never timings: where an
 * order matters, the simulator runs on a manual clock, so its tasks end only when the test says.
 */
const CALLER = 'limiter-caller-0123456789';
let fake: FakeBfl;

// 192 items through a 24-slot account on a busy 2-core machine: a timeout only against a hang.
jest.setTimeout(120_000);

// A fresh simulator per test is a fresh host, hence a fresh account with its own limit.
async function startAccount(clock?: ReturnType<typeof manualClock>) {
	fake = await startFakeBfl({ apiKey: CALLER, latencyMs: 200, imageBytes: 2048, clock });
}
afterEach(async () => await fake.close());

/** The runs in the order the limiter granted them slots, named by the order they first asked. */
function recordGrants() {
	const acquire = LimiterRun.prototype.acquire;
	const names = new Map<LimiterRun, number>();
	const grants: number[] = [];
	const asked: number[] = [];
	const spy = jest.spyOn(LimiterRun.prototype, 'acquire').mockImplementation(async function (
		this: LimiterRun,
		key: string,
		keyCap: number,
	) {
		if (!names.has(this)) names.set(this, names.size);
		const name = names.get(this) ?? -1;
		asked[name] = (asked[name] ?? 0) + 1;
		const slot = await acquire.call(this, key, keyCap);
		grants.push(name);
		return slot;
	});
	return { grants, asked, restore: () => spy.mockRestore() };
}

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

/** A Video → Generate (Text to Video) execution of `count` items, without downloads. */
function startVideo(label: string, count: number) {
	return startBflWorkflow({
		parameters: {
			resource: 'video',
			operation: 'generate',
			videoMode: 't2v',
			prompt: '={{ $json.prompt }}',
			options: { pollInterval: 1, download: false },
		},
		input: Array.from({ length: count }, (_, i) => ({ json: { prompt: `${label} ${i}` } })),
		credentials: simulatorCredentials(fake.apiBase, CALLER),
	});
}

async function finished(label: string, running: ReturnType<typeof start>) {
	const run = await running.done;
	return { label, items: outputOf(run, 'BFL') ?? [], error: errorOf(run, 'BFL') };
}

describe('the account limiter in the n8n engine', () => {
	it('runs 4 simultaneous executions of 48 items under the cap: no 429, nothing lost', async () => {
		await startAccount();
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
		await startAccount(manualClock());
		const order = recordGrants();
		try {
			const big = start('big', 96);
			await waitFor(() => fake.stats().accepted >= 24, 'the large run to fill the account');
			const small = start('small', 4);
			// The account is full and its tasks stand still until the clock moves: the small run's
			// four items can only queue.
			await waitFor(() => order.asked[1] === 4, 'the small run to queue its items');
			const both = Promise.all([finished('big', big), finished('small', small)]);
			const [bigRun, smallRun] = await advanceUntilSettled(fake, both);
			expect(bigRun.items).toHaveLength(96);
			expect(smallRun.items).toHaveLength(4);
			// First come first served over items would put the small run (1) behind all 96 of the
			// large one (0); sharing by slots held gives it the first four slots that free up.
			expect(order.grants.slice(0, 24)).toEqual(Array(24).fill(0));
			expect(order.grants.slice(24, 28)).toEqual([1, 1, 1, 1]);
			expect(order.grants).toHaveLength(100);
			expect(fake.stats().status429).toBe(0);
		} finally {
			order.restore();
		}
	});

	it('absorbs 429s from a smaller real cap by lowering its limit, and logs them per run', async () => {
		await startAccount(manualClock());
		// Another process holds half of the account: BFL accepts only 12 more.
		fake.configure({ concurrencyCap: 12 });
		const debug = jest.spyOn(n8nLogger(), 'debug');
		try {
			const running = finished('e1', start('e1', 48));
			// Nothing ends before the clock moves, so the limiter's first burst of 24 meets the cap.
			await waitFor(() => fake.stats().status429 > 0, 'the first 429');
			const { items, error } = await advanceUntilSettled(fake, running);
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
			// The limiter's log metadata, typed loosely by the logger. The limit halved at the first
			// burst at least; by the end it may have climbed back, as the last items met no 429.
			const meta = lines[0][1] as { lowestAccountLimit?: number } | undefined;
			expect(meta?.lowestAccountLimit).toBeLessThanOrEqual(12);
			expect(JSON.stringify(lines)).not.toContain(CALLER);
		} finally {
			debug.mockRestore();
		}
	});

	it('after the node stops at an error, its items still queued for a slot never submit', async () => {
		await startAccount(manualClock());
		fake.configure({ latencyMs: 1000 });
		// One task of the large run ends first, the other 23 take 5 s of the simulator's clock.
		const holder = start(
			'holder',
			24,
			Array.from({ length: 24 }, (_, i) => (i === 0 ? 'holder 0' : `holder ${i} [slow]`)),
		);
		await waitFor(() => fake.stats().accepted >= 24, 'the large run to fill the account');
		const stopped = start('stopper', 3, ['stopper 0 [402]', 'stopper 1', 'stopper 2']);
		// One slot frees, then none until the stopper has ended at its 402.
		fake.advance(1000);
		const stopRun = await finished('stopper', stopped);
		const holdRun = await advanceUntilSettled(fake, finished('holder', holder));
		expect(holdRun.items).toHaveLength(24);
		expect(stopRun.error?.message).toMatch(/402|credits/i);
		const submitted = fake.stats().submitsByPrompt;
		expect(submitted['stopper 0 [402]']).toBe(1);
		expect(submitted['stopper 1']).toBeUndefined();
		expect(submitted['stopper 2']).toBeUndefined();
	});

	/**
	 * Starts `second` while `first` holds its slots (the simulator's clock stands still), and moves
	 * the clock only once the second run has asked for its five slots, or got a 429 for trying.
	 */
	async function overlap<T>(
		first: ReturnType<typeof start>,
		filled: number,
		second: () => ReturnType<typeof start>,
		settle: (a: ReturnType<typeof start>, b: ReturnType<typeof start>) => Promise<T>,
	): Promise<T> {
		const order = recordGrants();
		try {
			await waitFor(() => fake.stats().accepted >= filled, 'the first run to take its slots');
			const late = second();
			await waitFor(
				() => fake.stats().status429 > 0 || order.asked[1] >= 5,
				'the second run to ask for five slots',
			);
			return await advanceUntilSettled(fake, settle(first, late), 500);
		} finally {
			order.restore();
		}
	}

	it('keeps two simultaneous video executions of 25 items within the video cap of 5 together', async () => {
		await startAccount(manualClock());
		fake.configure({ credits: 1_000_000 });
		const runs = await overlap(
			startVideo('v1', 25),
			5,
			() => startVideo('v2', 25),
			async (a, b) => await Promise.all([finished('v1', a), finished('v2', b)]),
		);
		for (const { items, error } of runs) {
			expect(error).toBeUndefined();
			expect(items).toHaveLength(25);
			expect(
				items.every((item: { json: { status?: string } }) => item.json.status === 'Ready'),
			).toBe(true);
		}
		const stats = fake.stats();
		expect(stats.status429).toBe(0);
		expect(stats.accepted).toBe(50);
		expect(stats.submits).toBe(50);
		expect(stats.peakVideoInFlight).toBe(5);
	});

	it('counts video tasks in the account: an image run and a video run together stay within 24', async () => {
		await startAccount(manualClock());
		fake.configure({ credits: 1_000_000 });
		const [imageRun, videoRun] = await overlap(
			start('img', 48),
			24,
			() => startVideo('vid', 10),
			async (a, b) => await Promise.all([finished('img', a), finished('vid', b)]),
		);
		expect(imageRun.error).toBeUndefined();
		expect(videoRun.error).toBeUndefined();
		expect(imageRun.items).toHaveLength(48);
		expect(videoRun.items).toHaveLength(10);
		const stats = fake.stats();
		expect(stats.status429).toBe(0);
		expect(stats.accepted).toBe(58);
		expect(stats.submits).toBe(58);
		expect(stats.peakInFlight).toBe(24);
		expect(stats.peakVideoInFlight).toBeLessThanOrEqual(5);
	});
});
