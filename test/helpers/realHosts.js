// @ts-check
/**
 * Serves BFL's real host names from loopback, for replaying recorded live traffic: a connection
 * hook maps chosen https hosts (api.eu4.bfl.ai, bfldeliveryprodeu4.blob.core.windows.net, …) on
 * port 443 to a local TLS server, and trusts the test CA on those connections only. The node is
 * unchanged: it still sees the real URLs, and its host rules judge them as in production.
 *
 * In a test: `const undo = mapHosts(['api.bfl.ai', …], port)`. In another process (real n8n):
 * `NODE_OPTIONS=--require <this file>` with `BFL_TEST_HOST_MAP={"api.bfl.ai":4433,…}`, and
 * `NODE_EXTRA_CA_CERTS` pointing at the test CA.
 */
const fs = require('node:fs');
const path = require('node:path');
const tls = require('node:tls');

const TLS_DIR = path.join(__dirname, '..', 'fixtures', 'tls');
const CA_FILE = path.join(TLS_DIR, 'ca.pem');
const testCa = fs.readFileSync(CA_FILE);

/** Key and certificate for a local https server that answers for BFL's host names. */
function serverTls() {
	return {
		key: fs.readFileSync(path.join(TLS_DIR, 'server-key.pem')),
		cert: fs.readFileSync(path.join(TLS_DIR, 'server.pem')),
	};
}

/** @type {Map<string, number>} host name (lower case, no trailing dot) → loopback port */
const mapped = new Map();
const originalConnect = tls.connect;
/** Every TLS connection asked for while the hook is on: host name as given, and port. */
const connections = /** @type {Array<{ host: string, port: number }>} */ ([]);

/** @param {unknown} host */
function mappedPort(host) {
	if (typeof host !== 'string') return undefined;
	return mapped.get(host.toLowerCase().replace(/\.$/, ''));
}

/** @param {any[]} args */
function hookedConnect(...args) {
	const [first] = args;
	if (first && typeof first === 'object') {
		const host = first.host ?? first.servername;
		const port = Number(first.port ?? 443);
		connections.push({ host: String(host), port });
		const local = port === 443 ? mappedPort(host) : undefined;
		if (local !== undefined) {
			args[0] = {
				...first,
				host: '127.0.0.1',
				port: local,
				servername: String(host).replace(/\.$/, ''),
				ca: [testCa],
				lookup: undefined,
			};
		}
	}
	return /** @type {any} */ (originalConnect).apply(tls, args);
}

/**
 * Maps the given host names (port 443) to a loopback TLS server on `port`.
 * @param {string[]} hosts
 * @param {number} port
 * @returns {() => void} undoes this mapping
 */
function mapHosts(hosts, port) {
	for (const host of hosts) mapped.set(host.toLowerCase(), port);
	/** @type {any} */ (tls).connect = hookedConnect;
	return () => {
		for (const host of hosts)
			if (mapped.get(host.toLowerCase()) === port) mapped.delete(host.toLowerCase());
		if (mapped.size === 0) /** @type {any} */ (tls).connect = originalConnect;
	};
}

if (process.env.BFL_TEST_HOST_MAP) {
	/** @type {Record<string, number>} */
	const map = JSON.parse(process.env.BFL_TEST_HOST_MAP);
	for (const [host, port] of Object.entries(map)) mapHosts([host], port);
}

module.exports = { mapHosts, serverTls, connections, CA_FILE };
