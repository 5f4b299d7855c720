// @ts-check
'use strict';

/**
 * How examples 08a/08b are judged (see webhookCompletion.js): 08a's snapshot and what the simulator received,
 * 08b's execution and the file it wrote, and the trigger's answers to forged calls and a replay.
 */

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { executionsOf } = require('./db');
const { fetchWithTimeout, sleep } = require('./wait');
const { itemsOf, short, imageItemProblem, CORE_FIELDS } = require('./examples/judge');

/**
 * @typedef {(name: string, ok: boolean, detail: string) => void} CheckFn
 * @typedef {{ generate: any, trigger: any, video: any, triggerPath: string, webhookUrl: string, secret: string,
 *             generateNode: string, triggerNode: string, writeNode: string, otherNode: string }} WebhookWorkflows
 */

/** POSTs a body (string) to the trigger; returns the status and the answer's text. */
async function post(
	/** @type {string} */ url,
	/** @type {string} */ body,
	/** @type {Record<string, string>} */ headers = {},
) {
	try {
		const res = await fetchWithTimeout(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body,
		});
		return { status: res.status, text: (await res.text()).slice(0, 200) };
	} catch (err) {
		return { status: 0, text: String(err && /** @type {Error} */ (err).message) };
	}
}

/** @param {string} secret @param {string} body */
const signature = (secret, body) =>
	`sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`;

/**
 * 08a's snapshot: the task id at once, Pending, without a polling URL or token; the simulator got the URL with
 * the token and the secret. Returns the task id, or null when there is nothing to wait for.
 * @param {any} batch @param {WebhookWorkflows} hook @param {any} fake @param {CheckFn} check
 */
function judgeSubmit(batch, hook, fake, check) {
	const snap = batch.snapshots[hook.generate.id];
	const r = batch.result;
	const item = snap ? (itemsOf(snap, hook.generateNode) || [])[0] : undefined;
	const j = item?.json || {};
	const task = j.id ? fake.tasks.get(j.id) : undefined;
	const sent =
		task && typeof task.body.webhook_url === 'string' ? new URL(task.body.webhook_url) : null;
	const problem = !snap
		? `no snapshot (execute-batch exit ${r.code ?? r.signal}, log ${r.logFile})`
		: snap.status !== 'success'
			? `status ${snap.status}: ${short(snap.data?.resultData?.error?.message)}`
			: !task
				? `no task at the simulator for ${short(j)}`
				: j.status !== 'Pending' || j.pollingUrl || item.binary
					? `output ${short(j)}${item.binary ? ' with a binary' : ''}`
					: j.webhookUrl !== hook.webhookUrl
						? `webhookUrl ${j.webhookUrl}, expected ${hook.webhookUrl} without the token`
						: null;
	check(
		'08a generate by webhook: returns the task id at once (Pending, no polling URL, URL without token)',
		!problem,
		problem || `task ${j.id} in ${(r.ms / 1000).toFixed(1)} s`,
	);
	if (!task) return null;
	const token = sent?.searchParams.get('bfl_token') || '';
	const urlOk =
		sent !== null &&
		`${sent.origin}${sent.pathname}` === hook.webhookUrl &&
		/^[0-9a-f]{40}$/.test(token) &&
		task.body.webhook_secret === hook.secret;
	check(
		'08a generate by webhook: BFL got the trigger URL with its token, and the secret',
		urlOk,
		sent ? `${sent.pathname}?bfl_token=<${token.length} hex>` : 'no webhook_url in the submit',
	);
	return j.id;
}

/**
 * 08b's execution: one, successful, started by the webhook, its item the Ready task with the image (bytes as
 * stored by n8n), and the file Read/Write Files wrote byte-identical to the served image.
 * @param {Array<{ id: number, status: string, mode: string, data: any }>} runs @param {string} taskId
 * @param {{ home: import('./n8n').N8nHome, fake: any, apiKey: string, hook: WebhookWorkflows,
 *           check: CheckFn }} ctx
 */
