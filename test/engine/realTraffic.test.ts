/**
 * Replays answers of the live BFL API that public projects recorded (test/realTraffic/recorded.js
 * says where each was recorded) through n8n's engine, under BFL's real host names: a connection
 * hook (test/helpers/realHosts.js) maps api.bfl.ai, the regional clusters and the delivery hosts
 * to one https server on loopback, so the node judges the real URLs exactly as in production.
 */
import { BY_ID_HINT } from '../../nodes/Bfl/transport/errors';
import { buildImage } from '../fake-bfl/images';
import { runBfl } from '../helpers/bflWorkflow';
import { json, redirect, startHostile } from '../helpers/hostile';
import { connections, mapHosts, serverTls } from '../helpers/realHosts';
import { bytesOf } from '../helpers/results';
import { RECORDED } from '../realTraffic/recorded';

const CALLER = 'caller-realtraffic-27';
const API_HOSTS = ['api.bfl.ai', 'api.eu1.bfl.ai', 'api.eu2.bfl.ai', 'api.eu4.bfl.ai'];
API_HOSTS.push('api.us1.bfl.ai', 'api.us2.bfl.ai', 'api.us3.bfl.ai');
const DELIVERY_HOSTS = ['bfldeliveryprodeu4.blob.core.windows.net', 'delivery-eu1.bfl.ai'];
DELIVERY_HOSTS.push('bfldeliveryscus.blob.core.windows.net', 'delivery-us1.bfl.ai');
/** Names the key must never reach; mapped too, so that any attempt would show. */
const FORBIDDEN = ['www.bfl.ai', 'dashboard.bfl.ai', 'cdn.bfl.ai', 'apibfl.ai'];
FORBIDDEN.push(
	'api.bfl.ai.evil.example',
	'api.eu4.x.bfl.ai',
	'evilbfldelivery.blob.core.windows.net',
);

type Hostile = Awaited<ReturnType<typeof startHostile>>;
type Routes = Parameters<typeof startHostile>[0];
type Handler = Routes[string];
const routes: Routes = {};
let server: Hostile;
let unmap: () => void;

beforeAll(async () => {
	server = await startHostile(routes, { tls: serverTls() });
	unmap = mapHosts([...API_HOSTS, ...DELIVERY_HOSTS, ...FORBIDDEN], server.port);
});
afterAll(async () => {
	unmap();
	await server.close();
});
beforeEach(() => {
	for (const key of Object.keys(routes)) delete routes[key];
	server.requests.splice(0);
	connections.splice(0);
});

const routeOf = (method: string, url: string) => {
	const { hostname, pathname } = new URL(url);
	return `${method} ${hostname}${pathname}`;
};
const served = (id: string) => buildImage('jpeg', id);

/** Answers a route with the given recorded entries in turn, repeating the last one. */
function play(...names: string[]) {
	const byRoute = new Map<string, Array<(typeof RECORDED)[string]>>();
	for (const name of names) {
		const entry = RECORDED[name];
		const key = routeOf(entry.method, entry.url);
		byRoute.set(key, [...(byRoute.get(key) ?? []), entry]);
	}
	for (const [key, entries] of byRoute) {
		let next = 0;
		routes[key] = (_req, res) => {
			const entry = entries[Math.min(next++, entries.length - 1)];
			res.writeHead(entry.status, entry.headers);
			res.end(entry.body === null ? served(key) : JSON.stringify(entry.body));
		};
	}
}

/** Serves a real JPEG at a Ready body's sample URL, as Azure's blob service answers. */
function serveSample(readyName: string): string {
	const sample = (RECORDED[readyName].body as { result: { sample: string } }).result.sample;
	routes[routeOf('GET', sample)] = (_req, res) => {
		res.writeHead(200, { 'content-type': 'image/jpeg', server: 'Windows-Azure-Blob/1.0' });
		res.end(served(sample));
	};
	return sample;
}

const credentials = { apiKey: CALLER, region: 'global', finetuneRegion: 'auto' };
const options = { pollInterval: 0.2, timeout: 60 };
const generate = (model: string, continueOnFail = false) =>
	runBfl({
		parameters: {
			resource: 'image',
			operation: 'generate',
			model,
			prompt: 'a shiba inu eating ice cream',
			width: 1024,
			height: 1024,
			options,
		},
		credentials,
		continueOnFail,
	});
const getResult = (parameters: Record<string, unknown>) =>
	runBfl({
		parameters: { resource: 'task', operation: 'getResult', options, ...parameters },
		credentials,
	});

