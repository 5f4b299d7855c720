/**
 * Internal addresses in forms the host rules once missed (issue 26 items 2 and 7): `localhost.`
 * with its trailing dot, and IPv6 addresses that carry an internal IPv4 address (IPv4-compatible
 * `::127.0.0.1`, NAT64 `64:ff9b::/96`). A Global credential is used (BFL's real host names served
 * from loopback, test/helpers/realHosts.js), so the internal-address rule is the only guard: with
 * Allow Downloads From Any Host on, nothing but that rule stands between a sample URL and this
 * machine.
 */
import { runBfl } from '../helpers/bflWorkflow';
import { json, startHostile } from '../helpers/hostile';
import { mapHosts, serverTls } from '../helpers/realHosts';

const CALLER = 'caller-internal-names-26';
type Hostile = Awaited<ReturnType<typeof startHostile>>;
const routes: Parameters<typeof startHostile>[0] = {};
let api: Hostile;
let local: Hostile;
let unmap: () => void;

beforeAll(async () => {
	api = await startHostile(routes, { tls: serverTls() });
	local = await startHostile({ '/x': (_req, res) => json(res, 200, { stolen: true }) });
	unmap = mapHosts(['api.bfl.ai', 'api.eu4.bfl.ai'], api.port);
});
afterAll(async () => {
	unmap();
	await Promise.all([api.close(), local.close()]);
});

const run = (sample: string) => {
	const id = '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c';
	routes['POST api.bfl.ai/v1/flux-2-pro'] = (_req, res) =>
		json(res, 200, { id, polling_url: `https://api.eu4.bfl.ai/v1/get_result?id=${id}` });
	routes['GET api.eu4.bfl.ai/v1/get_result'] = (_req, res) =>
		json(res, 200, { id, status: 'Ready', result: { sample } });
	return runBfl({
		parameters: {
			resource: 'image',
			operation: 'generate',
			model: 'flux-2-pro',
			prompt: 'a lighthouse',
			width: 512,
			height: 512,
			options: { pollInterval: 0.2, timeout: 30, allowAnyDownloadHost: true },
		},
		credentials: { apiKey: CALLER, region: 'global', finetuneRegion: 'auto' },
	});
};

describe('a sample URL on an internal address is refused even with any host allowed', () => {
	it.each([
		['localhost. (trailing dot)', () => `http://localhost.:${local.port}/x`],
		['a name under localhost. (trailing dot)', () => `http://db.localhost.:${local.port}/x`],
		['LOCALHOST. in upper case', () => `http://LOCALHOST.:${local.port}/x`],
		['an IPv4-compatible IPv6 address ::127.0.0.1', () => `http://[::127.0.0.1]:${local.port}/x`],
		['a NAT64 address of 127.0.0.1', () => `http://[64:ff9b::127.0.0.1]:${local.port}/x`],
		['a NAT64 address of the cloud metadata service', () => 'http://[64:ff9b::a9fe:a9fe]/latest'],
		['a local-use NAT64 address of 10.0.0.1', () => 'http://[64:ff9b:1::a00:1]/x'],
	])('%s', async (_, sample) => {
		const { error } = await run(sample());
		expect(error?.message).toMatch(
			/^Refusing to download the result from .*: it points at a loopback, private or link-local address/,
		);
		expect(local.requests).toEqual([]);
	});
});
