import { createHmac } from 'node:crypto';

import {
	parseWebhookEvent,
	rememberId,
	secretsEqual,
	signatureValid,
	tokenTarget,
	webhookToken,
	withToken,
	withoutToken,
} from '../../nodes/Bfl/core/trust/webhook';

describe('webhook token', () => {
	const url = 'https://n8n.example.com/webhook/5b0f1a4e-9a53/bfl';

	it('is bound to the key and the full URL: scheme, host, port and path', () => {
		const token = webhookToken('key-1', url);
		expect(token).toMatch(/^[0-9a-f]{40}$/);
		for (const other of [
			'http://n8n.example.com/webhook/5b0f1a4e-9a53/bfl',
			'https://evil.example.com/webhook/5b0f1a4e-9a53/bfl',
			'https://n8n.example.com.evil.com/webhook/5b0f1a4e-9a53/bfl',
			'https://n8n.example.com:8443/webhook/5b0f1a4e-9a53/bfl',
			'https://n8n.example.com/webhook-test/5b0f1a4e-9a53/bfl',
			'https://n8n.example.com/prefix/webhook/5b0f1a4e-9a53/bfl',
			'https://n8n.example.com/webhook/another-id/bfl',
			'/webhook/5b0f1a4e-9a53/bfl',
		]) {
			expect([other, webhookToken('key-1', other)]).not.toEqual([other, token]);
		}
		expect(webhookToken('key-2', url)).not.toBe(token);
	});

	it('ignores what does not change the address: host case, default port, query, trailing slash', () => {
		const token = webhookToken('key-1', url);
		for (const same of [
			'https://N8N.Example.com/webhook/5b0f1a4e-9a53/bfl',
			'https://n8n.example.com:443/webhook/5b0f1a4e-9a53/bfl',
			`${url}?bfl_token=old&x=1`,
			`${url}/`,
		]) {
			expect([same, webhookToken('key-1', same)]).toEqual([same, token]);
		}
		expect(tokenTarget('ftp://x/y')).toBeUndefined();
	});

	it('travels as a query parameter that outputs strip again', () => {
		const signed = withToken(`${url}?keep=1`, 'abc');
		expect(new URL(signed).searchParams.get('bfl_token')).toBe('abc');
		expect(withoutToken(signed)).toBe(`${url}?keep=1`);
	});

	it('compares secrets in full', () => {
		expect(secretsEqual('abc', 'abc')).toBe(true);
		expect(secretsEqual('abc', 'abd')).toBe(false);
		expect(secretsEqual('abc', 'abcd')).toBe(false);
		expect(secretsEqual('', 'abc')).toBe(false);
	});
});

describe('signatureValid', () => {
	const body = Buffer.from('{"id":"t","status":"Ready"}');
	const sign = (secret: string) =>
		`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

	it('accepts the HMAC-SHA256 of the raw body, in either case', () => {
		expect(signatureValid('s3cret', body, sign('s3cret'))).toBe(true);
		expect(
			signatureValid('s3cret', body, sign('s3cret').toUpperCase().replace('SHA256', 'sha256')),
		).toBe(true);
	});

	it('rejects another secret, another body, and malformed headers', () => {
		expect(signatureValid('s3cret', body, sign('other'))).toBe(false);
		expect(signatureValid('s3cret', Buffer.from('{}'), sign('s3cret'))).toBe(false);
		expect(signatureValid('s3cret', body, 'sha1=abc')).toBe(false);
		expect(signatureValid('s3cret', body, '')).toBe(false);
	});
});

describe('parseWebhookEvent', () => {
	it('reads the shapes seen in the wild', () => {
		expect(
			parseWebhookEvent({ id: 'a', status: 'Ready', result: { sample: 'https://d/x.jpg' } }),
		).toMatchObject({
			id: 'a',
			status: 'Ready',
			outcome: 'ready',
			sampleUrl: 'https://d/x.jpg',
		});
		expect(parseWebhookEvent({ task_id: 'b', status: 'SUCCESS' })).toMatchObject({
			id: 'b',
			status: 'Ready',
			outcome: 'ready',
		});
		expect(parseWebhookEvent({ task_id: 'c', status: 'FAILED' })).toMatchObject({
			status: 'Failed',
			outcome: 'failed',
		});
		expect(parseWebhookEvent({ id: 'd', status: 'Request Moderated' })).toMatchObject({
			outcome: 'moderated',
		});
	});

	it('refuses what is not a task result', () => {
		expect(parseWebhookEvent({ status: 'Ready' })).toBeUndefined();
		expect(parseWebhookEvent({ id: 'a' })).toBeUndefined();
		expect(parseWebhookEvent('Ready')).toBeUndefined();
	});
});

describe('rememberId', () => {
	it('reports a replay and keeps only the newest ids', () => {
		const first = rememberId([], 'a', 2);
		expect(first).toEqual({ fresh: true, seen: ['a'] });
		expect(rememberId(first.seen, 'a', 2).fresh).toBe(false);
		expect(rememberId(['a', 'b'], 'c', 2).seen).toEqual(['b', 'c']);
	});
});
