import { REDACTED, scrubbedLogger, secretScrubber } from '../../nodes/Bfl/core/trust/scrub';

const KEYS = ['0f3c2a1e-9b8d-4c7e-a6f5-1d2e3f4a5b6c', 'sk_live.$(weird)+key*', 'short-key-123'];
const EMBEDDINGS: Array<(key: string) => unknown> = [
	(key) => key,
	(key) => `x-key: ${key}`,
	(key) => `X-Key:${key}\r\nhost: api.bfl.ai`,
	(key) => JSON.stringify({ headers: { 'x-key': key, accept: '*/*' } }),
	(key) => `https://gw.example.com/poll?x_key=${key}&id=1`,
	(key) => ({ details: { request: { headers: { 'x-key': key } } } }),
	(key) => ({ list: [`echo ${key} echo`, { deep: [key] }] }),
	(key) => ({ [key]: 'as a field name' }),
	(key) => `<pre>${key}${key}</pre>`,
];

describe('secretScrubber', () => {
	it.each(KEYS)('leaves no trace of %s in any embedding', (key) => {
		const scrub = secretScrubber([key]);
		for (const embed of EMBEDDINGS) {
			const out = JSON.stringify(scrub(embed(key)));
			expect([embed(key), out.includes(key)]).toEqual([embed(key), false]);
			expect(out).toContain(REDACTED);
		}
	});

	it('redacts any x-key value even when the key itself is unknown', () => {
		const scrub = secretScrubber([]);
		expect(scrub('x-key: abcdef123 and "x-key":"zzz"')).toBe(
			`x-key: ${REDACTED} and "x-key":"${REDACTED}"`,
		);
	});

	it('leaves text without secrets as it is, and does not mutate its input', () => {
		const scrub = secretScrubber(['0f3c2a1e-9b8d-4c7e']);
		const input = {
			status: 'Error',
			details: { reason: 'bad prompt', n: 3, ok: true, none: null },
		};
		const copy = JSON.parse(JSON.stringify(input));
		expect(scrub(input)).toEqual(copy);
		expect(input).toEqual(copy);
		expect(secretScrubber(['a'])('a banana')).toBe('a banana');
	});
});

describe('scrubbedLogger', () => {
	it('scrubs every level, message and metadata, before n8n sees them', () => {
		const seen: unknown[] = [];
		const record = (level: string) => (message: string, metadata?: Record<string, unknown>) =>
			seen.push([level, message, metadata]);
		const log = scrubbedLogger(
			{
				debug: record('debug'),
				info: record('info'),
				warn: record('warn'),
				error: record('error'),
			},
			secretScrubber(['sk-logged-secret']),
		);
		log.debug('status Rendering sk-logged-secret', { status: 'x-key: sk-logged-secret' });
		log.info('plain');
		log.warn('w sk-logged-secret');
		log.error('e', { nested: ['sk-logged-secret'] });
		expect(seen).toEqual([
			['debug', 'status Rendering [redacted]', { status: 'x-key: [redacted]' }],
			['info', 'plain', undefined],
			['warn', 'w [redacted]', undefined],
			['error', 'e', { nested: ['[redacted]'] }],
		]);
	});
});
