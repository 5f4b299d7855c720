import { webhookToken } from '../../nodes/Bfl/core/trust/webhook';
import { buildImage } from '../fake-bfl/images';
import { runBfl, simulatorCredentials } from '../helpers/bflWorkflow';
import { flood, json, redirect, startHostile } from '../helpers/hostile';
import { startTriggerServer } from '../helpers/triggerServer';
import { waitFor } from '../helpers/wait';

/** Result downloads are bounded in size, must be images, and come only from allowed hosts. */
const CALLER = 'caller-downloads-8';
type Hostile = Awaited<ReturnType<typeof startHostile>>;
type Routes = Parameters<typeof startHostile>[0];
jest.setTimeout(60_000);

const JPEG = buildImage('jpeg', 'd', 0);
const PNG = buildImage('png', 'd', 0);

let other: Hostile;
beforeAll(async () => {
	other = await startHostile(
		{
			'/sample.jpeg': (_req, res) => {
				res.end(JPEG);
			},
		},
		{ hostname: 'localhost' },
	);
});
afterAll(async () => await other.close());
beforeEach(() => other.requests.splice(0));

/** A BFL look-alike whose task is Ready with `sample` (relative paths are on itself). */
async function withApi(sample: string, routes: Routes, test: (api: Hostile) => Promise<void>) {
	const api: Hostile = await startHostile({
		'POST /v1/flux-2-pro': (_req, res) =>
			json(res, 200, { id: 'task-1', polling_url: `${api.base}/poll?id=task-1` }),
		'/poll': (_req, res) =>
			json(res, 200, {
				id: 'task-1',
				status: 'Ready',
				result: { sample: sample.startsWith('/') ? `${api.base}${sample}` : sample, seed: 1 },
			}),
		...routes,
	});
	try {
		await test(api);
	} finally {
		await api.close();
	}
}

const generate = (api: Hostile, options: Record<string, unknown> = {}) =>
	runBfl({
		parameters: {
			resource: 'image',
			operation: 'generate',
			model: 'flux-2-pro',
			prompt: 'a lighthouse',
			width: 512,
			height: 512,
			additionalFields: { outputFormat: 'jpeg' },
			options: { pollInterval: 0.2, ...options },
		},
		credentials: simulatorCredentials(api.base, CALLER),
	});

describe('result downloads are bounded', () => {
	it.each([
		['streamed without a length', false],
		['with a declared length', true],
	])(
		'a body over Max Download Size is refused, %s, and not read to the end',
		async (_, declare) => {
			const sent = { bytes: 0 };
			const total = 200 * 1024 * 1024;
			const headers = declare ? { 'content-length': String(total) } : {};
			await withApi(
				'/big.jpeg',
				{ '/big.jpeg': (_req, res) => void flood(res, total, JPEG.subarray(0, 64), sent, headers) },
				async (api) => {
					const { error } = await generate(api, { maxDownloadSize: 2 });
					expect(error?.message).toBe(
						declare
							? 'The result image is 200.0 MB, more than the 2.0 MB download limit'
							: 'The result image is larger than the 2.0 MB download limit',
					);
					expect(sent.bytes).toBeLessThan(total);
				},
			);
		},
	);

	it('an endless error page is read only for its message, and its connection is closed', async () => {
		const sent = { bytes: 0 };
		const total = 200 * 1024 * 1024;
		const sockets: Array<{ destroyed: boolean }> = [];
		const page = Buffer.from('{"detail":"no such result"}');
		await withApi(
			'/gone.jpeg',
			{
				'/gone.jpeg': (req, res) => {
					sockets.push(req.socket);
					flood(res, total, page, sent, { 'content-type': 'application/json' }, 400);
				},
			},
			async (api) => {
				const { error } = await generate(api);
				expect(error?.message).toMatch(/^Downloading the result image failed \(400\)/);
				expect(sockets).toHaveLength(1);
				await waitFor(() => sockets[0].destroyed, 'the error page connection to close');
				expect(sent.bytes).toBeLessThan(total);
			},
		);
	});

	it('the default cap (64 MB) holds without any option', async () => {
		const sent = { bytes: 0 };
		const total = 300 * 1024 * 1024;
		await withApi(
			'/big.jpeg',
			{ '/big.jpeg': (_req, res) => void flood(res, total, JPEG.subarray(0, 64), sent) },
			async (api) => {
				const { error } = await generate(api);
				expect(error?.message).toMatch(/larger than the 64\.0 MB download limit/);
				expect(sent.bytes).toBeLessThan(total);
			},
		);
	});

	it.each([
		['an HTML page', Buffer.from('<html><body>hello</body></html>')],
		['JSON', Buffer.from(JSON.stringify({ detail: 'nope', pad: 'x'.repeat(100) }))],
		['zeros', Buffer.alloc(4096)],
		['a ZIP', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)])],
		['a truncated JPEG', JPEG.subarray(0, 5)],
	])('%s labelled image/jpeg is an error, never a binary', async (_, bytes) => {
		await withApi(
			'/sample.jpeg',
			{
				'/sample.jpeg': (_req, res) => {
					res.writeHead(200, { 'content-type': 'image/jpeg' });
					res.end(bytes);
				},
			},
			async (api) => {
				const { error } = await generate(api);
				expect(error?.message).toMatch(/^The result URL did not serve an image \(/);
			},
		);
	});

	it('takes the MIME type and extension from the bytes, not the header or the format asked for', async () => {
		await withApi(
			'/sample.jpeg',
			{
				'/sample.jpeg': (_req, res) => {
					res.writeHead(200, { 'content-type': 'image/jpeg' });
					res.end(PNG);
				},
			},
			async (api) => {
				const { items, error } = await generate(api);
				expect(error).toBeUndefined();
				expect(items[0].binary?.data).toMatchObject({
					mimeType: 'image/png',
					fileName: 'task-1.png',
				});
			},
		);
	});
});

