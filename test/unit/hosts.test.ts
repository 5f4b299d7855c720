import { isBflApiHost, mayReceiveKey, parseHttpUrl } from '../../nodes/Bfl/core/hosts';

describe('mayReceiveKey', () => {
	it.each([
		'https://api.bfl.ai/v1/get_result?id=1',
		'https://api.us1.bfl.ai/v1/get_result?id=1',
		'https://api.eu2.bfl.ai/v1/get_result?id=1',
		'https://API.ISR.BFL.AI/v1/get_result?id=1',
	])('trusts the BFL API host of %s', (url) => {
		expect(mayReceiveKey(url)).toBe(true);
	});

	it.each([
		['plain http to BFL', 'http://api.bfl.ai/v1/get_result?id=1'],
		['a delivery host', 'https://delivery-eu1.bfl.ai/results/x/sample.jpeg'],
		['a look-alike domain', 'https://api.bfl.ai.evil.com/v1/get_result'],
		['a suffix without the dot', 'https://evilbfl.ai/v1/get_result'],
		['userinfo smuggling', 'https://api.bfl.ai@evil.com/v1/get_result'],
		['credentials in the URL', 'https://user:pw@api.bfl.ai/v1/get_result'],
		['a file URL', 'file:///etc/passwd'],
		['a data URL', 'data:text/plain,hi'],
		['a relative URL', '/v1/get_result?id=1'],
		['garbage', 'not a url'],
		['a non-string', 42],
	])('refuses %s', (_, url) => {
		expect(mayReceiveKey(url)).toBe(false);
	});

	it('trusts the custom base URL hostname on any port and scheme, and nothing else', () => {
		expect(mayReceiveKey('http://127.0.0.1:9999/v1/get_result?id=1', '127.0.0.1')).toBe(true);
		expect(mayReceiveKey('https://gw.example.com:8443/poll', 'GW.example.com')).toBe(true);
		expect(mayReceiveKey('http://localhost:9999/v1/get_result?id=1', '127.0.0.1')).toBe(false);
		expect(mayReceiveKey('http://sub.gw.example.com/poll', 'gw.example.com')).toBe(false);
		expect(mayReceiveKey('https://api.bfl.ai/v1/get_result', 'gw.example.com')).toBe(true);
	});

	it('parses only absolute http(s) URLs', () => {
		expect(parseHttpUrl('https://api.bfl.ai')?.hostname).toBe('api.bfl.ai');
		expect(parseHttpUrl('javascript:alert(1)')).toBeUndefined();
		expect(isBflApiHost(new URL('https://delivery.us.bfl.ai/x'))).toBe(false);
	});
});
