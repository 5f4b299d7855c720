// @ts-check
'use strict';

const crypto = require('node:crypto');
const { sendWebhook } = require('./webhooks');
const { requestedSize } = require('./picture');

/**
 * @typedef {'Ready' | 'Request Moderated' | 'Content Moderated' | 'Error' | 'Failed'} Outcome
 * @typedef {import('./images').ImageFormat} ImageFormat
 */

/** Prompt tags that script a task's terminal status; checked in this order. */
const OUTCOME_TAGS = /** @type {const} */ ([
	['[request-moderated]', 'Request Moderated'],
	['[content-moderated]', 'Content Moderated'],
	['[error]', 'Error'],
	['[failed]', 'Failed'],
]);

/** @type {Record<Outcome, Record<string, unknown> | null>} */
const OUTCOME_DETAILS = {
	Ready: null,
	'Request Moderated': { 'Moderation Reasons': ['Derivative Works Filter'] },
	'Content Moderated': { 'Moderation Reasons': ['Derivative Works Filter'] },
	Error: { error: 'Internal generation failure' },
	Failed: null,
};

class Task {
	/** @type {import('./state').State} */
	#state;

	/**
	 * @param {import('./state').State} state
	 * @param {{ model: string, body: Record<string, any>, defaultFormat: ImageFormat | 'mp4', price: { cost: number, inputMp: number, outputMp: number }, costOnResult: boolean, video?: boolean }} init
	 */
	constructor(state, init) {
		this.#state = state;
		const { body } = init;
		const prompt = typeof body.prompt === 'string' ? body.prompt : '';
		const latency = state.options.latencyMs * (prompt.includes('[slow]') ? 5 : 1);
		this.id = crypto.randomUUID();
		this.model = init.model;
		this.body = body;
		this.prompt = prompt;
		this.seed = Number.isInteger(body.seed) ? body.seed : crypto.randomInt(0, 2 ** 31 - 1);
		/** @type {ImageFormat | 'mp4' | 'bin'} a draft video's result is its draft cache bundle */
		this.outputFormat = body.draft === true ? 'bin' : body.output_format || init.defaultFormat;
		this.video = init.video === true;
		/** The served image's pixels: the requested size (see picture.js). */
		this.size = requestedSize(body);
		this.createdAt = state.options.clock.now();
		this.readyAt = this.createdAt + latency;
		/** @type {Outcome} */
		this.outcome = (OUTCOME_TAGS.find(([tag]) => prompt.includes(tag)) || [null, 'Ready'])[1];
		this.finished = false;
		this.pollCount = 0;
		this.cost = init.price.cost;
		this.inputMp = init.price.inputMp;
		this.outputMp = init.price.outputMp;
		this.costOnResult = init.costOnResult;
		this.imageBytes = state.options.imageBytes;
		this.videoBytes = state.options.videoBytes;
		/** @type {string | null} */
		this.webhookUrl = typeof body.webhook_url === 'string' ? body.webhook_url : null;
		/** @type {string | null} */
		this.webhookSecret = typeof body.webhook_secret === 'string' ? body.webhook_secret : null;
		this.pollingUrl = `${prompt.includes('[untrusted-poll]') ? state.bases.untrusted : state.bases.poll}/v1/get_result?id=${this.id}`;
		/** @type {string | null} */
		this.sample = null;
		/** @type {number | null} */
		this.expiresAt = null;
		this.sig = crypto.randomBytes(24).toString('base64');
	}

	/** In-flight statuses are derived from the clock, so reading this can settle the task. */
	get status() {
		if (!this.finished && this.#state.options.clock.now() >= this.readyAt)
			settleTask(this.#state, this);
		if (this.finished) return this.outcome;
		const statuses = this.#state.options.inFlightStatuses;
		const index = Math.floor(this.progress * statuses.length);
		return statuses[Math.min(statuses.length - 1, index)] || 'Pending';
	}

	get progress() {
		const span = this.readyAt - this.createdAt;
		return span <= 0
			? 1
			: Math.min(1, Math.max(0, (this.#state.options.clock.now() - this.createdAt) / span));
	}

	get readyResult() {
		return {
			[this.outputFormat === 'bin' ? 'draft_cache' : 'sample']: this.sample,
			prompt: this.prompt,
			seed: this.seed,
			start_time: this.createdAt / 1000,
			end_time: this.readyAt / 1000,
			duration: (this.readyAt - this.createdAt) / 1000,
		};
	}
}

/**
 * @param {import('./state').State} state
 * @param {ConstructorParameters<typeof Task>[1]} init
 */
function createTask(state, init) {
	const task = new Task(state, init);
	state.tasks.set(task.id, task);
	state.running.add(task);
	state.stats.peakInFlight = Math.max(state.stats.peakInFlight, state.running.size);
	if (task.video) {
		const videos = [...state.running].filter((t) => t.video).length;
		state.stats.peakVideoInFlight = Math.max(state.stats.peakVideoInFlight, videos);
	}
	// The timer frees the concurrency slot and fires the webhook even if nobody polls.
	const timer = state.options.clock.setTimer(() => {
		state.timers.delete(timer);
		settleTask(state, task);
	}, task.readyAt - task.createdAt);
	state.timers.add(timer);
	return task;
}

/**
 * @param {import('./state').State} state
 * @param {Task} task
 */
function settleTask(state, task) {
	if (task.finished) return;
	task.finished = true;
	state.running.delete(task);
	if (task.outcome === 'Ready') {
		task.expiresAt = task.readyAt + state.options.urlTtlMs;
		const se = encodeURIComponent(new Date(task.expiresAt).toISOString());
		const file = task.outputFormat === 'bin' ? 'draft_cache.bin' : `sample.${task.outputFormat}`;
		task.sample =
			`${state.bases.delivery}/results/${task.id}/${file}` +
			`?se=${se}&sp=r&sig=${encodeURIComponent(task.sig)}`;
	}
	if (task.webhookUrl) {
		const payload =
			task.outcome === 'Ready'
				? { id: task.id, status: 'Ready', result: task.readyResult }
				: {
						id: task.id,
						status: task.outcome,
						result: null,
						details: OUTCOME_DETAILS[task.outcome],
					};
		sendWebhook(state, task.id, task.webhookUrl, task.webhookSecret, payload);
	}
}

/**
 * In-flight tasks, settling those whose time has come first, so a late timer never holds a slot.
 * @param {import('./state').State} state
 * @param {string | ((task: Task) => boolean)} [which] count only this model's tasks, or those matching
 */
function inFlightCount(state, which) {
	const now = state.options.clock.now();
	const counts =
		which === undefined
			? () => true
			: typeof which === 'string'
				? (/** @type {Task} */ task) => task.model === which
				: which;
	let count = 0;
	for (const task of state.running) {
		if (now >= task.readyAt) settleTask(state, task);
		else if (counts(task)) count++;
	}
	return count;
}

/**
 * The get_result body for a generation task.
 * @param {Task} task
 */
function pollBody(task) {
	const status = task.status;
	if (!task.finished) {
		return {
			id: task.id,
			status,
			result: null,
			progress: Math.round(task.progress * 100) / 100,
			details: null,
			preview: null,
		};
	}
	const body = {
		id: task.id,
		status,
		result: status === 'Ready' ? task.readyResult : null,
		progress: null,
		details: OUTCOME_DETAILS[task.outcome],
		preview: null,
	};
	return task.costOnResult && status === 'Ready' ? { ...body, cost: task.cost } : body;
}

module.exports = { Task, createTask, settleTask, inFlightCount, pollBody };
