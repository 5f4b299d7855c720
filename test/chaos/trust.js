// @ts-check
/**
 * The trust-boundary cases of the chaos suite: small hostile loopback servers (redirects to other
 * hosts, drip-fed answers, oversize and non-image downloads, echoed keys, forged webhooks) against
 * the built node and trigger in n8n's engine. Each case reports what the node did and what reached
 * the other host, and fails on a key leak, an unbounded wait or an unbounded download.
 */
const { runBfl, simulatorCredentials } = require('../helpers/bflWorkflow');
const { startHostile, json, redirect, drip, flood } = require('../helpers/hostile');
const { startTriggerServer } = require('../helpers/triggerServer');
const { mapHosts, serverTls } = require('../helpers/realHosts');
const { captureOutput } = require('./probes');

const KEY = `trust-${Math.random().toString(36).slice(2)}-key`;
const JPEG_HEAD = Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex');
const MB = 1024 * 1024;

/** @typedef {Awaited<ReturnType<typeof startHostile>>} Hostile */
/**
 * @typedef {{ did: string, otherHost: number, keyElsewhere: number, bounded: string, violations: string[] }} Row
 * @typedef {{ name: string, run: (other: Hostile) => Promise<Row> }} Case
 * @typedef {import('../helpers/hostile').Handler} Handler
 * @typedef {import('../helpers/bflWorkflow').BflResult} BflResult
 * @typedef {import('../helpers/bflWorkflow').OutputItem} OutputItem
 * @typedef {Awaited<ReturnType<typeof startTriggerServer>> & { token: string, tokenFor: (url: string) => string }} Trigger
 * @typedef {(token: string, body: unknown) => Promise<number>} TriggerCall
 */

/**
 * A BFL look-alike: submit answers with a polling URL on itself, unless routes say otherwise.
 * @param {(self: () => Hostile) => Record<string, Handler>} routes
 * @param {(api: Hostile) => unknown} [readyBody]
 */
async function lookAlike(routes, readyBody) {
	/** @type {Hostile} */
	const api = await startHostile({
		'POST /v1/flux-2-pro': (_req, res) =>
			json(res, 200, { id: 'task-1', polling_url: `${api.base}/poll?id=task-1` }),
		'/poll': (_req, res) => json(res, 200, readyBody?.(api) ?? { id: 'task-1', status: 'Pending' }),
		...routes(() => api),
	});
	return api;
}

/**
 * @param {Hostile} api
 * @param {Record<string, unknown>} [options]
 * @param {Record<string, unknown>} [extra]
 * @param {import('n8n-workflow').ICredentialDataDecryptedObject} [credentials] the look-alike as custom base URL unless given
 */
function generate(
	api,
	options = {},
	extra = {},
	credentials = simulatorCredentials(api.base, KEY),
) {
	return runBfl({
		from: 'dist',
		continueOnFail: true,
		parameters: {
			resource: 'image',
			operation: 'generate',
			model: 'flux-2-pro',
			prompt: 'a trust boundary',
			width: 512,
			height: 512,
			options: { pollInterval: 0.2, timeout: 30, ...options },
			...extra,
		},
		credentials,
	});
}

/**
 * The item's outcome in a few words: its error, or what it produced.
 * @param {OutputItem[] | undefined} items
 */
function outcome(items) {
	const json = items?.[0]?.json ?? {};
	if (json.error) {
		const text = String(json.error)
			.replace(/"http[^"]*"/g, '[url]')
			.replace(/(localhost|127\.0\.0\.1):\d+/g, '$1:[port]');
		return text.length > 110 ? `${text.slice(0, 110)}…` : text;
	}
	return `${json.status}${items?.[0]?.binary ? ' with an image' : ''}`;
}

/**
 * @param {Hostile} other @param {string} did @param {Partial<Row>} [extra]
 * @returns {Row}
 */
function row(other, did, extra = {}) {
	return {
		did,
		otherHost: other.requests.length,
		keyElsewhere: other.keyed().length,
		bounded: '—',
		violations: [],
		...extra,
	};
}