/** The key went to API hosts only, and nothing asked for any other name. */
function expectKeyOnlyOnApiHosts() {
	for (const request of server.requests) {
		const host = request.host.replace(/\.$/, '');
		expect([API_HOSTS.includes(host), request.key]).toEqual(
			API_HOSTS.includes(host) ? [true, CALLER] : [false, undefined],
		);
	}
	expect(connections.filter((c) => FORBIDDEN.includes(c.host))).toEqual([]);
}

const seOf = (url: string) => new Date(new URL(url).searchParams.get('se') ?? '').toISOString();

describe('recorded live traffic: submit on api.bfl.ai, poll the regional cluster, download the blob', () => {
	it.each([
		// model, submit, polls…, Ready, expected cost, recorded id
		[
			'flux-2-max',
			'maruel-submit-flux-2-max-cost-7.000000000000001',
			['maruel-poll-flux-2-max-pending-progress-null'],
			'maruel-poll-flux-2-max-ready-no-end_time',
			7.000000000000001,
		],
		[
			'flux-2-pro',
			'maruel-submit-flux-2-pro-cost-3.0-eu2',
			[],
			'maruel-poll-flux-2-pro-ready-eu2-blob-eu4',
			3,
		],
		[
			'flux-dev',
			'maruel-submit-flux-dev-cost-null',
			[
				'maruel-poll-flux-dev-pending-progress-0.1',
				'maruel-poll-flux-dev-pending-progress-1.0',
				'maruel-poll-flux-dev-pending-progress-back-to-null',
			],
			'maruel-poll-flux-dev-ready-with-end_time',
			undefined,
		],
		[
			'flux-dev',
			'maruel-submit-2025-06-no-cost-fields-us1',
			['maruel-poll-2025-06-pending-no-preview-key'],
			'maruel-poll-2025-06-ready-delivery-us1',
			undefined,
		],
		['flux-2-flex', 'dmxapi-submit-flux-2-flex-us3', [], 'dmxapi-poll-ready-flux-2-flex-scus', 6],
	] as const)('%s: %s', async (model, submit, polls, ready, cost) => {
		const submitted = RECORDED[submit];
		routes[routeOf('POST', `https://api.bfl.ai/v1/${model}`)] = (_req, res) =>
			json(res, submitted.status, submitted.body);
		play(...polls, ready);
		const sample = serveSample(ready);
		const { items, error } = await generate(model);
		expect(error).toBeUndefined();
		const { id, polling_url: pollingUrl } = submitted.body as Record<string, string>;
		expect(items[0].json).toMatchObject({ id, status: 'Ready', sampleUrl: sample });
		expect(items[0].json.cost).toBe(cost);
		expect(items[0].json.sampleUrlExpiresAt).toBe(seOf(sample));
		expect(bytesOf(items[0]).equals(served(sample))).toBe(true);
		const hosts = server.requests.map((r) => r.host);
		expect(hosts[0]).toBe('api.bfl.ai');
		expect(new Set(hosts.slice(1, -1))).toEqual(new Set([new URL(pollingUrl).host]));
		expect(hosts.at(-1)).toBe(new URL(sample).host);
		expectKeyOnlyOnApiHosts();
	});

	it('Task → Get Result takes a polling URL on a regional cluster and downloads from delivery-eu1', async () => {
		play('md-poll-pending-progress-0.5-2025-07');
		const ready = 'vue-comment-poll-ready-delivery-eu1-2025-07';
		play(ready);
		const sample = serveSample(ready);
		const { items, error } = await getResult({ by: 'pollingUrl', pollingUrl: RECORDED[ready].url });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			status: 'Ready',
			sampleUrl: sample,
			durationSeconds: 7.56620097160339,
		});
		expect(bytesOf(items[0]).equals(served(sample))).toBe(true);
		expectKeyOnlyOnApiHosts();
	});

	it('a recorded URL whose signature has expired is reported as expired, from its se= time', async () => {
		const submitted = RECORDED['maruel-submit-flux-2-max-cost-7.000000000000001'];
		routes['POST api.bfl.ai/v1/flux-2-max'] = (_req, res) => json(res, 200, submitted.body);
		const ready = 'maruel-poll-flux-2-max-ready-no-end_time';
		play(ready);
		const sample = (RECORDED[ready].body as { result: { sample: string } }).result.sample;
		routes[routeOf('GET', sample)] = (_req, res) => {
			res.writeHead(403, { 'content-type': 'application/xml' });
			res.end(
				'<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Signed expiry time has to be after signed start time</Message></Error>',
			);
		};
		const { error } = await generate('flux-2-max');
		expect(error?.message).toMatch(`The result URL expired at ${seOf(sample)}`);
		expectKeyOnlyOnApiHosts();
	});
});

