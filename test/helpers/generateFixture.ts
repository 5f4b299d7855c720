import { startFakeBfl, type FakeBfl } from '../fake-bfl';
import { runBfl, simulatorCredentials } from '../helpers/bflWorkflow';

/**
 * One fake BFL for a test file, reset before each test, and a Generate runner against it with
 * the node's usual parameters (any of which a test overrides).
 */
export function useGenerateFixture(caller: string) {
	const state: { fake: FakeBfl } = {} as { fake: FakeBfl };
	beforeAll(async () => {
		state.fake = await startFakeBfl({ apiKey: caller, latencyMs: 150 });
	});
	afterAll(async () => await state.fake.close());
	beforeEach(() => {
		state.fake.configure({ latencyMs: 150, notFoundPolls: 0, urlTtlMs: 600_000 });
		state.fake.clearFaults();
		state.fake.resetStats();
	});
	const generate = (
		parameters: Record<string, unknown> = {},
		input?: Array<Record<string, unknown>>,
		continueOnFail = false,
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
			credentials: simulatorCredentials(state.fake.apiBase, caller),
		});
	const expectNoKeyAnywhere = (value: unknown) => {
		expect(JSON.stringify(value)).not.toContain(caller);
		expect(state.fake.stats().keyLeaks).toEqual([]);
	};
	return { state, generate, expectNoKeyAnywhere };
}

export const prompts = (...texts: string[]) => texts.map((prompt) => ({ json: { prompt } }));