/**
 * A case run against a look-alike API, judged by its item and the other host's record.
 * @param {string} name
 * @param {(other: Hostile) => Promise<{ api: Hostile, run: (api: Hostile) => Promise<BflResult> }>} setup
 * @param {RegExp} expected
 * @param {(result: Row, api: Hostile) => void} [extraCheck]
 * @returns {Case}
 */
function nodeCase(name, setup, expected, extraCheck) {
	return {
		name,
		async run(other) {
			const { api, run } = await setup(other);
			try {
				const { items } = await run(api);
				const result = row(other, outcome(items));
				if (!expected.test(result.did)) result.violations.push(`unexpected outcome: ${result.did}`);
				extraCheck?.(result, api);
				if (JSON.stringify(items).includes(KEY)) result.violations.push('key in the output');
				return result;
			} finally {
				await api.close();
			}
		},
	};
}

/**
 * A case under BFL's real host names (test/helpers/realHosts.js maps api.bfl.ai and api.eu4 to a
 * loopback TLS server) with the Global credential and Allow Downloads From Any Host on: the
 * internal-address rule alone stands between the Ready sample URL and this machine.
 * @param {string} name @param {(other: Hostile) => string} sample
 * @returns {Case}
 */
function globalSampleCase(name, sample) {
	const polling = 'https://api.eu4.bfl.ai/v1/get_result?id=task-1';
	return nodeCase(
		name,
		async (other) => {
			const server = await startHostile(
				{
					'POST api.bfl.ai/v1/flux-2-pro': (_req, res) =>
						json(res, 200, { id: 'task-1', polling_url: polling }),
					'GET api.eu4.bfl.ai/v1/get_result': (_req, res) =>
						json(res, 200, { id: 'task-1', status: 'Ready', result: { sample: sample(other) } }),
				},
				{ tls: serverTls() },
			);
			const unmap = mapHosts(['api.bfl.ai', 'api.eu4.bfl.ai'], server.port);
			const api = { ...server, close: async () => (unmap(), await server.close()) };
			const global = { apiKey: KEY, region: 'global', finetuneRegion: 'auto' };
			const run = () => generate(api, { allowAnyDownloadHost: true }, {}, global);
			return { api, run };
		},
		/^Refusing to download the result .*loopback, private or link-local/,
	);
}

/**
 * Bad input must fail before anything reaches the API.
 * @param {Row} result @param {Hostile} api
 */
function noRequest(result, api) {
	if (api.requests.length)
		result.violations.push(`${api.requests.length} requests before the check`);
	result.bounded = api.requests.length ? 'no' : 'yes (no request)';
}

/** Two keyframes by URL, the first at `seconds`. @param {unknown} seconds */
const keyframes = (seconds) => ({
	keyframe: [
		{ source: 'url', url: 'https://images.example.com/a.png', seconds },
		{ source: 'url', url: 'https://images.example.com/b.png', seconds: 3 },
	],
});

