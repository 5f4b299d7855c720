import type { INodeExecutionData } from 'n8n-workflow';
import { manualClock, startFakeBfl, type FakeBfl } from '../fake-bfl';
import { runBfl, simulatorCredentials } from './bflWorkflow';

/**
 * One fake BFL for a test file, reset before each test, and a Generate runner against it with
 * the node's usual parameters (any of which a test overrides). `state.held` is a second fake on
 * a manual clock: its tasks finish only when the test advances it.
 */
export function useGenerateFixture(caller: string) {
	const state = {} as { fake: FakeBfl; held: FakeBfl };
	beforeAll(async () => {
		state.fake = await startFakeBfl({ apiKey: caller, latencyMs: 150 });
		state.held = await startFakeBfl({ apiKey: caller, latencyMs: 400, clock: manualClock() });
	});
	afterAll(async () => await Promise.all([state.fake.close(), state.held.close()]));
	beforeEach(() => {
		state.fake.configure({ latencyMs: 150, notFoundPolls: 0, urlTtlMs: 600_000 });
		state.fake.clearFaults();
		state.fake.resetStats();
		state.held.resetStats();
	});
	const generate = (
		parameters: Record<string, unknown> = {},
		input?: INodeExecutionData[],
		continueOnFail = false,
		fake: FakeBfl = state.fake,
	) =>
		runBfl({
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
			credentials: simulatorCredentials(fake.apiBase, caller),
		});
	const expectNoKeyAnywhere = (value: unknown) => {
		expect(JSON.stringify(value)).not.toContain(caller);
		expect(state.fake.stats().keyLeaks).toEqual([]);
	};
	return { state, generate, expectNoKeyAnywhere };
}

export const prompts = (...texts: string[]) => texts.map((prompt) => ({ json: { prompt } }));
