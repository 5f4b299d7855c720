import {
	AccountRegistry,
	IDLE_MS,
	MAX_IDLE_ACCOUNTS,
	accountKey,
	bindRun,
	rateGateOf,
	runOf,
} from '../../nodes/Bfl/core/pacing/accounts';

function clock() {
	const c = { time: 0, now: () => c.time, wake: async () => await Promise.resolve() };
	return c;
}

describe('accountKey', () => {
	it('hides the key and tells accounts and hosts apart', () => {
		const key = accountKey('secret-api-key-123', 'https://api.bfl.ai');
		expect(key).toMatch(/^[0-9a-f]{32}$/);
		expect(key).not.toContain('secret');
		expect(accountKey('secret-api-key-123', 'https://api.bfl.ai')).toBe(key);
		expect(accountKey('secret-api-key-124', 'https://api.bfl.ai')).not.toBe(key);
		expect(accountKey('secret-api-key-123', 'https://api.eu.bfl.ai')).not.toBe(key);
	});
});

describe('AccountRegistry', () => {
	it('shares one limiter per account', () => {
		const registry = new AccountRegistry(clock());
		const a = registry.limiterFor('a', 24);
		expect(registry.limiterFor('a', 24)).toBe(a);
		expect(registry.limiterFor('b', 24)).not.toBe(a);
	});

	it('stays bounded over thousands of accounts and runs', async () => {
		const c = clock();
		const registry = new AccountRegistry(c);
		for (let i = 0; i < 5_000; i++) {
			c.time += 1;
			const run = registry.limiterFor(`account-${i}`, 24).join();
			const slot = await run.acquire('m', 6);
			slot.release();
			run.close();
			expect(registry.size).toBeLessThanOrEqual(MAX_IDLE_ACCOUNTS);
		}
	});

	it('forgets an idle account after IDLE_MS, keeps a busy one however old', async () => {
		const c = clock();
		const registry = new AccountRegistry(c);
		const busy = registry.limiterFor('busy', 24);
		const run = busy.join();
		await run.acquire('m', 6);
		const idle = registry.limiterFor('idle', 24);
		idle.accepted();
		idle.rateLimited(c.time);
		// It held nothing when the 429 came: the limit is down to one.
		expect(idle.limit).toBe(1);
		c.time += IDLE_MS - 1;
		expect(registry.limiterFor('idle', 24)).toBe(idle);
		c.time += IDLE_MS;
		registry.limiterFor('other', 24);
		expect(registry.size).toBe(2);
		expect(registry.limiterFor('busy', 24)).toBe(busy);
		expect(registry.limiterFor('idle', 24)).not.toBe(idle);
		expect(registry.limiterFor('idle', 24).limit).toBe(24);
	});

	it('over the bound, drops the least recently used idle account, never a busy one', async () => {
		const c = clock();
		const registry = new AccountRegistry(c, 2);
		const busy = registry.limiterFor('busy', 24);
		await busy.join().acquire('m', 6);
		const first = registry.limiterFor('first', 24);
		registry.limiterFor('second', 24);
		registry.limiterFor('first', 24); // used again: now 'second' is the oldest idle one
		registry.limiterFor('third', 24);
		expect(registry.limiterFor('busy', 24)).toBe(busy);
		expect(registry.limiterFor('first', 24)).toBe(first);
		expect(registry.size).toBe(3);
	});
});

describe('run binding', () => {
	it('maps a context to its run only while bound', () => {
		const registry = new AccountRegistry(clock());
		const run = registry.limiterFor('a', 24).join();
		const context = {};
		bindRun(context, run);
		expect(runOf(context)).toBe(run);
		expect(rateGateOf(context)).toBe(run);
		bindRun(context, undefined);
		expect(runOf(context)).toBeUndefined();
	});
});