describe('result downloads come only from allowed hosts', () => {
	it('refuses a sample URL on another host, sending nothing there', async () => {
		await withApi(`${other.base}/sample.jpeg`, {}, async (api) => {
			const { error } = await generate(api);
			expect(error?.message).toMatch(
				/^Refusing to download the result from "http:\/\/localhost:\d+\/sample\.jpeg": its host .* Allow Downloads From Any Host/,
			);
			expect(other.requests).toEqual([]);
		});
	});

	it('downloads from another host when Allow Downloads From Any Host is on, without the key', async () => {
		await withApi(`${other.base}/sample.jpeg`, {}, async (api) => {
			const { items, error } = await generate(api, { allowAnyDownloadHost: true });
			expect(error).toBeUndefined();
			expect(items[0].binary?.data.mimeType).toBe('image/jpeg');
			expect(other.requests).toHaveLength(1);
			expect(other.keyed()).toEqual([]);
		});
	});

	it.each([
		['another host', () => `${other.base}/sample.jpeg`],
		['a link-local metadata address', () => 'http://169.254.169.254/latest/meta-data'],
	])('refuses a redirect of the download to %s, at the hop', async (_, target) => {
		await withApi(
			'/moved.jpeg',
			{ '/moved.jpeg': (_req, res) => redirect(res, 302, target()) },
			async (api) => {
				const { error } = await generate(api);
				expect(error?.message).toMatch(
					/^Refusing to download the result from ".*": a redirect led there/,
				);
				expect(other.requests).toEqual([]);
			},
		);
	});

	it('follows a download redirect that stays on allowed hosts', async () => {
		await withApi(
			'/moved.jpeg',
			{
				'/moved.jpeg': (_req, res) => redirect(res, 307, '/real.jpeg'),
				'/real.jpeg': (_req, res) => {
					res.end(JPEG);
				},
			},
			async (api) => {
				const { items, error } = await generate(api);
				expect(error).toBeUndefined();
				expect(items[0].binary?.data.mimeType).toBe('image/jpeg');
			},
		);
	});

	it('the Trigger applies the same host, size and image rules', async () => {
		const api = await startHostile({
			'/html.jpeg': (_req, res) => {
				res.end('<html></html>'.repeat(10));
			},
		});
		const trigger = await startTriggerServer({
			credentials: simulatorCredentials(api.base, CALLER),
		});
		try {
			const url = `${trigger.url}?bfl_token=${webhookToken(CALLER, trigger.url)}`;
			const call = async (id: string, sample: string) =>
				await fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ id, status: 'Ready', result: { sample } }),
				});
			await call('t-other', `${other.base}/sample.jpeg`);
			await call('t-html', `${api.base}/html.jpeg`);
			await call('t-meta', 'http://169.254.169.254/latest/meta-data');
			const errors = trigger.emitted.map((item) => [item.json.id, item.json.error, item.binary]);
			expect(errors).toEqual([
				[
					't-other',
					expect.stringMatching(/^Refusing to download .* Allow Downloads From Any Host/),
					undefined,
				],
				['t-html', expect.stringMatching(/^The result URL did not serve an image/), undefined],
				[
					't-meta',
					expect.stringMatching(/loopback, private or link-local|not a BFL delivery host/),
					undefined,
				],
			]);
			expect(other.requests).toEqual([]);
		} finally {
			await trigger.close();
			await api.close();
		}
	});
});

describe('input URLs for base64-only fields follow the download rules', () => {
	// The global region: no custom base URL, so no internal address is trusted.
	const fill = (url: string) =>
		runBfl({
			parameters: {
				resource: 'image',
				operation: 'edit',
				model: 'flux-pro-1.0-fill',
				prompt: 'make it evening',
				images: { image: [{ source: 'url', url }] },
				options: { pollInterval: 0.2 },
			},
			input: [{ json: {} }],
			credentials: { apiKey: CALLER, region: 'global' },
		});

	it.each([
		['a loopback address', () => `${other.base}/sample.jpeg`],
		['a link-local metadata address', () => 'http://169.254.169.254/latest/meta-data'],
		['a private address', () => 'http://10.1.2.3/image.png'],
	])('refuses an input URL on %s, sending nothing there', async (_, url) => {
		const { error } = await fill(url());
		expect(error?.message).toMatch(
			/^Refusing to download Image from ".*": it points at a loopback, private or link-local address$/,
		);
		expect(other.requests).toEqual([]);
	});
});
