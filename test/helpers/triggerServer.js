// @ts-check
/**
 * Serves the Black Forest Labs Trigger on a real loopback port, in-process: each POST runs the
 * node's webhook() in n8n-core's WebhookContext, as n8n's webhook server would, and the items it
 * emits are collected. Plain JS: it needs node:http.
 */
const http = require('node:http');
const { WebhookContext } = require('n8n-core');
const { NodeHelpers, Workflow } = require('n8n-workflow');
const { TestCredentialsHelper } = require('./engine');

const TRIGGER_TYPE = 'n8n-nodes-bfl.bflTrigger';

/**
 * The bits of express's response that webhook() uses.
 * @param {http.ServerResponse} res
 */
function responseShim(res) {
	return {
		/** @param {number} code */
		status(code) {
			res.statusCode = code;
			return this;
		},
		/** @param {unknown} body */
		json(body) {
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify(body));
			return this;
		},
		/** @param {unknown} body */
		send(body) {
			res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
			return this;
		},
		end: () => res.end(),
		setHeader: (/** @type {string} */ name, /** @type {string} */ value) =>
			res.setHeader(name, value),
	};
}

/**
 * @param {{ credentials: import('n8n-workflow').ICredentialDataDecryptedObject, options?: import('n8n-workflow').IDataObject, webhookId?: string, from?: 'src' | 'dist' }} config
 */
async function startTriggerServer(config) {
	const root = config.from === 'dist' ? '../../dist' : '../..';
	const { BflTrigger } = require(`${root}/nodes/BflTrigger/BflTrigger.node`);
	const { BflApi } = require(`${root}/credentials/BflApi.credentials`);
	const trigger = new BflTrigger();
	const webhookId = config.webhookId ?? '5b0f1a4e-9a53-4c3e-8c49-0d6f4b1e2a77';
	/** @type {import('n8n-workflow').INode} */
	const node = {
		id: 'trigger',
		name: 'BFL Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId,
		parameters: {
			options: /** @type {import('n8n-workflow').INodeParameters} */ (config.options ?? {}),
		},
		credentials: { bflApi: { id: 'cred-1', name: 'BFL test' } },
	};
	const nodeTypes = {
		getByName: () => trigger,
		getByNameAndVersion: () => NodeHelpers.getVersionedNodeType(trigger, 1),
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({
		id: 'wf-trigger',
		active: true,
		nodeTypes,
		nodes: [node],
		connections: {},
		settings: {},
	});
	const credentialsHelper = new TestCredentialsHelper(
		{ bflApi: new BflApi() },
		{ bflApi: config.credentials },
	);
	/** @type {import('n8n-workflow').INodeExecutionData[]} */
	const emitted = [];
	const publicBase = () => {
		const { port } = /** @type {import('net').AddressInfo} */ (server.address());
		return `http://127.0.0.1:${port}`;
	};
	/** @type {number[]} */
	const responses = [];

	const server = http.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (/** @type {Buffer} */ chunk) => chunks.push(chunk));
		req.on('end', async () => {
			const rawBody = Buffer.concat(chunks);
			const url = new URL(req.url ?? '/', 'http://trigger.invalid');
			let body = {};
			try {
				body = JSON.parse(rawBody.toString('utf8') || '{}');
			} catch {
				body = {};
			}
			const request = {
				method: req.method,
				path: url.pathname,
				headers: req.headers,
				query: Object.fromEntries(url.searchParams),
				params: {},
				body,
				rawBody,
			};
			const doubles = {
				credentialsHelper,
				httpRequest: request,
				httpResponse: responseShim(res),
				// n8n's WEBHOOK_URL + "webhook": what getNodeWebhookUrl builds the Production URL from.
				webhookBaseUrl: `${publicBase()}/webhook`,
				restApiUrl: '',
				variables: {},
			};
			// The test doubles implement what the context uses, not the whole interface.
			const additionalData = /** @type {import('n8n-workflow').IWorkflowExecuteAdditionalData} */ (
				/** @type {unknown} */ (doubles)
			);
			/** @type {import('n8n-workflow').IWebhookData} */
			const webhookData = {
				workflowExecuteAdditionalData: additionalData,
				httpMethod: 'POST',
				node: node.name,
				path: `${webhookId}/bfl`,
				webhookDescription: /** @type {import('n8n-workflow').IWebhookDescription[]} */ (
					trigger.description.webhooks
				)[0],
				workflowId: workflow.id,
				webhookId,
			};
			try {
				const context = new WebhookContext(
					workflow,
					node,
					additionalData,
					'webhook',
					webhookData,
					[],
					null,
				);
				const result = await trigger.webhook.call(context);
				if (result.workflowData) {
					emitted.push(...result.workflowData[0]);
					res.statusCode = 200;
					res.end(JSON.stringify({ message: 'Workflow was started' }));
				}
			} catch (error) {
				res.statusCode = 500;
				res.end(JSON.stringify({ message: String(error) }));
			}
			responses.push(res.statusCode);
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const { port } = /** @type {import('net').AddressInfo} */ (server.address());
	return {
		/** The trigger's Production URL, as n8n would show it. */
		url: `http://127.0.0.1:${port}/webhook/${webhookId}/bfl`,
		emitted,
		responses,
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve(undefined));
				server.closeAllConnections();
			}),
	};
}

module.exports = { startTriggerServer };