describe('recorded live errors', () => {
	it.each([
		[
			'maruel-error-403-bad-key',
			/^BFL rejected the API key \(403\).*: Not authenticated - Invalid Authentication$/,
		],
		[
			'videoupscale-error-422-invalid-key-format',
			/^BFL rejected the request \(422\): Invalid API key format$/,
		],
		['videoupscale-error-422-range', /upscale_factor.*less than or equal to 3/],
		['videoupscale-error-422-missing-field', /input_video.*Field required/],
		[
			'aself-error-402-insufficient-credits-throttle',
			/^Not enough BFL credits \(402\).*: Insufficient credits$/,
		],
		['maruel-error-404-unknown-endpoint', /\(404\)[\s\S]*Not Found/],
	])("a submit answered as in %s fails once, with BFL's words", async (name, message) => {
		const recorded = RECORDED[name];
		routes['POST api.bfl.ai/v1/flux-2-pro'] = (_req, res) =>
			json(res, recorded.status, recorded.body);
		const { error } = await generate('flux-2-pro');
		expect(error?.message).toMatch(message);
		expect(server.requests).toHaveLength(1);
		expectKeyOnlyOnApiHosts();
	});

	const afterSubmit = (pollingUrl: string, poll: Handler) => {
		const id = new URL(pollingUrl).searchParams.get('id');
		routes['POST api.bfl.ai/v1/flux-2-pro'] = (_req, res) =>
			json(res, 200, { id, polling_url: pollingUrl, cost: 3, input_mp: 0, output_mp: 1.05 });
		routes[routeOf('GET', pollingUrl)] = poll;
	};

	it('a poll answered 422 with a task body is read as that task failing (excerpt rebuilt)', async () => {
		// Recorded in JS shorthand: {status: "Error", details: {error: "Invalid or corrupted image input"}}.
		expect(RECORDED['aself-poll-422-error-task-body'].body).toMatch(
			/Invalid or corrupted image input/,
		);
		const pollingUrl =
			'https://api.us2.bfl.ai/v1/get_result?id=7d1f0b39-4a9e-4d43-9bd7-0b1c2d3e4f50';
		afterSubmit(pollingUrl, (_req, res) =>
			json(res, 422, {
				id: '7d1f0b39-4a9e-4d43-9bd7-0b1c2d3e4f50',
				status: 'Error',
				details: { error: 'Invalid or corrupted image input' },
			}),
		);
		const { items } = await generate('flux-2-pro', true);
		expect(items[0].json).toMatchObject({
			status: 'Error',
			error: expect.stringMatching(/\(Error\): Invalid or corrupted image input/),
		});
		expectKeyOnlyOnApiHosts();
	});

	it('a poll answered 404 with "Task not found" is that status, not a transport error (excerpt rebuilt)', async () => {
		expect(RECORDED['videoupscale-poll-404-task-not-found'].body).toMatch(
			/"status":"Task not found"/,
		);
		const pollingUrl =
			'https://api.eu4.bfl.ai/v1/get_result?id=0b7e3c1a-5f7d-4e2b-9a61-3c5d7e9f1a2b';
		afterSubmit(pollingUrl, (_req, res) =>
			json(res, 404, {
				id: '0b7e3c1a-5f7d-4e2b-9a61-3c5d7e9f1a2b',
				status: 'Task not found',
				result: null,
			}),
		);
		const { error } = await generate('flux-2-pro');
		expect(error?.message).toMatch(
			/^BFL does not know task 0b7e3c1a-5f7d-4e2b-9a61-3c5d7e9f1a2b \(Task not found\)/,
		);
	});

	it("a moderated task (a fixture body: no recorded one is public) names BFL's reasons", async () => {
		const moderated = RECORDED['fixture-poll-request-moderated'].body as Record<string, unknown>;
		afterSubmit(`https://api.eu2.bfl.ai/v1/get_result?id=${moderated.id}`, (_req, res) =>
			json(res, 200, moderated),
		);
		const { items } = await generate('flux-2-pro', true);
		expect(items[0].json).toMatchObject({
			status: 'Request Moderated',
			details: { 'Moderation Reasons': ['Derivative Works Filter'] },
			error: expect.stringMatching(
				/^BFL moderation blocked your prompt or input image \(Request Moderated\).*Derivative Works Filter/,
			),
		});
	});

	it('Get Result by id on the global host explains a 404 without proposing the URL that failed', async () => {
		const id = RECORDED['maruel-submit-flux-2-max-cost-7.000000000000001'].body as { id: string };
		routes['GET api.bfl.ai/v1/get_result'] = (_req, res) => json(res, 404, { detail: 'Not Found' });
		const { error } = await getResult({ by: 'taskId', taskId: id.id });
		expect(error?.message).toBe(`BFL has no task ${id.id} on api.bfl.ai (404): Not Found`);
		expect(error?.description).toContain(BY_ID_HINT);
		expect(error?.description).not.toContain('https://api.bfl.ai/v1/get_result');
		expect(server.requests).toHaveLength(1);
	});
});

