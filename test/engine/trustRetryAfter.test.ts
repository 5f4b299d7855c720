import { runBfl, simulatorCredentials } from '../helpers/bflWorkflow';
import { json, startHostile } from '../helpers/hostile';

/**
 * A server that answers every submit 429 with a Retry-After far in the future: the account pause
 * it asks for must not outlast the item's Timeout. The limiter caps a pause at 60 s; an item with
 * a 2 s Timeout must end long before that. The bound asserted (20 s) is far from both, so a busy
 * machine cannot make it fail, and the code before the fix (60 s, past the test's own limit) can.
 */
const CALLER = 'caller-retry-after-26';
jest.setTimeout(60_000);

const httpDateAnHourAhead = () => new Date(Date.now() + 3_600_000).toUTCString();

describe("a 429's Retry-After ends at the item's Timeout", () => {
	it.each([
		['99999 seconds', () => '99999'],
		['an HTTP date an hour ahead', httpDateAnHourAhead],
	])('Retry-After of %s, Timeout 2 s', async (_, retryAfter) => {
		// Counted from the first submit, so loading the node and the engine never counts.
		let firstSubmitAt = 0;
		const api = await startHostile({
			'POST /v1/flux-2-pro': (_req, res) => {
				firstSubmitAt ||= Date.now();
				json(res, 429, { detail: 'Too many active tasks' }, { 'retry-after': retryAfter() });
			},
		});
		try {
			const { error } = await runBfl({
				parameters: {
					resource: 'image',
					operation: 'generate',
					model: 'flux-2-pro',
					prompt: 'a patient river',
					width: 512,
					height: 512,
					options: { timeout: 2 },
				},
				credentials: simulatorCredentials(api.base, CALLER),
			});
			const seconds = (Date.now() - firstSubmitAt) / 1000;
			expect(error?.message).toMatch(/^BFL is at your account's limit of tasks in flight \(429\)/);
			expect(api.requests.filter((r) => r.method === 'POST').length).toBeGreaterThanOrEqual(1);
			expect(seconds).toBeLessThan(20);
		} finally {
			await api.close();
		}
	});
});
