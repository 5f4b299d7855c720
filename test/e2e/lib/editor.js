// @ts-check
'use strict';

/** The editor's view of the package through n8n's REST API (used by the queue-mode phase). */

const { fetchWithTimeout } = require('./wait');
const { CREDENTIAL_ID, CREDENTIAL_NAME } = require('./n8n');

/**
 * What the editor needs from the package, through n8n's REST API: an owner account, the node types (node and its
 * AI-tool variant) with icons that load, and the credential test (GET /v1/credits) passing with the right key
 * and failing with a wrong one.
 * The editor sends every field of the form, as here.
 * @param {string} base @param {string} apiBase @param {string} apiKey
 * @returns {Promise<Array<[string, boolean, string]>>}
 */
async function editorSmoke(base, apiBase, apiKey) {
	/** @type {Array<[string, boolean, string]>} */
	const checks = [];
	const json = { 'content-type': 'application/json' };
	const setup = await fetchWithTimeout(`${base}/rest/owner/setup`, {
		method: 'POST',
		headers: json,
		body: JSON.stringify({
			email: 'e2e@example.com',
			firstName: 'E2e',
			lastName: 'Owner',
			password: 'E2e-passw0rd',
		}),
	});
	const cookie = (setup.headers.get('set-cookie') || '').split(';')[0];
	checks.push([
		'editor: owner account set up',
		setup.status === 200 && Boolean(cookie),
		`HTTP ${setup.status}`,
	]);
	if (!cookie) return checks;
	const auth = { cookie };
	const types = await (
		await fetchWithTimeout(`${base}/types/nodes.json`, { headers: auth }, 30000)
	).json();
	const ours = Array.isArray(types)
		? types.filter((t) => String(t.name).startsWith('n8n-nodes-bfl.'))
		: [];
	const node = ours.find((t) => t.name === 'n8n-nodes-bfl.bfl');
	const iconPaths = node && node.iconUrl ? Object.values(node.iconUrl) : [];
	const icons = await Promise.all(
		iconPaths.map(async (p) => {
			const r = await fetchWithTimeout(`${base}/${p}`, { headers: auth });
			return r.status === 200 && /svg/.test(r.headers.get('content-type') || '');
		}),
	);
	checks.push([
		'editor: node types listed with loadable icons',
		Boolean(node) &&
			ours.some((t) => t.name === 'n8n-nodes-bfl.bflTool') &&
			icons.length > 0 &&
			icons.every(Boolean),
		`${ours.map((t) => t.name).join(', ') || 'none'}; ${icons.filter(Boolean).length}/${icons.length} icons served`,
	]);
	// n8n 2.x leaves AI-category nodes out of search outside the AI view; search reads the aliases.
	const trigger = ours.find((t) => t.name === 'n8n-nodes-bfl.bflTrigger');
	const codexOk = (/** @type {any} */ t) =>
		Boolean(t && t.codex) &&
		!(t.codex.categories || []).includes('AI') &&
		(t.codex.alias || []).includes('Black Forest');
	checks.push([
		'editor: node and trigger are searchable (codex not AI, aliases served)',
		codexOk(node) && codexOk(trigger),
		`node ${JSON.stringify(node && node.codex && node.codex.categories)}, trigger ${JSON.stringify(trigger && trigger.codex && trigger.codex.categories)}`,
	]);
	/** @param {string} key @param {string} [baseUrl] */
	const testCredential = async (key, baseUrl = apiBase) => {
		const res = await fetchWithTimeout(`${base}/rest/credentials/test`, {
			method: 'POST',
			headers: { ...json, ...auth },
			body: JSON.stringify({
				credentials: {
					id: CREDENTIAL_ID,
					name: CREDENTIAL_NAME,
					type: 'bflApi',
					data: { apiKey: key, region: 'custom', baseUrl, finetuneRegion: 'auto' },
				},
			}),
		});
		/** @type {any} */
		const body = await res.json().catch(() => ({}));
		return body && body.data ? `${body.data.status}: ${body.data.message}` : `HTTP ${res.status}`;
	};
	const good = await testCredential(apiKey);
	const bad = await testCredential('wrong-key');
	checks.push([
		"editor: credential test passes with the key, fails without it in the node's words",
		good.startsWith('OK') && /^Error: BFL rejected the API key \(401\)/.test(bad),
		`right key → ${good}; wrong key → ${bad}`,
	]);
	// A base URL that answers 200 with a web page (here n8n's own editor) is not BFL.
	const notBfl = await testCredential(apiKey, base);
	checks.push([
		'editor: credential test fails for a base URL that answers, but not as BFL',
		notBfl.startsWith('Error') && /not like the BFL API/.test(notBfl),
		notBfl,
	]);
	return checks;
}

module.exports = { editorSmoke };
