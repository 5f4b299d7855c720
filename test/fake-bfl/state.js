// @ts-check
'use strict';

const { realClock } = require('./clock');
const { taskEndpoints } = require('./endpoints');
const { OCTOBER_SPEC } = require('./schemas');

/**
 * @typedef {'api' | 'poll' | 'delivery' | 'untrusted'} ServerName
 *
 * @typedef {object} FakeBflOptions
 * @property {string} apiKey the only accepted x-key
 * @property {number} latencyMs submit → terminal status, fixed per task at submit time
 * @property {string[]} inFlightStatuses shown in order, spread across the latency
 * @property {number} concurrencyCap in-flight tasks per account
 * @property {Record<string, number>} capOverrides per-model in-flight caps
 * @property {number} videoCap in-flight video tasks per account, all three video endpoints together
 * @property {number | undefined} retryAfterSeconds when a number, 429s carry Retry-After
 * @property {number} urlTtlMs delivery URL validity after Ready
 * @property {number} imageBytes 0 = natural size, else pad served images to about this size
 * @property {number} videoBytes 0 = the small MP4, else serve MP4s of exactly this size, streamed
 * @property {number} notFoundPolls the first N polls of each task answer "Task not found"
 * @property {number} credits balance; every accepted submit costs its model price
 * @property {string} host
 * @property {string} region label of this instance (finetunes are per instance)
 * @property {number} port api port (0 = ephemeral); poll/delivery/untrusted ports are always ephemeral
 * @property {'enabled' | 'gone'} finetuneTraining
 * @property {Array<Record<string, any> & { finetune_id: string }>} finetunes seeded, already trained
 * @property {boolean} log one JSON line per request on stdout
 * @property {import('./clock').Clock} clock task phases, URL expiry and stalls follow it (default: wall time)
 * @property {import('./schemas').OpenApiDocument} openapi the BFL OpenAPI document whose task endpoints are served
 *   (default: the October 2026 copy); read at start, configure() does not change it
 *
 * @typedef {object} RequestRecord
 * @property {ServerName} server
 * @property {string} method
 * @property {string} path
 * @property {number} status 0 when the socket was destroyed without a response
 * @property {boolean} hadKey
 * @property {number} at epoch ms when the request arrived
 *
 * @typedef {object} Stats
 * @property {number} submits every POST to a model endpoint, whatever its outcome
 * @property {Record<string, number>} submitsByPrompt
 * @property {number} accepted
 * @property {number} polls
 * @property {Record<string, number>} pollsByTask
 * @property {number} downloads
 * @property {number} expiredDownloads
 * @property {number} status401
 * @property {number} status402
 * @property {number} status422
 * @property {number} status429
 * @property {number} faultsInjected
 * @property {number} webhooksSent
 * @property {Array<{ taskId: string, url: string, error: string }>} webhookFailures
 * @property {Array<{ server: ServerName, method: string, path: string }>} keyLeaks
 * @property {number} peakInFlight
 * @property {number} peakVideoInFlight
 * @property {RequestRecord[]} requests
 *
 * @typedef {object} State
 * @property {FakeBflOptions} options
 * @property {Record<string, import('./endpoints').Endpoint>} endpoints the model endpoints, by model name
 * @property {Map<string, import('./tasks').Task>} tasks
 * @property {Map<string, import('./finetunes').Finetune>} finetunes
 * @property {import('./faults').FaultStore} faults
 * @property {Stats} stats
 * @property {Set<import('./tasks').Task>} running tasks not yet settled (some may be past their readyAt)
 * @property {Set<unknown>} timers
 * @property {Set<import('http').ClientRequest>} outgoing webhook deliveries still running
 * @property {{ api: string, poll: string, delivery: string, untrusted: string }} bases
 */

/** @type {FakeBflOptions} */
const DEFAULT_OPTIONS = {
	apiKey: 'test-key',
	latencyMs: 200,
	inFlightStatuses: ['Pending', 'Reasoning', 'Generating'],
	concurrencyCap: 24,
	capOverrides: { 'flux-kontext-max': 6 },
	videoCap: 5,
	retryAfterSeconds: undefined,
	urlTtlMs: 600000,
	imageBytes: 0,
	videoBytes: 0,
	notFoundPolls: 0,
	credits: 1000,
	host: '127.0.0.1',
	region: 'us1',
	port: 0,
	finetuneTraining: 'enabled',
	finetunes: [],
	log: false,
	clock: realClock(),
	openapi: OCTOBER_SPEC,
};

/** @returns {Stats} */
function newStats() {
	return {
		submits: 0,
		submitsByPrompt: {},
		accepted: 0,
		polls: 0,
		pollsByTask: {},
		downloads: 0,
		expiredDownloads: 0,
		status401: 0,
		status402: 0,
		status422: 0,
		status429: 0,
		faultsInjected: 0,
		webhooksSent: 0,
		webhookFailures: [],
		keyLeaks: [],
		peakInFlight: 0,
		peakVideoInFlight: 0,
		requests: [],
	};
}

/**
 * @param {Partial<FakeBflOptions>} options
 * @param {import('./faults').FaultStore} faults
 * @returns {State}
 */
function createState(options, faults) {
	const merged = { ...DEFAULT_OPTIONS, clock: realClock(), ...dropUndefined(options) };
	return {
		options: merged,
		endpoints: taskEndpoints(merged.openapi),
		tasks: new Map(),
		finetunes: new Map(),
		faults,
		stats: newStats(),
		running: new Set(),
		timers: new Set(),
		outgoing: new Set(),
		bases: { api: '', poll: '', delivery: '', untrusted: '' },
	};
}

/**
 * Keeps `retryAfterSeconds: undefined` meaningful only when passed on purpose to configure().
 * @param {Record<string, any>} options
 */
function dropUndefined(options) {
	return Object.fromEntries(Object.entries(options || {}).filter(([, v]) => v !== undefined));
}

/**
 * @param {State} state
 * @param {number} inFlight
 */
function snapshotStats(state, inFlight) {
	return { ...structuredClone(state.stats), inFlight };
}

/**
 * @param {State} state
 * @param {number} inFlight
 */
function resetStats(state, inFlight) {
	state.stats = newStats();
	state.stats.peakInFlight = inFlight;
}

module.exports = { DEFAULT_OPTIONS, createState, snapshotStats, resetStats };
