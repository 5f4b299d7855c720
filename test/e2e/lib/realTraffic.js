// @ts-check
'use strict';

/**
 * Real traffic in real n8n: example 01 runs with a Global-region credential while BFL's real host
 * names are served from loopback over https. n8n gets a connection hook (NODE_OPTIONS --require
 * test/helpers/realHosts.js) that maps api.bfl.ai, the regional clusters and BFL's blob delivery
 * accounts to one local TLS server, and trusts the test CA through NODE_EXTRA_CA_CERTS. The
 * answers take the forms recorded from the live API (test/realTraffic/recorded.js): the submit on
 * api.bfl.ai answers a polling URL on api.eu4 or api.us2, the Ready sample lives on
 * bfldeliveryprodeu4 or bfldeliveryscus (with a fresh `se=`, so the URL has not expired).
 */

const fs = require('node:fs');
const path = require('node:path');
const { buildImage } = require('../../fake-bfl/images');
const { json, startHostile } = require('../../helpers/hostile');
const { CA_FILE, serverTls } = require('../../helpers/realHosts');
const { RECORDED } = require('../../realTraffic/recorded');
const { itemsOf, ranOk, short } = require('./examples/judge');
const { loadExample } = require('./examples/load');
const { N8nHome } = require('./n8n');

const HOOK = path.join(__dirname, '..', '..', 'helpers', 'realHosts.js');
const CREDENTIAL = { id: 'bflCredentialReal27', name: 'Black Forest Labs (Global)' };
const API_HOSTS = ['api.bfl.ai', 'api.eu4.bfl.ai', 'api.us2.bfl.ai'];
const CASES = [
	{
		id: 'bflRealTraffic27eu4',
		cluster: 'api.eu4.bfl.ai',
		blob: 'bfldeliveryprodeu4',
		ready: 'maruel-poll-flux-2-max-ready-no-end_time',
	},
	{
		id: 'bflRealTraffic27us2',
		cluster: 'api.us2.bfl.ai',
		blob: 'bfldeliveryscus',
		ready: 'dmxapi-poll-ready-flux-2-flex-scus',
	},
];
const BLOB = (/** @type {string} */ account) => `${account}.blob.core.windows.net`;

/** A recorded Ready body moved to this case's task id, with the sample's expiry ten minutes ahead. */
function readyBody(/** @type {typeof CASES[number]} */ c, /** @type {string} */ id) {
	const recorded = /** @type {any} */ (RECORDED[c.ready].body);
	const sample = new URL(recorded.result.sample);
	sample.hostname = BLOB(c.blob);
	sample.searchParams.set(
		'se',
		new Date(Date.now() + 600000).toISOString().replace(/\.\d+Z$/, 'Z'),
	);
	return { ...recorded, id, result: { ...recorded.result, sample: sample.toString() } };
}

/**
 * @param {{ release: import('./cache').N8nRelease, dir: string, tgz: string, say: (l: string) => void,
 *   check: (name: string, ok: boolean, detail: string) => void }} opts
 */
