import * as workflow from 'n8n-workflow';
import type { IN8nHttpFullResponse, INode } from 'n8n-workflow';

import type { RateGate } from '../../nodes/Bfl/core/pacing/accounts';
import { sendWithRetries, type RequestContext } from '../../nodes/Bfl/transport/retry';

const ctx: RequestContext = {
	getNode: () => ({ name: 'BFL' }) as INode,
	helpers: { httpRequest: async () => await Promise.resolve({}) },
};

/** A server that answers 429 `refusals` times, then 200. */
function server(refusals: number) {
	let sent = 0;
	return {
		sent: () => sent,
		send: async (): Promise<IN8nHttpFullResponse> =>
			await Promise.resolve({
				statusCode: sent++ < refusals ? 429 : 200,
				headers: {},
				body: {},
			}),
	};
}

describe('sendWithRetries behind an account limiter', () => {
	it('leaves the spacing of 429 retries to the limiter and does not count them as attempts', async () => {
		const calls: string[] = [];
		const gate: RateGate = {
			accepted: () => calls.push('accepted'),
			rateLimited: () => calls.push('429'),
			pauseFor: async () => {
				calls.push('pause');
				return await Promise.resolve(true);
			},
		};
		const bfl = server(7);
		const sleep = jest.spyOn(workflow, 'sleep');
		const outcome = await sendWithRetries(ctx, { method: 'POST', maxAttempts: 2, gate }, bfl.send);
		expect(outcome).toMatchObject({ kind: 'response', response: { statusCode: 200 } });
		expect(bfl.sent()).toBe(8);
		expect(calls.filter((c) => c === 'pause')).toHaveLength(7);
		expect(calls.at(-1)).toBe('accepted');
		// No back-off of its own: the seven retries waited for nothing but the gate.
		expect(sleep).not.toHaveBeenCalled();
		sleep.mockRestore();
	});

	it("ends with the 429 when the limiter's wait reached the item's deadline", async () => {
		const untils: Array<number | undefined> = [];
		const gate: RateGate = {
			accepted: () => undefined,
			rateLimited: () => undefined,
			pauseFor: async (until) => {
				untils.push(until);
				return await Promise.resolve(false);
			},
		};
		const bfl = server(7);
		const deadline = Date.now() + 3_600_000;
		const outcome = await sendWithRetries(
			ctx,
			{ method: 'POST', maxAttempts: 2, deadline, gate },
			bfl.send,
		);
		expect(outcome).toMatchObject({ kind: 'response', response: { statusCode: 429 } });
		expect(bfl.sent()).toBe(1);
		expect(untils).toEqual([deadline]);
	});

	it('without a limiter, a 429 uses up an attempt', async () => {
		const bfl = server(7);
		const outcome = await sendWithRetries(ctx, { method: 'POST', maxAttempts: 1 }, bfl.send);
		expect(outcome).toMatchObject({ kind: 'response', response: { statusCode: 429 } });
		expect(bfl.sent()).toBe(1);
	});
});
