// @ts-check
'use strict';

/**
 * Examples 08a/08b in a running n8n: 08b (Black Forest Labs Trigger → Read/Write Files) is activated and
 * `n8n start` serves its Production URL; 08a (Manual Trigger → Generate with Completion = Webhook) runs in a
 * separate `n8n execute-batch` process against the same home. The simulator then POSTs the finished task to
 * the trigger, which downloads the image and hands it to the next node. Afterwards forged calls and a replay
 * of the delivered payload must start nothing. Judged (webhookChecks.js) from the simulator's records, n8n's
 * executions table and the file 08b wrote.
 */

const { freePort, withCredential } = require('./n8n');
const { executionsOf } = require('./db');
const { startN8n, waitFor } = require('./wait');
const { loadExample } = require('./examples');
const { short } = require('./examples/judge');
const { judgeSubmit, judgeTriggerRun, forgedAndReplayed, post } = require('./webhookChecks');
const { notAnImageDeliveries } = require('./webhookBranches');
const { VIDEO_FILE, videoWebhookWorkflow, upscaleByWebhook } = require('./webhookVideo');

const GENERATE_FILE = '08a-generate-by-webhook.json';
const TRIGGER_FILE = '08b-bfl-trigger.json';
const SHIPPED_FOLDER = '/home/node/.n8n-files/bfl';
/** Set on both nodes, so the simulator signs its call and the trigger checks the signature. */
const WEBHOOK_SECRET = 'e2e-webhook-secret-08';
const BATCH_TIMEOUT_MS = 4 * 60000;

/**
 * @typedef {import('./webhookChecks').WebhookWorkflows} WebhookWorkflows
 * @typedef {import('./webhookChecks').CheckFn} CheckFn
 */

/**
 * 08a, 08b and 14 (Video → Upscale by webhook, webhookVideo.js) for this home: the simulator credential, the trigger's Production URL on this home's port in
 * the Generate node, the same Webhook Secret on both nodes, and the trigger's file written into home.files.
 * Call after home.allocatePorts(); import all three with the other workflows.
 * @param {import('./n8n').N8nHome} home @returns {WebhookWorkflows}
 */
function webhookWorkflows(home) {
	const generateNode = 'Generate Image';
	const triggerNode = 'Black Forest Labs Trigger';
	const trigger = withCredential(loadExample(TRIGGER_FILE));
	const hook = trigger.nodes.find((/** @type {any} */ n) => n.name === triggerNode);
	hook.parameters.options.webhookSecret = WEBHOOK_SECRET;
	const write = trigger.nodes.find((/** @type {any} */ n) => n.type.endsWith('.readWriteFile'));
	write.parameters.fileName = write.parameters.fileName.replace(SHIPPED_FOLDER, home.files);
	const triggerPath = `/webhook/${hook.webhookId}/bfl`;
	const webhookUrl = `http://127.0.0.1:${home.port}${triggerPath}`;
	const generate = withCredential(loadExample(GENERATE_FILE));
	const gen = generate.nodes.find((/** @type {any} */ n) => n.name === generateNode);
	gen.parameters.webhookUrl = webhookUrl;
	gen.parameters.webhookSecret = WEBHOOK_SECRET;
	const video = videoWebhookWorkflow(
		withCredential(loadExample(VIDEO_FILE)),
		webhookUrl,
		WEBHOOK_SECRET,
	);
	return {
		generate,
		trigger,
		video,
		triggerPath,
		webhookUrl,
		secret: WEBHOOK_SECRET,
		generateNode,
		triggerNode,
		writeNode: write.name,
		otherNode: 'Failed or Moderated',
	};
}

/**
 * @typedef {{ home: import('./n8n').N8nHome, fake: any, apiKey: string, hook: WebhookWorkflows,
 *             say: (l: string) => void, check: CheckFn }} WebhookRun
 */

/**
 * Publishes 08b, starts n8n (regular mode) on the home, exercises 08a/08b, stops n8n.
 * @param {WebhookRun} opts
 */
