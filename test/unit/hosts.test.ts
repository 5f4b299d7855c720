import { BFL_API_HOSTS_SEEN } from '../../nodes/Bfl/catalog/regions';
import {
	downloadRefusal,
	isBflApiHost,
	isBflDeliveryHost,
	isInternalHost,
	mayReceiveKey,
	parseHttpUrl,
} from '../../nodes/Bfl/core/trust/hosts';

describe('mayReceiveKey: BFL API hosts', () => {
	it.each(BFL_API_HOSTS_SEEN)(
		'trusts every API host seen in real answers over https: %s',
		(host) => {
			expect(mayReceiveKey(`https://${host}/v1/get_result?id=1`)).toBe(true);
			expect(mayReceiveKey(`https://${host.toUpperCase()}/v1/get_result?id=1`)).toBe(true);
			expect(mayReceiveKey(`https://${host}./v1/get_result?id=1`)).toBe(true);
			expect(mayReceiveKey(`https://${host}:443/v1/get_result?id=1`)).toBe(true);
		},
	);

	it.each(['api.eu9.bfl.ai', 'api.apac1.bfl.ai', 'api.x-1.bfl.ai', 'API.EU4.BFL.AI.'])(
		'trusts a cluster nobody has seen yet by the rule api.<one label>.bfl.ai: %s',
		(host) => {
			expect(mayReceiveKey(`https://${host}/v1/get_result?id=1`)).toBe(true);
		},
	);

	it.each(BFL_API_HOSTS_SEEN)('refuses %s over http, on another port, or with userinfo', (host) => {
		expect(mayReceiveKey(`http://${host}/v1/get_result`)).toBe(false);
		expect(mayReceiveKey(`https://${host}:8443/v1/get_result`)).toBe(false);
		expect(mayReceiveKey(`https://user:pw@${host}/v1/get_result`)).toBe(false);
	});

	it.each([
		['the website', 'https://www.bfl.ai/'],
		['the dashboard', 'https://dashboard.bfl.ai/'],
		['a delivery host', 'https://delivery-eu1.bfl.ai/results/x/sample.jpeg'],
		['a host under a delivery host', 'https://cdn.delivery.bfl.ai/x'],
		['a name two labels below api', 'https://api.eu4.x.bfl.ai/v1/get_result'],
		['a name above api', 'https://x.api.bfl.ai/v1/get_result'],
		['a prefix before api', 'https://xapi.bfl.ai/v1/get_result'],
		['a hyphen instead of a dot', 'https://api-eu4.bfl.ai/v1/get_result'],
		['a label that starts with a hyphen', 'https://api.-eu4.bfl.ai/v1/get_result'],
		['an empty label', 'https://api..bfl.ai/v1/get_result'],
		['the cdn', 'https://cdn.bfl.ai/x'],
		['a blob delivery host', 'https://bfldeliveryprodeu4.blob.core.windows.net/x'],
		['api.bfl.ai under another domain', 'https://api.bfl.ai.evil.example/v1/get_result'],
		['api.bfl.ai without its dot', 'https://apibfl.ai/v1/get_result'],
		['the bare domain', 'https://bfl.ai/v1/get_result'],
		['a look-alike domain', 'https://api.bfl.ai.evil.com/v1/get_result'],
		['a suffix without the dot', 'https://evilbfl.ai/v1/get_result'],
		['userinfo smuggling', 'https://api.bfl.ai@evil.com/v1/get_result'],
		['a file URL', 'file:///etc/passwd'],
		['a data URL', 'data:text/plain,hi'],
		['a relative URL', '/v1/get_result?id=1'],
		['garbage', 'not a url'],
		['a non-string', 42],
	])('refuses %s', (_, url) => {
		expect(mayReceiveKey(url)).toBe(false);
		expect(mayReceiveKey(url, 'https://gw.example.com')).toBe(false);
	});
});

describe('mayReceiveKey: the custom base URL origin', () => {
	const base = 'https://gw.example.com:8443/bfl';

	it('trusts the exact origin, whatever the path', () => {
		expect(mayReceiveKey('https://gw.example.com:8443/poll?id=1', base)).toBe(true);
		expect(mayReceiveKey('https://GW.example.com:8443/x', base)).toBe(true);
	});

	it.each([
		['http on the same host and port (downgrade)', 'http://gw.example.com:8443/poll'],
		['another port', 'https://gw.example.com:9443/poll'],
		['the default port', 'https://gw.example.com/poll'],
		['a sub-domain', 'https://a.gw.example.com:8443/poll'],
		['a parent domain', 'https://example.com:8443/poll'],
		['userinfo', 'https://u:p@gw.example.com:8443/poll'],
	])('refuses %s', (_, url) => {
		expect(mayReceiveKey(url, base)).toBe(false);
	});

	it('treats an explicit default port as the default port', () => {
		expect(mayReceiveKey('https://gw.example.com/poll', 'https://gw.example.com:443')).toBe(true);
		expect(mayReceiveKey('https://gw.example.com:443/poll', 'https://gw.example.com')).toBe(true);
	});

	it('accepts any port of a loopback base host name, same scheme only (simulators)', () => {
		expect(mayReceiveKey('http://127.0.0.1:9999/v1/get_result', 'http://127.0.0.1:8787')).toBe(
			true,
		);
		expect(mayReceiveKey('https://127.0.0.1:9999/x', 'http://127.0.0.1:8787')).toBe(false);
		expect(mayReceiveKey('http://localhost:9999/x', 'http://127.0.0.1:8787')).toBe(false);
		expect(mayReceiveKey('http://127.0.0.2:8787/x', 'http://127.0.0.1:8787')).toBe(false);
	});
});