/** @type {Case[]} */
const CASES = [
	...[302, 307].map((status) =>
		nodeCase(
			`polling answered ${status} to another host`,
			async (other) => ({
				api: await lookAlike(() => ({
					'/poll': (_req, res) => redirect(res, status, `${other.base}/steal`),
				})),
				run: (api) => generate(api),
			}),
			/^Refusing to follow a redirect/,
		),
	),
	...[307, 308].map((status) =>
		nodeCase(
			`submit answered ${status} to another host`,
			async (other) => ({
				api: await lookAlike(() => ({
					'POST /v1/flux-2-pro': (_req, res) => redirect(res, status, `${other.base}/steal`),
				})),
				run: (api) => generate(api),
			}),
			/^Refusing to follow a redirect .* it was not re-sent/,
			(result, api) => {
				const posts = api.requests.filter((r) => r.method === 'POST').length;
				if (posts !== 1) result.violations.push(`${posts} submits reached the API`);
			},
		),
	),
	nodeCase(
		'Get Result: polling URL redirected to another host',
		async (other) => ({
			api: await lookAlike(() => ({
				'/poll': (_req, res) => redirect(res, 302, `${other.base}/steal`),
			})),
			run: (api) =>
				runBfl({
					from: 'dist',
					continueOnFail: true,
					parameters: {
						resource: 'task',
						operation: 'getResult',
						by: 'pollingUrl',
						pollingUrl: `${api.base}/poll?id=task-1`,
						options: { waitForCompletion: false },
					},
					credentials: simulatorCredentials(api.base, KEY),
				}),
		}),
		/^Refusing to follow a redirect/,
	),
	nodeCase(
		'polling URL on another host',
		async (other) => ({
			api: await lookAlike(() => ({
				'POST /v1/flux-2-pro': (_req, res) =>
					json(res, 200, { id: 'task-1', polling_url: `${other.base}/poll?id=task-1` }),
			})),
			run: (api) => generate(api),
		}),
		/^Refusing to poll/,
	),
	...['2s', 'x'].flatMap((value) =>
		['pollInterval', 'timeout', 'requestTimeout'].map((option) =>
			nodeCase(
				`${option} = "${value}" from an expression`,
				async () => ({
					api: await lookAlike(() => ({})),
					run: (api) => generate(api, { [option]: value }),
				}),
				/must be a number from/,
				noRequest,
			),
		),
	),
	...['Credits', 'GET_RESULT', 'Delete_Finetune', 'MY_FINETUNES', '={{ $json.missing }}'].map(
		(endpointPath) =>
			nodeCase(
				`Custom Endpoint path ${endpointPath.startsWith('=') ? 'expression resolving to nothing' : `"${endpointPath}"`}`,
				async () => ({
					api: await lookAlike(() => ({})),
					run: (api) => generate(api, {}, { model: 'custom', endpointPath, customBody: '{"x":1}' }),
				}),
				/^Endpoint Path (is empty|"\w+" is not an image task endpoint)/,
				noRequest,
			),
	),
	.../** @type {Array<[string, Record<string, unknown>]>} */ ([
		['Keyframe seconds = true', { keyframes: keyframes('={{ true }}') }],
		['Keyframe seconds = []', { keyframes: keyframes('={{ [] }}') }],
		['video Safety Tolerance = []', { additionalFields: { safetyTolerance: '={{ [] }}' } }],
	]).map(([what, parameters]) =>
		nodeCase(
			`${what} from an expression`,
			async () => ({
				api: await lookAlike(() => ({})),
				run: (api) =>
					generate(
						api,
						{},
						{ resource: 'video', operation: 'generate', videoMode: 'i2v', ...parameters },
					),
			}),
			/^(Keyframe times|Safety Tolerance) must be/,
			noRequest,
		),
	),
	.../** @type {Array<[string, Record<string, unknown>]>} */ ([
		['Seed = []', { additionalFields: { seed: '={{ [] }}' } }],
		['Number of Images = true', { numberOfImages: '={{ true }}' }],
	]).map(([what, parameters]) =>
		nodeCase(
			`${what} from an expression`,
			async () => ({
				api: await lookAlike(() => ({})),
				run: (api) => generate(api, {}, parameters),
			}),
			/^(Seed|Number of Images) must be/,
			noRequest,
		),
	),
	dripCase('status answer dripped 1 byte / 100 ms, Timeout 3 s', 'poll', { timeout: 3 }),
	dripCase('status answer dripped, Request Timeout 1 s, Timeout 4 s', 'poll', {
		requestTimeout: 1,
		timeout: 4,
	}),
	dripCase('download dripped 64 bytes / 100 ms, Request Timeout 2 s', 'download', {
		requestTimeout: 2,
	}),
	dripCase('download dripped, Timeout 3 s', 'download', { timeout: 3 }),
	...[
		['99999', 'Retry-After 99999 s'],
		['an hour', 'Retry-After a date 1 h ahead'],
	].map(([after, name]) => retryAfterCase(`submit 429, ${name}, Timeout 2 s`, after)),
	inputDripCase(),
	floodCase('300 MB of non-image bytes labelled image/jpeg', Buffer.from('<html>'), {}),
	floodCase('300 MB behind a JPEG header (default 64 MB cap)', JPEG_HEAD, {}),
	floodCase('100 MB image, Max Download Size 8 MB', JPEG_HEAD, { maxDownloadSize: 8 }),
	nodeCase(
		'sample URL on another host',
		async (other) => ({
			api: await lookAlike(
				() => ({}),
				() => ({ id: 'task-1', status: 'Ready', result: { sample: `${other.base}/steal` } }),
			),
			run: (api) => generate(api),
		}),
		/^Refusing to download the result/,
	),
	globalSampleCase(
		'sample URL on localhost. (trailing dot), any host allowed',
		(other) => `http://localhost.:${other.port}/steal`,
	),
	globalSampleCase(
		'sample URL on [::127.0.0.1] (IPv4-compatible), any host allowed',
		(other) => `http://[::127.0.0.1]:${other.port}/steal`,
	),
	globalSampleCase(
		'sample URL on NAT64 [64:ff9b::a9fe:a9fe] (metadata), any host allowed',
		() => 'http://[64:ff9b::a9fe:a9fe]/latest/meta-data',
	),
	nodeCase(
		'sample URL on the cloud metadata address',
		async () => ({
			api: await lookAlike(
				() => ({}),
				() => ({
					id: 'task-1',
					status: 'Ready',
					result: { sample: 'http://169.254.169.254/latest/meta-data' },
				}),
			),
			run: (api) => generate(api),
		}),
		/^Refusing to download the result/,
	),
	nodeCase(
		'download redirected to another host',
		async (other) => ({
			api: await lookAlike(
				() => ({ '/sample': (_req, res) => redirect(res, 302, `${other.base}/steal`) }),
				(api) => ({ id: 'task-1', status: 'Ready', result: { sample: `${api.base}/sample` } }),
			),
			run: (api) => generate(api),
		}),
		/^Refusing to download the result .* a redirect led there/,
	),
	nodeCase(
		'task details echo the request headers',
		async () => ({
			api: await lookAlike(() => ({
				'/poll': (req, res) =>
					json(res, 200, { id: 'task-1', status: 'Error', details: { headers: req.headers } }),
			})),
			run: (api) => generate(api),
		}),
		/^BFL could not generate the image \(Error\)/,
	),
	nodeCase(
		'video task status echoes the key (debug log searched)',
		async () => {
			let polls = 0;
			/** @type {Hostile} */
			const api = await startHostile({
				'POST /v1/flux-3-video': (_req, res) =>
					json(res, 200, { id: 'video-1', polling_url: `${api.base}/poll?id=video-1` }),
				'/poll': (req, res) => {
					polls += 1;
					const status = polls === 1 ? `Rendering for ${req.headers['x-key']}` : 'Failed';
					json(res, 200, { id: 'video-1', status, details: { seen: req.headers['x-key'] } });
				},
			});
			return {
				api,
				run: (self) =>
					generate(
						self,
						{ pollInterval: 0.2 },
						{ resource: 'video', operation: 'generate', videoMode: 't2v' },
					),
			};
		},
		/^BFL could not generate the video \(Failed\)/,
	),
	triggerCase('Trigger: Pending, then Ready, for one task id', async (trigger, call) => {
		await call(trigger.token, { id: 't-1', status: 'Pending' });
		await call(trigger.token, { id: 't-1', status: 'Ready', result: {} });
		const finals = trigger.emitted.filter((item) => item.json.status === 'Ready').length;
		return { did: `${finals} Ready item emitted`, ok: finals === 1 };
	}),
	triggerCase('Trigger: token minted for another host, same path', async (trigger, call) => {
		const forged = trigger.tokenFor(trigger.url.replace('127.0.0.1', 'evil.example.com'));
		const status = await call(forged, { id: 't-2', status: 'Ready', result: {} });
		return { did: `answered ${status}, ${trigger.emitted.length} items`, ok: status === 401 };
	}),
];

