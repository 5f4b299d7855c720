// @ts-check
'use strict';

/**
 * Example 14 in the webhook round: Video → Upscale with Completion → Webhook runs in a second n8n process (like
 * 08a) and returns at once; the simulator posts the finished upscale to 08b's trigger, which downloads the MP4,
 * and 08b writes it to disk. Judged from 14's snapshot, the simulator's task, 08b's execution and the file.
 */

const fs = require('node:fs');
const path = require('node:path');
const { freePort } = require('./n8n');
const { executionsOf } = require('./db');
const { waitFor } = require('./wait');
const { itemsOf, short } = require('./examples/judge');

const VIDEO_FILE = '14-video-upscale-by-webhook.json';
const VIDEO_NODE = 'Upscale by Webhook';
const BATCH_TIMEOUT_MS = 4 * 60000;

/**
 * Example 14 for this home: the trigger's Production URL and the round's secret on its Upscale node.
 * @param {any} workflow the loaded example, with the credential @param {string} webhookUrl @param {string} secret
 */
function videoWebhookWorkflow(workflow, webhookUrl, secret) {
	const node = workflow.nodes.find((/** @type {any} */ n) => n.name === VIDEO_NODE);
	node.parameters.webhookUrl = webhookUrl;
	node.parameters.webhookSecret = secret;
	return workflow;
}

/**
 * Runs 14 while n8n serves 08b and judges the round trip; every check name starts with "14".
 * @param {{ home: import('./n8n').N8nHome, fake: any, hook: import('./webhookChecks').WebhookWorkflows,
 *           check: import('./webhookChecks').CheckFn }} ctx
 */
async function upscaleByWebhook({ home, fake, hook, check }) {
	const batch = await home.executeBatch([hook.video.id], BATCH_TIMEOUT_MS, {
		tag: '14',
		env: { N8N_PORT: String(await freePort()), N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
	});
	const snap = batch.snapshots[hook.video.id];
	const item = snap ? (itemsOf(snap, VIDEO_NODE) || [])[0] : undefined;
	const j = item?.json || {};
	const task = j.id ? fake.tasks.get(j.id) : undefined;
	const sent = typeof task?.body.webhook_url === 'string' ? new URL(task.body.webhook_url) : null;
	const submitProblem = !snap
		? `no snapshot (execute-batch exit ${batch.result.code ?? batch.result.signal}, log ${batch.result.logFile})`
		: snap.status !== 'success'
			? `status ${snap.status}: ${short(snap.data?.resultData?.error?.message)}`
			: !task
				? `no task at the simulator for ${short(j)}`
				: j.status !== 'Pending' || j.mode !== 'upscale' || j.pollingUrl || item.binary
					? `output ${short(j)}${item.binary ? ' with a binary' : ''}`
					: j.webhookUrl !== hook.webhookUrl
						? `webhookUrl ${j.webhookUrl}, expected ${hook.webhookUrl}`
						: !sent ||
							  `${sent.origin}${sent.pathname}` !== hook.webhookUrl ||
							  !/^[0-9a-f]{40}$/.test(sent.searchParams.get('bfl_token') || '') ||
							  task.body.webhook_secret !== hook.secret
							? `BFL got webhook_url ${sent ? sent.pathname : 'none'} and ${task.body.webhook_secret ? 'a' : 'no'} secret`
							: null;
	check(
		'14 upscale by webhook: returns the task id at once; BFL got the trigger URL with its token, and the secret',
		!submitProblem,
		submitProblem || `task ${j.id} in ${(batch.result.ms / 1000).toFixed(1)} s`,
	);
	if (submitProblem) return;

	const run = await waitFor(
		async () =>
			(await executionsOf(home.release, home.home, hook.trigger.id)).find(
				(r) =>
					['success', 'error', 'crashed'].includes(r.status) &&
					(itemsOf(r, hook.triggerNode) || [])[0]?.json.id === j.id,
			),
		60000,
		500,
	);
	const delivered = run ? (itemsOf(run, hook.triggerNode) || [])[0] : undefined;
	const bin = delivered?.binary?.data;
	const served = fake.imageFor(j.id);
	const stored = bin ? home.binaryBytes(bin) : null;
	const ran = Object.keys(run?.data?.resultData?.runData || {});
	const runProblem = !run
		? `no execution of 08b for task ${j.id} within 60 s (webhook failures ${short(fake.stats().webhookFailures)})`
		: run.status !== 'success'
			? `execution ${run.status}: ${short(run.data?.resultData?.error?.message)}`
			: delivered.json.status !== 'Ready' || delivered.json.error
				? `item ${short(delivered.json)}`
				: bin?.mimeType !== 'video/mp4' || bin?.fileName !== `${j.id}.mp4`
					? `binary ${short(bin && { mimeType: bin.mimeType, fileName: bin.fileName })}`
					: !served || (stored && !stored.equals(served))
						? `stored ${stored ? stored.length : 0} B, served ${served ? served.length : 0} B`
						: !ran.includes(hook.writeNode)
							? `ran ${ran.join(', ')}`
							: null;
	check(
		'14 upscale by webhook: the trigger emits the Ready upscale with the MP4 as binary "data" (video/mp4)',
		!runProblem,
		runProblem || `${bin.fileName}: ${ran.join(' → ')}`,
	);
	if (runProblem) return;
	const file = path.join(home.files, `${j.id}.mp4`);
	const onDisk = fs.existsSync(file) ? fs.readFileSync(file) : null;
	check(
		'14 upscale by webhook: the MP4 08b wrote is byte-identical to the served video',
		Boolean(onDisk && served && onDisk.equals(served)),
		onDisk ? `${path.basename(file)}: ${onDisk.length} B on disk` : `${file} missing`,
	);
}

module.exports = { VIDEO_FILE, videoWebhookWorkflow, upscaleByWebhook };
