// @ts-check
'use strict';

/**
 * Example 08b's other branch: deliveries that carry no image (a failed task, a Ready task whose signed URL expired
 * before the trigger could download it) must start a successful execution that skips Write Image File.
 */

const fs = require('node:fs');
const path = require('node:path');
const { executionsOf } = require('./db');
const { fetchWithTimeout, waitFor } = require('./wait');
const { itemsOf, short } = require('./examples/judge');

/**
 * @typedef {import('./webhookChecks').CheckFn} CheckFn
 * @typedef {import('./webhookChecks').WebhookWorkflows} WebhookWorkflows
 */

/** Tasks 08b must route to its "not an image" branch, and how the trigger's item must look. */
const NOT_AN_IMAGE = [
	{
		name: '08b trigger: a failed task arrives as an item and skips the file',
		prompt: 'a task that fails [failed]',
		urlTtlMs: undefined,
		/** @param {any} j */
		itemOk: (j) => j.status === 'Failed',
	},
	{
		name: '08b trigger: a Ready task whose image URL expired arrives with its error and skips the file',
		prompt: 'a task whose delivery URL has expired',
		urlTtlMs: -1000,
		/** @param {any} j */
		itemOk: (j) => j.status === 'Ready' && /expired/i.test(String(j.error)),
	},
];

/**
 * Tasks submitted straight to the simulator with the webhook URL the node made (as another Generate run would):
 * one that fails, one whose signed URL has expired before the trigger downloads it. Each starts a successful
 * execution of 08b whose item has no binary and takes the "Failed or Moderated" branch; no file is written.
 * @param {{ home: import('./n8n').N8nHome, fake: any, apiKey: string, hook: WebhookWorkflows, taskId: string,
 *           check: CheckFn }} ctx
 */
async function notAnImageDeliveries(ctx) {
	for (const c of NOT_AN_IMAGE) {
		if (c.urlTtlMs !== undefined) ctx.fake.configure({ urlTtlMs: c.urlTtlMs });
		try {
			ctx.check(c.name, ...(await deliverOther(ctx, c.prompt, c.itemOk)));
		} catch (err) {
			ctx.check(c.name, false, String(err && /** @type {Error} */ (err).message));
		} finally {
			ctx.fake.configure({ urlTtlMs: 600000 });
		}
	}
}

/**
 * @param {{ home: import('./n8n').N8nHome, fake: any, apiKey: string, hook: WebhookWorkflows, taskId: string }} ctx
 * @param {string} prompt @param {(json: any) => boolean} itemOk
 * @returns {Promise<[boolean, string]>}
 */
async function deliverOther({ home, fake, apiKey, hook, taskId }, prompt, itemOk) {
	const res = await fetchWithTimeout(`${fake.apiBase}/v1/flux-2-pro`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-key': apiKey },
		body: JSON.stringify({
			prompt,
			width: 512,
			height: 512,
			webhook_url: fake.tasks.get(taskId).body.webhook_url,
			webhook_secret: hook.secret,
		}),
	});
	/** @type {any} */
	const submitted = await res.json().catch(() => ({}));
	if (res.status !== 200 || !submitted.id)
		return [false, `the simulator refused the submit: HTTP ${res.status} ${short(submitted)}`];
	const run = await waitFor(
		async () =>
			(await executionsOf(home.release, home.home, hook.trigger.id)).find(
				(r) =>
					['success', 'error', 'crashed'].includes(r.status) &&
					(itemsOf(r, hook.triggerNode) || [])[0]?.json.id === submitted.id,
			),
		30000,
		500,
	);
	const item = run ? (itemsOf(run, hook.triggerNode) || [])[0] : undefined;
	const ran = Object.keys(run?.data?.resultData?.runData || {});
	const file = path.join(home.files, `${submitted.id}.jpg`);
	const problem = !run
		? `no execution for task ${submitted.id} within 30 s (webhook failures ${short(fake.stats().webhookFailures)})`
		: run.status !== 'success'
			? `execution ${run.status}: ${short(run.data?.resultData?.error?.message)}`
			: !itemOk(item.json) || item.binary
				? `item ${short(item.json)}${item.binary ? ' with a binary' : ''}`
				: !ran.includes(hook.otherNode) || ran.includes(hook.writeNode) || fs.existsSync(file)
					? `ran ${ran.join(', ')}${fs.existsSync(file) ? `; ${file} written` : ''}`
					: null;
	return [!problem, problem || `task ${submitted.id}: ${ran.join(' → ')}`];
}

module.exports = { notAnImageDeliveries };