/**
 * A step that drips its answer: the node must hang up before the answer is complete.
 * @param {string} name @param {'poll' | 'download'} step @param {Record<string, unknown>} options
 * @returns {Case}
 */
function dripCase(name, step, options) {
	return {
		name,
		async run(other) {
			let cut = 0;
			const watch = (/** @type {import('node:http').ServerResponse} */ res) =>
				res.on('close', () => (cut += res.writableEnded ? 0 : 1));
			const slowImage = Buffer.concat([JPEG_HEAD, Buffer.alloc(512 * 1024, 1)]);
			const api = await lookAlike((self) => ({
				'/poll': (_req, res) => {
					if (step !== 'poll')
						return json(res, 200, {
							id: 'task-1',
							status: 'Ready',
							result: { sample: `${self().base}/sample.jpeg` },
						});
					watch(res);
					drip(res, JSON.stringify({ id: 'task-1', status: 'Pending', pad: 'x'.repeat(900) }));
				},
				'/sample.jpeg': (_req, res) => {
					watch(res);
					drip(res, slowImage, { chunk: 64 });
				},
			}));
			try {
				const started = Date.now();
				const { items } = await generate(api, options);
				const seconds = ((Date.now() - started) / 1000).toFixed(1);
				for (let i = 0; i < 100 && !cut; i++) await new Promise((r) => setTimeout(r, 50));
				const result = row(other, outcome(items), {
					bounded: cut ? `yes (hung up, ${seconds} s)` : 'no',
				});
				if (!cut) result.violations.push('the node did not hang up on the drip');
				if (!items?.[0]?.json.error) result.violations.push('no error for a drip');
				return result;
			} finally {
				await api.close();
			}
		},
	};
}