async function runRealTraffic({ release, dir, tgz, say, check }) {
	const label = `[${release.version} real traffic]`;
	const apiKey = 'e2e-real-traffic-key-27';
	/** @type {Map<string, Buffer>} task id → the bytes its blob served */
	const servedBytes = new Map();
	/** @type {Record<string, import('../../helpers/hostile').Handler>} */
	const routes = {};
	const server = await startHostile(routes, { tls: serverTls() });
	try {
		const submit = RECORDED['maruel-submit-flux-2-max-cost-7.000000000000001'];
		routes['POST api.bfl.ai/v1/flux-2-pro'] = (_req, res, body) => {
			const c = CASES.find((x) => JSON.parse(body.toString()).prompt.includes(x.id)) ?? CASES[0];
			const id = `${c.id.slice(-3)}00000-7efa-4c69-9ec8-cbbdfd56d918`;
			let polls = 0;
			routes[`GET ${c.cluster}/v1/get_result`] = (_q, answer) => {
				const pending = RECORDED['maruel-poll-flux-2-max-pending-progress-null'];
				if (polls++ === 0)
					return json(answer, 200, { .../** @type {any} */ (pending.body), id }, pending.headers);
				const ready = readyBody(c, id);
				const bytes = buildImage('jpeg', id);
				servedBytes.set(id, bytes);
				routes[`GET ${BLOB(c.blob)}${new URL(ready.result.sample).pathname}`] = (_r, file) => {
					file.writeHead(200, { 'content-type': 'image/jpeg', server: 'Windows-Azure-Blob/1.0' });
					file.end(bytes);
				};
				return json(answer, 200, ready, RECORDED[c.ready].headers);
			};
			json(res, 200, {
				.../** @type {any} */ (submit.body),
				id,
				polling_url: `https://${c.cluster}/v1/get_result?id=${id}`,
			});
		};
		const hosts = [...API_HOSTS, ...CASES.map((c) => BLOB(c.blob))];
		const env = {
			NODE_OPTIONS: `--require ${HOOK}`,
			BFL_TEST_HOST_MAP: JSON.stringify(Object.fromEntries(hosts.map((h) => [h, server.port]))),
			NODE_EXTRA_CA_CERTS: CA_FILE,
		};

		const home = new N8nHome(release, dir);
		await home.allocatePorts();
		await home.installPackage(tgz);
		const credentials = path.join(dir, 'credentials.json');
		const data = { apiKey, region: 'global', finetuneRegion: 'auto' };
		fs.writeFileSync(credentials, JSON.stringify([{ ...CREDENTIAL, type: 'bflApi', data }]));
		await home.cliOk(['import:credentials', `--input=${credentials}`]);
		const workflows = CASES.map((c) => {
			const wf = loadExample('01-generate-to-file.json');
			wf.id = c.id;
			wf.name = `Real traffic through ${c.cluster}`;
			for (const node of wf.nodes) {
				if (node.credentials?.bflApi) node.credentials.bflApi = { ...CREDENTIAL };
				for (const a of node.parameters?.assignments?.assignments ?? []) {
					if (a.name === 'folder') a.value = home.files;
					if (a.name === 'prompt') a.value = `A red fox in the snow (${c.id})`;
				}
			}
			return wf;
		});
		await home.importWorkflows(workflows);
		say(`${label} execute-batch ${CASES.map((c) => c.id).join(',')}`);
		const batch = await home.executeBatch(
			CASES.map((c) => c.id),
			5 * 60000,
			{ env },
		);

		for (const c of CASES) {
			const name = `${label} submit on api.bfl.ai, poll ${c.cluster}, download from ${BLOB(c.blob)}`;
			/** @type {Array<[string, boolean, string]>} */
			const checks = [];
			if (!ranOk(checks, batch.snapshots[c.id], { home, fake: null, apiKey }, name)) {
				for (const [n, ok, detail] of checks)
					check(n, ok, `${detail} (log ${batch.result.logFile})`);
				continue;
			}
			for (const [n, ok, detail] of checks) check(n, ok, detail);
			const item = (itemsOf(batch.snapshots[c.id], 'Generate Image') ?? [])[0];
			const served = servedBytes.get(item?.json?.id);
			const file = served && path.join(home.files, `${item.json.id}.jpg`);
			const written = file && fs.existsSync(file) ? fs.readFileSync(file) : undefined;
			check(
				`${name}: the image as binary, written byte for byte`,
				item?.json?.status === 'Ready' && Boolean(served && written && written.equals(served)),
				`status ${short(item?.json?.status)}, ${written ? `${written.length} B written` : 'no file'}`,
			);
		}
		const seen = server.requests.map(
			(r) => `${r.method} ${r.host}${r.key === apiKey ? ' (key)' : ''}`,
		);
		const wrong = server.requests.filter((r) => API_HOSTS.includes(r.host) !== (r.key === apiKey));
		check(
			`${label} the key went to api.bfl.ai and the clusters only, never to the blob hosts`,
			wrong.length === 0 && server.requests.some((r) => r.host.startsWith('bfldelivery')),
			wrong.length ? `wrong: ${JSON.stringify(wrong)}` : [...new Set(seen)].join(', '),
		);
	} finally {
		await server.close();
	}
}

module.exports = { runRealTraffic };
