// @ts-check
/**
 * Fault scenarios for the chaos suite. Each sets up the fake BFL, may tag prompts, and says which
 * items may end in an error (and with what message). Fault counts scale with the item count.
 */

const ERROR = {
	network: /^Could not reach BFL for the flux-2-pro request: the connection was (reset|closed)/,
	submit502: /^BFL failed to process the flux-2-pro request \(502\)/,
	moderated: /^BFL moderation blocked/,
	failed: /^BFL could not generate the image \((Error|Failed)\)/,
	expired: /^The result URL expired at .* before the image could be downloaded/,
};

/**
 * @typedef {{ name: string, setup: (fake: import('../fake-bfl').FakeBfl, n: number) => void, tag?: (i: number) => string, allowedErrors?: RegExp, exactErrors?: (n: number) => number, options?: object }} Scenario
 * @typedef {Omit<Scenario, 'setup'> & { setup?: Scenario['setup'] }} ScenarioSpec
 */

/** @type {ScenarioSpec[]} */
const SPECS = [
	{
		name: '429 storm, account cap 8, Retry-After 1 s',
		setup: (fake) => fake.configure({ concurrencyCap: 8, retryAfterSeconds: 1 }),
	},
	{
		name: '429 storm, account cap 5, no Retry-After',
		setup: (fake) => fake.configure({ concurrencyCap: 5 }),
	},
	{
		name: '500, 502 and 503 on polls and downloads',
		setup: (fake, n) => {
			const k = Math.ceil(n / 6);
			fake.injectFault({ target: 'poll', status: 500, count: k });
			fake.injectFault({ target: 'poll', status: 503, count: k, headers: { 'retry-after': '0' } });
			fake.injectFault({ target: 'poll', action: 'html', status: 502, count: k });
			fake.injectFault({ target: 'delivery', status: 500, count: k });
			fake.injectFault({ target: 'delivery', status: 503, count: k });
		},
	},
	{
		name: 'connection resets and stalled responses',
		options: { requestTimeout: 1 },
		setup: (fake, n) => {
			const k = Math.ceil(n / 8);
			fake.injectFault({ target: 'poll', action: 'reset', count: k });
			fake.injectFault({ target: 'delivery', action: 'reset', count: k });
			fake.injectFault({ target: 'poll', action: 'stall', stallMs: 4000, count: k });
			fake.injectFault({ target: 'delivery', action: 'stall', stallMs: 4000, count: k });
			fake.injectFault({ target: 'submit', action: 'reset-after', count: 2 });
			fake.injectFault({ target: 'submit', action: 'reset-before', count: 1 });
		},
		allowedErrors: ERROR.network,
		exactErrors: () => 3,
	},
	{
		name: 'malformed JSON and HTML pages from a proxy',
		setup: (fake, n) => {
			const k = Math.ceil(n / 6);
			fake.injectFault({ target: 'poll', action: 'malformed-json', count: k });
			fake.injectFault({ target: 'poll', action: 'html', status: 504, count: k });
			fake.injectFault({ target: 'delivery', action: 'html', status: 502, count: k });
			fake.injectFault({ target: 'submit', action: 'html', status: 502, count: 2 });
		},
		allowedErrors: ERROR.submit502,
		exactErrors: () => 2,
	},
	{
		name: '"Task not found" first, then unknown in-flight statuses',
		setup: (fake) =>
			fake.configure({
				notFoundPolls: 3,
				inFlightStatuses: ['Pending', 'Reasoning', 'Queued', 'Generating'],
			}),
	},
	{
		name: 'Content and Request Moderated, Error and Failed',
		tag: (i) =>
			['', ' [content-moderated]', ' [request-moderated]', ' [error]', ' [failed]', ''][i % 6],
		allowedErrors: new RegExp(`${ERROR.moderated.source}|${ERROR.failed.source}`),
		exactErrors: (n) =>
			Array.from({ length: n }, (_, i) => i % 6).filter((r) => r >= 1 && r <= 4).length,
	},
	{
		name: 'delivery URLs that expire before the download',
		// A signed expiry before the task's end: every download comes too late, as after a long Wait node.
		setup: (fake) => fake.configure({ urlTtlMs: -1000 }),
		allowedErrors: ERROR.expired,
		exactErrors: (n) => n,
	},
	{
		name: 'a 422 whose body is a task result',
		setup: (fake, n) =>
			fake.injectFault({
				target: 'poll',
				status: 422,
				count: Math.ceil(n / 8),
				body: {
					id: 'from-proxy',
					status: 'Error',
					result: null,
					details: { error: 'Input image could not be decoded' },
				},
			}),
		allowedErrors: /^BFL could not generate the image \(Error\): Input image could not be decoded$/,
		exactErrors: (n) => Math.ceil(n / 8),
	},
];

/** @type {Scenario[]} */
const SCENARIOS = SPECS.map((scenario) => ({ setup: () => {}, ...scenario }));

module.exports = { SCENARIOS };