/**
 * Every submit answered 429 with a Retry-After far ahead: the item must end at its Timeout, not
 * at the end of the account's pause (capped at 60 s).
 * @param {string} name @param {string} after '99999' (seconds) or 'an hour' (an HTTP date)
 * @returns {Case}
 */
function retryAfterCase(name, after) {
	let seconds = 0;
	return nodeCase(
		name,
		async () => ({
			api: await lookAlike(() => ({
				'POST /v1/flux-2-pro': (_req, res) => {
					const date = new Date(Date.now() + 3_600_000).toUTCString();
					json(res, 429, { detail: 'busy' }, { 'retry-after': after === 'an hour' ? date : after });
				},
			})),
			run: async (api) => {
				const started = Date.now();
				const result = await generate(api, { timeout: 2 });
				seconds = (Date.now() - started) / 1000;
				return result;
			},
		}),
		/^BFL is at your account's limit of tasks in flight \(429\)/,
		(result) => {
			result.bounded = seconds < 30 ? `yes (ended, ${seconds.toFixed(1)} s)` : 'no';
			if (seconds >= 30) result.violations.push(`the item took ${seconds.toFixed(1)} s`);
		},
	);
}

/**
 * An input URL (Fill's image, fetched for BFL's base64-only field) that drips its bytes: the
 * item's Timeout must end the retries, and nothing may be submitted.
 * @returns {Case}
 */
function inputDripCase() {
	// Request Timeout 2 s within Timeout 5 s leaves room for three GETs at most.
	const MAX_GETS = 3;
	return {
		name: 'input URL dripped, Request Timeout 2 s, Timeout 5 s',
		async run(other) {
			let gets = 0;
			const slowImage = Buffer.concat([JPEG_HEAD, Buffer.alloc(512 * 1024, 1)]);
			const api = await lookAlike(() => ({
				'/input.jpeg': (_req, res) => {
					gets += 1;
					drip(res, slowImage, { headers: { 'content-type': 'image/jpeg' } });
				},
			}));
			try {
				const started = Date.now();
				const { items } = await generate(
					api,
					{ requestTimeout: 2, timeout: 5 },
					{
						operation: 'edit',
						model: 'flux-pro-1.0-fill',
						images: { image: [{ source: 'url', url: `${api.base}/input.jpeg` }] },
					},
				);
				const seconds = ((Date.now() - started) / 1000).toFixed(1);
				const result = row(other, outcome(items), {
					bounded: gets <= MAX_GETS ? `yes (${gets} GETs, ${seconds} s)` : 'no',
				});
				if (gets > MAX_GETS) result.violations.push(`${gets} GETs of the input URL`);
				if (!items?.[0]?.json.error) result.violations.push('no error for a drip');
				if (api.requests.some((r) => r.method === 'POST'))
					result.violations.push('the task was submitted');
				return result;
			} finally {
				await api.close();
			}
		},
	};
}