describe("the key rule still holds against answers that are not BFL's", () => {
	const id = '5e0c8a3b-1d2f-4c6e-8a9b-0c1d2e3f4a5b';
	it.each([
		`https://www.bfl.ai/v1/get_result?id=${id}`,
		`https://dashboard.bfl.ai/v1/get_result?id=${id}`,
		`https://cdn.bfl.ai/v1/get_result?id=${id}`,
		`https://api.bfl.ai.evil.example/v1/get_result?id=${id}`,
		`https://apibfl.ai/v1/get_result?id=${id}`,
		`https://api.eu4.x.bfl.ai/v1/get_result?id=${id}`,
		`http://api.eu4.bfl.ai/v1/get_result?id=${id}`,
		`https://api.eu4.bfl.ai:8443/v1/get_result?id=${id}`,
		`https://user:pw@api.eu4.bfl.ai/v1/get_result?id=${id}`,
	])('a polling URL %s is refused; nothing but the submit is sent', async (pollingUrl) => {
		routes['POST api.bfl.ai/v1/flux-2-pro'] = (_req, res) =>
			json(res, 200, { id, polling_url: pollingUrl, cost: 3 });
		const { error } = await generate('flux-2-pro');
		expect(error?.message).toMatch(/^Refusing to poll/);
		expect(server.requests.map((r) => r.host)).toEqual(['api.bfl.ai']);
		expectKeyOnlyOnApiHosts();
	});

	it('a poll redirected to another cluster is followed; to www.bfl.ai it is refused', async () => {
		const ready = RECORDED['maruel-poll-flux-2-pro-ready-eu2-blob-eu4'];
		const eu2 = ready.url;
		const us2 = eu2.replace('api.eu2.', 'api.us2.');
		routes['POST api.bfl.ai/v1/flux-2-pro'] = (_req, res) =>
			json(res, 200, RECORDED['maruel-submit-flux-2-pro-cost-3.0-eu2'].body);
		routes[routeOf('GET', eu2)] = (_req, res) => redirect(res, 307, us2);
		routes[routeOf('GET', us2)] = (_req, res) => json(res, 200, ready.body);
		serveSample('maruel-poll-flux-2-pro-ready-eu2-blob-eu4');
		const followed = await generate('flux-2-pro');
		expect(followed.error).toBeUndefined();
		expect(server.requests.map((r) => r.host)).toContain('api.us2.bfl.ai');
		expectKeyOnlyOnApiHosts();

		server.requests.splice(0);
		routes[routeOf('GET', eu2)] = (_req, res) =>
			redirect(res, 307, 'https://www.bfl.ai/v1/get_result');
		const refused = await generate('flux-2-pro');
		expect(refused.error?.message).toMatch(/^Refusing to follow a redirect \(307\)/);
		expectKeyOnlyOnApiHosts();
	});

	it('a Ready sample on a look-alike blob account is not downloaded by default', async () => {
		const body = RECORDED['maruel-poll-flux-2-pro-ready-eu2-blob-eu4'].body as {
			result: { sample: string };
		};
		const sample = body.result.sample.replace('bfldeliveryprodeu4', 'evilbfldelivery');
		play('maruel-submit-flux-2-pro-cost-3.0-eu2');
		routes[routeOf('GET', RECORDED['maruel-poll-flux-2-pro-ready-eu2-blob-eu4'].url)] = (
			_req,
			res,
		) => json(res, 200, { ...body, result: { ...body.result, sample } });
		const { error } = await generate('flux-2-pro');
		expect(error?.message).toMatch(
			/evilbfldelivery\.blob\.core\.windows\.net is not a BFL delivery host/,
		);
		expectKeyOnlyOnApiHosts();
	});
});