async function runWebhookCompletion(opts) {
	const { home } = opts;
	await home.publish(opts.hook.trigger.id);
	const n8n = await startN8n(home, 'n8n-start-08');
	try {
		await exerciseWebhookCompletion({ ...opts, logFile: n8n.logFile });
	} finally {
		await n8n.stop(15000);
	}
}

/**
 * With n8n serving the published 08b on home.port: waits for the trigger, runs 08a in a second n8n process
 * (regular mode, its own ports), waits for the delivery and 08b's execution, and judges all of it, then the
 * forged calls, the replay and two deliveries without an image. Every check name starts with "08". Returns
 * 08b's executions as first judged.
 * @param {WebhookRun & { logFile: string, label?: string }} opts (label: how progress lines start)
 * @returns {Promise<Array<{ id: number, status: string, mode: string }>>}
 */
async function exerciseWebhookCompletion({ home, fake, apiKey, hook, say, check, logFile, label }) {
	const triggerUrl = `http://127.0.0.1:${home.port}${hook.triggerPath}`;
	// The trigger is registered once n8n's 404 turns into the node's own 401 (a call without the token).
	const registered = await waitFor(
		async () => (await post(triggerUrl, '{}')).status === 401,
		60000,
		500,
	);
	check(
		'08b trigger published and listening',
		Boolean(registered),
		registered
			? `POST ${hook.triggerPath} reaches the node`
			: `no 401 from ${hook.triggerPath} within 60 s (log ${logFile})`,
	);
	if (!registered) return [];

	say(`${label || `[${home.release.version}]`} 08a in a second n8n process while n8n serves 08b`);
	const batch = await home.executeBatch([hook.generate.id], BATCH_TIMEOUT_MS, {
		tag: '08',
		env: { N8N_PORT: String(await freePort()), N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
	});
	const taskId = judgeSubmit(batch, hook, fake, check);
	if (!taskId) return [];

	const triggerId = hook.trigger.id;
	const settled = await waitFor(
		async () => {
			const stats = fake.stats();
			if (stats.webhookFailures.length) return true;
			if (!stats.webhooksSent) return false;
			const runs = await executionsOf(home.release, home.home, triggerId);
			return runs.some((r) => ['success', 'error', 'crashed'].includes(r.status));
		},
		60000,
		500,
	);
	const stats = fake.stats();
	check(
		'08 the simulator POSTed the result to the trigger URL',
		stats.webhooksSent === 1 && stats.webhookFailures.length === 0,
		`${stats.webhooksSent} delivered (2xx)` +
			(stats.webhookFailures.length ? `, failures ${short(stats.webhookFailures)}` : '') +
			(settled ? '' : `, gave up waiting after 60 s (log ${logFile})`),
	);
	const runs = await executionsOf(home.release, home.home, triggerId);
	judgeTriggerRun(runs, taskId, { home, fake, apiKey, hook, check });
	await forgedAndReplayed({ home, fake, hook, taskId, before: runs.length, check });
	await notAnImageDeliveries({ home, fake, apiKey, hook, taskId, check });
	say(`${label || `[${home.release.version}]`} 14 in a second n8n process while n8n serves 08b`);
	await upscaleByWebhook({ home, fake, hook, check });

	const all = await executionsOf(home.release, home.home, triggerId);
	const written = JSON.stringify({ batch: batch.snapshots, runs: all.map((r) => r.data) });
	const leaks = fake.stats().keyLeaks;
	check(
		'08 API key in no webhook URL, output or execution, and never sent off the API host',
		!written.includes(apiKey) &&
			!String(fake.tasks.get(taskId)?.body.webhook_url).includes(apiKey) &&
			leaks.length === 0,
		leaks.length ? short(leaks) : 'not found',
	);
	return runs;
}

module.exports = { webhookWorkflows, runWebhookCompletion, exerciseWebhookCompletion };
