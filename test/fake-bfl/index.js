// @ts-check
'use strict';

const http = require('node:http');
const { createState, snapshotStats, resetStats } = require('./state');
const { createFaultStore, addFault } = require('./faults');
const { seedFinetunes } = require('./finetunes');
const { inFlightCount } = require('./tasks');
const { sniffImage } = require('./images');
const { manualClock } = require('./clock');
const { Readable } = require('node:stream');
const { handleRequest } = require('./routes');
const { resultBody } = require('./delivery');

/**
 * @typedef {import('./state').FakeBflOptions} FakeBflOptions
 * @typedef {import('./faults').Fault} Fault
 *
 * @typedef {object} FakeBfl
 * @property {string} apiBase submit host: models, credits, get_result, finetune endpoints
 * @property {string} pollBase where polling_url points (a different port)
 * @property {string} deliveryBase where result.sample points
 * @property {string} untrustedBase a different hostname ('localhost') serving get_result, for [untrusted-poll]
 * @property {(partial: Partial<FakeBflOptions>) => void} configure
 * @property {(fault: Fault) => string} injectFault
 * @property {() => void} clearFaults
 * @property {() => import('./state').Stats & { inFlight: number }} stats
 * @property {() => void} resetStats
 * @property {Map<string, import('./tasks').Task>} tasks
 * @property {Map<string, import('./finetunes').Finetune>} finetunes
 * @property {(id: string) => Buffer | null} imageFor the exact bytes the delivery server serves for a Ready task
 *   (its image, or for video tasks the MP4 or draft cache bundle)
 * @property {(id: string) => { length: number, stream: Readable } | null} resultStream the same bytes as a stream
 *   made as it is read, for files too large to hold (videoBytes)
 * @property {(ms: number) => void} advance moves a manual clock on (tasks settle, URLs expire, webhooks fire)
 * @property {() => Promise<void>} close
 */

/**
 * @param {http.Server} server
 * @param {number} port
 * @param {string} host
 * @returns {Promise<number>}
 */
function listen(server, port, host) {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve(/** @type {import('net').AddressInfo} */ (server.address()).port);
		});
	});
}

/** @param {http.Server} server */
function closeServer(server) {
	return new Promise((resolve) => {
		server.close(() => resolve(undefined));
		server.closeAllConnections();
	});
}

/**
 * 'localhost' may resolve to ::1 before 127.0.0.1, so the untrusted server listens on both loopbacks, same port.
 * @param {() => http.Server} makeServer
 * @param {string} host
 * @returns {Promise<{ port: number, servers: http.Server[] }>}
 */
async function listenOnLocalhost(makeServer, host) {
	for (let attempt = 0; ; attempt++) {
		const v4 = makeServer();
		const port = await listen(v4, 0, host);
		const v6 = makeServer();
		try {
			await listen(v6, port, '::1');
			return { port, servers: [v4, v6] };
		} catch (err) {
			const code = /** @type {NodeJS.ErrnoException} */ (err).code;
			if (code !== 'EADDRINUSE' || attempt >= 5) return { port, servers: [v4] }; // no IPv6 loopback here
			await closeServer(v4);
		}
	}
}

/**
 * Starts the four loopback servers of an offline BFL FLUX API fake.
 * @param {Partial<FakeBflOptions>} [options]
 * @returns {Promise<FakeBfl>}
 */
async function startFakeBfl(options = {}) {
	const state = createState(options, createFaultStore());
	seedFinetunes(state);
	const { host } = state.options;
	/** @type {http.Server[]} */
	const servers = [];
	/** @param {import('./state').ServerName} name */
	const makeServer = (name) => {
		const server = http.createServer((req, res) => void handleRequest(state, name, req, res));
		// Long enough that an idle keep-alive socket never closes while a client, stalled by a busy
		// machine or by building a large body, is about to reuse it (that race ends in ECONNRESET).
		server.keepAliveTimeout = 65_000;
		servers.push(server);
		return server;
	};
	const apiPort = await listen(makeServer('api'), state.options.port, host);
	const pollPort = await listen(makeServer('poll'), 0, host);
	const deliveryPort = await listen(makeServer('delivery'), 0, host);
	const untrusted = await listenOnLocalhost(() => makeServer('untrusted'), host);
	servers.splice(0, servers.length, ...servers.filter((s) => s.listening));

	const urlHost =
		host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
	state.bases = {
		api: `http://${urlHost}:${apiPort}`,
		poll: `http://${urlHost}:${pollPort}`,
		delivery: `http://${urlHost}:${deliveryPort}`,
		untrusted: `http://localhost:${untrusted.port}`,
	};

	let closing = /** @type {Promise<void> | null} */ (null);
	return {
		apiBase: state.bases.api,
		pollBase: state.bases.poll,
		deliveryBase: state.bases.delivery,
		untrustedBase: state.bases.untrusted,
		configure(partial) {
			Object.assign(state.options, partial);
			if (partial.finetunes) seedFinetunes(state);
		},
		injectFault: (fault) => addFault(state.faults, fault),
		clearFaults() {
			state.faults.active.length = 0;
		},
		stats: () => snapshotStats(state, inFlightCount(state)),
		resetStats: () => resetStats(state, inFlightCount(state)),
		advance: (ms) => state.options.clock.advance(ms),
		tasks: state.tasks,
		finetunes: state.finetunes,
		imageFor(id) {
			const task = state.tasks.get(id);
			if (!task || task.status !== 'Ready') return null;
			return Buffer.concat([...resultBody(task).chunks()]);
		},
		resultStream(id) {
			const task = state.tasks.get(id);
			if (!task || task.status !== 'Ready') return null;
			const { length, chunks } = resultBody(task);
			return { length, stream: Readable.from(chunks(), { objectMode: false }) };
		},
		close() {
			closing ||= (async () => {
				for (const timer of state.timers) state.options.clock.clearTimer(timer);
				state.timers.clear();
				for (const req of state.outgoing) req.destroy();
				await Promise.all(servers.map(closeServer));
			})();
			return closing;
		},
	};
}

module.exports = { startFakeBfl, sniffImage, manualClock };