describe('result downloads', () => {
	const bfl = { allowAnyHost: false };

	it.each([
		'https://delivery-eu1.bfl.ai/results/x/sample.jpeg?se=1&sig=2',
		'https://delivery-us.bfl.ai/x',
		'https://delivery.us.bfl.ai/x',
		'https://delivery.bfl.ai/x',
		'https://bfldeliveryprod.blob.core.windows.net/x',
		'https://bfldeliveryprodeu4.blob.core.windows.net/results/x/sample.jpeg?se=1&sig=2',
		'https://bfldeliveryscus.blob.core.windows.net/x',
		'https://BFLDELIVERYPRODEU4.blob.core.windows.net./x',
		'https://delivery-eu1.bfl.ai./x',
	])('allows the BFL delivery host of %s', (url) => {
		expect(isBflDeliveryHost(new URL(url))).toBe(true);
		expect(downloadRefusal(url, bfl)).toBeUndefined();
	});

	it.each([
		'http://delivery-eu1.bfl.ai/x',
		'https://api.bfl.ai/x',
		'https://www.bfl.ai/x',
		'https://deliveryx.evil.com/x',
		'https://delivery-eu1.bfl.ai.evil.com/x',
		'https://example.com/sample.jpeg',
		'http://bfldeliveryprodeu4.blob.core.windows.net/x',
		'https://evilbfldelivery.blob.core.windows.net/x',
		'https://bfldelivery-eu4.blob.core.windows.net/x',
		'https://bfldeliveryprodeu4toolongname.blob.core.windows.net/x',
		'https://bfldeliveryprodeu4.queue.core.windows.net/x',
		'https://bfldeliveryprodeu4.blob.core.windows.net.evil.com/x',
		'https://attacker.blob.core.windows.net/x',
	])('refuses %s by default, naming the option that allows it', (url) => {
		expect(downloadRefusal(url, bfl)).toMatch(/Allow Downloads From Any Host/);
	});

	it.each([
		'http://127.0.0.1/x',
		'http://127.9.9.9:8080/x',
		'http://localhost:3000/x',
		'http://db.localhost/x',
		'http://[::1]/x',
		'http://10.1.2.3/x',
		'http://172.16.0.1/x',
		'http://172.31.255.255/x',
		'http://192.168.1.1/x',
		'http://169.254.169.254/latest/meta-data',
		'http://100.64.0.1/x',
		'http://0.0.0.0/x',
		'http://[fe80::1]/x',
		'http://[fd00::1]/x',
		'http://[::ffff:127.0.0.1]/x',
		'http://localhost./x',
		'http://db.localhost./x',
		'http://LOCALHOST.:8080/x',
		'http://127.0.0.1./x',
		'http://[::127.0.0.1]/x',
		'http://[::10.0.0.1]/x',
		'http://[64:ff9b::127.0.0.1]/x',
		'http://[64:ff9b::a9fe:a9fe]/x',
		'http://[64:ff9b:1::192.168.0.1]/x',
		'http://[0:0:0:0:0:ffff:7f00:1]/x',
		'http://[::]/x',
	])('refuses the internal address %s even with any host allowed', (url) => {
		const refusal = /loopback, private or link-local/;
		expect(downloadRefusal(url, bfl)).toMatch(refusal);
		expect(downloadRefusal(url, { allowAnyHost: true })).toMatch(refusal);
		expect(
			downloadRefusal(url, { allowAnyHost: true, customBaseUrl: 'https://gw.example.com' }),
		).toMatch(refusal);
	});

	it.each([
		'http://172.32.0.1/x',
		'http://8.8.8.8/x',
		'http://[2001:db8::1]/x',
		'http://11.0.0.1/x',
		'http://[64:ff9b::8.8.8.8]/x',
		'http://[::ffff:8.8.8.8]/x',
		'http://[2001:4860::127.0.0.1]/x',
		'http://notlocalhost/x',
		'http://localhost.example.com/x',
	])('does not call the public address %s internal', (url) => {
		expect(isInternalHost(new URL(url).hostname)).toBe(false);
	});

	it('allows internal addresses only when the custom base URL is internal itself', () => {
		const local = { allowAnyHost: false, customBaseUrl: 'http://127.0.0.1:8787' };
		expect(downloadRefusal('http://127.0.0.1:39000/results/x.jpeg', local)).toBeUndefined();
		expect(downloadRefusal('http://localhost:39000/x', local)).toMatch(/Allow Downloads/);
		expect(
			downloadRefusal('http://localhost:39000/x', { ...local, allowAnyHost: true }),
		).toBeUndefined();
	});

	it("allows the custom base URL's host name on any port, and other hosts only when asked", () => {
		const gw = { allowAnyHost: false, customBaseUrl: 'https://gw.example.com' };
		expect(downloadRefusal('https://gw.example.com:9000/files/x.png', gw)).toBeUndefined();
		expect(downloadRefusal('https://cdn.example.com/x.png', gw)).toMatch(/Allow Downloads/);
		expect(
			downloadRefusal('https://cdn.example.com/x.png', { ...gw, allowAnyHost: true }),
		).toBeUndefined();
	});

	it('refuses non-http URLs and userinfo always', () => {
		expect(downloadRefusal('file:///etc/passwd', { allowAnyHost: true })).toMatch(/not an http/);
		expect(downloadRefusal('https://u:p@delivery-eu1.bfl.ai/x', bfl)).toMatch(/user name/);
	});
});

it('parses only absolute http(s) URLs', () => {
	expect(parseHttpUrl('https://api.bfl.ai')?.hostname).toBe('api.bfl.ai');
	expect(parseHttpUrl('javascript:alert(1)')).toBeUndefined();
	expect(isBflApiHost(new URL('https://delivery.us.bfl.ai/x'))).toBe(false);
});