/**
 * A download that floods: the node must stop reading long before the end.
 * @param {string} name @param {Buffer} head @param {{ maxDownloadSize?: number }} options
 * @returns {Case}
 */
function floodCase(name, head, options) {
	return {
		name,
		async run(other) {
			const sent = { bytes: 0 };
			const total = (options.maxDownloadSize ? 100 : 300) * MB;
			const api = await lookAlike(
				() => ({ '/big': (_req, res) => void flood(res, total, head, sent) }),
				(self) => ({ id: 'task-1', status: 'Ready', result: { sample: `${self.base}/big` } }),
			);
			try {
				const { items } = await generate(api, options);
				await new Promise((r) => setTimeout(r, 200));
				const sentMb = (sent.bytes / MB).toFixed(1);
				const result = row(other, outcome(items), {
					bounded: sent.bytes < total ? `yes (${sentMb} of ${total / MB} MB sent)` : 'no',
				});
				if (sent.bytes >= total) result.violations.push('the whole body was read');
				if (!items?.[0]?.json.error || items[0].binary)
					result.violations.push('a binary was produced');
				return result;
			} finally {
				await api.close();
			}
		},
	};
}

/**
 * A case against the built trigger, served on loopback.
 * @param {string} name
 * @param {(trigger: Trigger, call: TriggerCall) => Promise<{ did: string, ok: boolean }>} act
 * @returns {Case}
 */
function triggerCase(name, act) {
	return {
		name,
		async run(other) {
			const { webhookToken } = require('../../dist/nodes/Bfl/core/trust/webhook');
			const served = await startTriggerServer({
				from: 'dist',
				credentials: simulatorCredentials(other.base, KEY),
				options: { download: false },
			});
			/** @type {Trigger} */
			const trigger = {
				...served,
				token: webhookToken(KEY, served.url),
				tokenFor: (url) => webhookToken(KEY, url),
			};
			/** @type {TriggerCall} */
			const call = async (token, body) =>
				(
					await fetch(`${served.url}?bfl_token=${token}`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify(body),
					})
				).status;
			try {
				const { did, ok } = await act(trigger, call);
				const result = row(other, did);
				if (!ok) result.violations.push(did);
				return result;
			} finally {
				await served.close();
			}
		},
	};
}

/** Runs every case; a key leak or a request to the other host is always a violation. */
async function runTrustCases() {
	const other = await startHostile(
		{ '/steal': (_req, res) => json(res, 200, { id: 'task-1', status: 'Ready', result: {} }) },
		{ hostname: 'localhost' },
	);
	/** @type {Array<Row & { name: string }>} */
	const rows = [];
	try {
		for (const trustCase of CASES) {
			other.requests.splice(0);
			const capture = captureOutput();
			let result;
			try {
				result = await trustCase.run(other);
			} finally {
				const logs = capture.stop();
				if (result && logs.includes(KEY)) result.violations.push('the key in the logs');
			}
			if (result.otherHost)
				result.violations.push(`${result.otherHost} requests reached the other host`);
			if (result.keyElsewhere) result.violations.push('the key reached the other host');
			rows.push({ name: trustCase.name, ...result });
		}
	} finally {
		await other.close();
	}
	return rows;
}

module.exports = { runTrustCases, KEY };