function judgeTriggerRun(runs, taskId, ctx) {
	const { home, fake, hook, check } = ctx;
	const run = runs[0];
	const error = run?.data?.resultData?.error;
	check(
		'08b trigger: the webhook started exactly one successful execution',
		runs.length === 1 && run.status === 'success' && run.mode === 'webhook',
		runs.length
			? runs
					.map((r) => `#${r.id} ${r.status} (${r.mode})`)
					.join(', ')
					.concat(error ? `: ${short(error.message)}` : '')
			: 'no execution of 08b',
	);
	const item = run ? (itemsOf(run, hook.triggerNode) || [])[0] : undefined;
	const problem =
		imageItemProblem({ home, fake, apiKey: ctx.apiKey }, item, CORE_FIELDS) ||
		(item.json.id !== taskId ? `id ${item.json.id}, expected ${taskId}` : null);
	check(
		'08b trigger: emits the Ready task with the downloaded image as binary "data"',
		!problem,
		problem || `${item.binary.data.fileName}, ${item.binary.data.mimeType}`,
	);
	const file = path.join(home.files, `${taskId}.jpg`);
	const onDisk = fs.existsSync(file) ? fs.readFileSync(file) : null;
	const served = fake.imageFor(taskId);
	check(
		'08b trigger: the file the next node wrote is byte-identical to the served image',
		Boolean(onDisk && served && onDisk.equals(served)),
		onDisk
			? `${path.basename(file)}: ${onDisk.length} B on disk, ${served ? served.length : 0} B served`
			: `${file} missing`,
	);
}

/**
 * Calls the trigger as an attacker would (no token, a wrong token, the right token with a wrong signature) and
 * as a retrying sender would (the delivered payload again, correctly signed); none may start an execution.
 * @param {{ home: import('./n8n').N8nHome, fake: any, hook: WebhookWorkflows, taskId: string, before: number,
 *           check: CheckFn }} ctx
 */
async function forgedAndReplayed({ home, fake, hook, taskId, before, check }) {
	const task = fake.tasks.get(taskId);
	const url = `http://127.0.0.1:${home.port}${hook.triggerPath}`;
	const token = new URL(task.body.webhook_url).searchParams.get('bfl_token') || '';
	const flipped = token.slice(0, -1) + (token.endsWith('0') ? '1' : '0');
	const forgedBody = JSON.stringify({
		id: 'forged-task-1',
		status: 'Ready',
		result: { sample: `${fake.deliveryBase}/results/${taskId}/sample.jpeg`, seed: 1 },
	});
	const signed = { 'x-bfl-signature': signature(hook.secret, forgedBody) };
	const forged = {
		'no token': await post(url, forgedBody, signed),
		'wrong token': await post(`${url}?bfl_token=${flipped}`, forgedBody, signed),
		'wrong X-BFL-Signature': await post(`${url}?bfl_token=${token}`, forgedBody, {
			'x-bfl-signature': signature('not-the-secret', forgedBody),
		}),
	};
	const forgedOk = Object.values(forged).every((r) => r.status === 401);
	check(
		'08b trigger: forged calls are answered 401',
		forgedOk,
		Object.entries(forged)
			.map(([what, r]) => `${what} → ${r.status}${r.status === 401 ? '' : ` ${r.text}`}`)
			.join('; '),
	);
	// byte for byte what the simulator sent (tasks.js), with its signature
	const delivered = JSON.stringify({ id: task.id, status: 'Ready', result: task.readyResult });
	const replay = await post(`${url}?bfl_token=${token}`, delivered, {
		'x-bfl-signature': signature(hook.secret, delivered),
	});
	check(
		'08b trigger: a replay of the delivered payload is acknowledged as a duplicate',
		replay.status === 200 && /duplicate/.test(replay.text),
		`HTTP ${replay.status} ${replay.text}`,
	);
	await sleep(1500);
	const after = await executionsOf(home.release, home.home, hook.trigger.id);
	check(
		'08b trigger: the forged calls and the replay started no execution',
		after.length === before,
		`${after.length} execution(s) of 08b, ${before} before`,
	);
}

module.exports = { judgeSubmit, judgeTriggerRun, forgedAndReplayed, post };
