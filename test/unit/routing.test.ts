import {
	ConfigurationError,
	resolveEndpoints,
	tryResolveEndpoints,
} from '../../nodes/Bfl/core/trust/routing';

describe('resolveEndpoints', () => {
	it.each([
		['global', 'https://api.bfl.ai', undefined],
		['eu', 'https://api.eu.bfl.ai', 'https://api.eu1.bfl.ai'],
		['us', 'https://api.us.bfl.ai', 'https://api.us1.bfl.ai'],
		['eu1', 'https://api.eu1.bfl.ai', 'https://api.eu1.bfl.ai'],
		['us1', 'https://api.us1.bfl.ai', 'https://api.us1.bfl.ai'],
	] as const)('routes region %s to %s with finetunes on %s', (region, api, finetune) => {
		const endpoints = resolveEndpoints({ region, finetuneRegion: 'auto' });
		expect(endpoints).toEqual({ apiBaseUrl: api, finetuneBaseUrl: finetune });
	});

	it('pins global finetunes to the chosen single cluster', () => {
		expect(resolveEndpoints({ region: 'global', finetuneRegion: 'eu1' }).finetuneBaseUrl).toBe(
			'https://api.eu1.bfl.ai',
		);
		expect(resolveEndpoints({ region: 'global', finetuneRegion: 'us1' }).finetuneBaseUrl).toBe(
			'https://api.us1.bfl.ai',
		);
	});

	it('sends finetune calls to the region itself with Same as Region, where BFL now lists them', () => {
		expect(resolveEndpoints({ region: 'global', finetuneRegion: 'same' }).finetuneBaseUrl).toBe(
			'https://api.bfl.ai',
		);
		expect(resolveEndpoints({ region: 'global', finetuneRegion: 'auto' }).finetuneBaseUrl).toBe(
			undefined,
		);
		expect(resolveEndpoints({ region: 'eu', finetuneRegion: 'same' }).finetuneBaseUrl).toBe(
			'https://api.eu1.bfl.ai',
		);
		expect(
			resolveEndpoints({
				region: 'custom',
				baseUrl: 'http://127.0.0.1:9/x',
				finetuneRegion: 'same',
			}).finetuneBaseUrl,
		).toBe('http://127.0.0.1:9/x');
	});

	it('never lets a finetune choice move a fixed region to another cluster', () => {
		expect(resolveEndpoints({ region: 'eu', finetuneRegion: 'us1' }).finetuneBaseUrl).toBe(
			'https://api.eu1.bfl.ai',
		);
	});

	it('uses a custom base URL for everything, trimmed, and trusts its hostname', () => {
		expect(resolveEndpoints({ region: 'custom', baseUrl: ' http://127.0.0.1:8787/bfl/ ' })).toEqual(
			{
				apiBaseUrl: 'http://127.0.0.1:8787/bfl',
				finetuneBaseUrl: 'http://127.0.0.1:8787/bfl',
				customHostname: '127.0.0.1',
				customBaseUrl: 'http://127.0.0.1:8787/bfl',
			},
		);
		expect(
			resolveEndpoints({
				region: 'custom',
				baseUrl: 'https://gw.example.com',
				finetuneRegion: 'us1',
			}).finetuneBaseUrl,
		).toBe('https://api.us1.bfl.ai');
	});

	it.each([
		['', /is not a valid URL/],
		['gateway.example.com', /is not a valid URL/],
		['ftp://gateway.example.com', /must start with https:\/\/ or http:\/\//],
		['file:///etc/passwd', /must start with https:\/\/ or http:\/\//],
		['https://user:pw@gateway.example.com', /must not contain credentials/],
		['https://gateway.example.com/?x=1', /must not contain credentials, a query string/],
	])('rejects the malformed custom base URL %j', (baseUrl, message) => {
		expect(() => resolveEndpoints({ region: 'custom', baseUrl })).toThrow(ConfigurationError);
		expect(tryResolveEndpoints({ region: 'custom', baseUrl })).toEqual({
			ok: false,
			message: expect.stringMatching(message),
		});
	});
});
