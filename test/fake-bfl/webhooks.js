// @ts-check
'use strict';

const crypto = require('node:crypto');
const http = require('node:http');
const https = require('node:https');

const WEBHOOK_TIMEOUT_MS = 10000;

/**
 * POSTs a task's terminal state to its webhook_url. Failures are recorded in stats, never thrown.
 * @param {import('./state').State} state
 * @param {string} taskId
 * @param {string} url
 * @param {string | null} secret
 * @param {unknown} payload
 */
function sendWebhook(state, taskId, url, secret, payload) {
	/** @param {string} error */
	const fail = (error) => state.stats.webhookFailures.push({ taskId, url, error });
	const raw = Buffer.from(JSON.stringify(payload), 'utf8');
	/** @type {Record<string, string | number>} */
	const headers = {
		'content-type': 'application/json',
		'content-length': raw.length,
		'user-agent': 'fake-bfl-webhook',
	};
	if (secret)
		headers['x-bfl-signature'] =
			`sha256=${crypto.createHmac('sha256', secret).update(raw).digest('hex')}`;
	let target;
	try {
		target = new URL(url);
	} catch {
		fail('invalid webhook_url');
		return;
	}
	const client = target.protocol === 'https:' ? https : http;
	const req = client.request(target, {
		method: 'POST',
		headers,
		timeout: WEBHOOK_TIMEOUT_MS,
		agent: false,
	});
	state.outgoing.add(req);
	req.on('response', (res) => {
		res.resume();
		res.on('end', () => {
			if (res.statusCode && res.statusCode >= 200 && res.statusCode < 300)
				state.stats.webhooksSent++;
			else fail(`HTTP ${res.statusCode}`);
		});
	});
	req.on('timeout', () => req.destroy(new Error('timeout')));
	req.on('error', (err) => fail(err.message));
	req.on('close', () => state.outgoing.delete(req));
	req.end(raw);
}

module.exports = { sendWebhook };
