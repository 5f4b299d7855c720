// @ts-check
/**
 * Runs workflows in n8n's real engine (n8n-core's WorkflowExecute), in-process.
 * Plain JS because it needs process-level things the strict n8n lint bans in TypeScript files.
 */
const { ExecutionLifecycleHooks, WorkflowExecute } = require('n8n-core');
const {
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	createRunExecutionData,
} = require('n8n-workflow');

/** A trigger-less start node that passes its input items on, like a Manual Trigger with pinned data. */
class StartNode {
	description = {
		displayName: 'Start',
		name: 'start',
		group: ['input'],
		version: 1,
		description: 'Emits the test input',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	};

	/** @this {import('n8n-workflow').IExecuteFunctions} */
	async execute() {
		return [this.getInputData()];
	}
}

/**
 * @typedef {import('n8n-workflow').INode} INode
 * @typedef {import('n8n-workflow').IRun} IRun
 * @typedef {import('n8n-workflow').ICredentialDataDecryptedObject} CredentialData
 * @typedef {import('n8n-workflow').IHttpRequestOptions} RequestOptions
 * @typedef {Omit<INode, 'id' | 'position' | 'typeVersion'> & Partial<INode>} NodeSpec a node; id, position and version default
 */

/**
 * Resolves `={{$credentials.name}}` the way n8n's generic authentication does, for header values.
 * @param {unknown} value
 * @param {CredentialData} credentials
 */
function resolveCredentialExpression(value, credentials) {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	return value
		.slice(1)
		.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_, name) => String(credentials[name] ?? ''));
}

class TestCredentialsHelper extends ICredentialsHelper {
	/** @param {Record<string, any>} credentialTypes @param {Record<string, CredentialData>} data */
	constructor(credentialTypes, data) {
		super();
		this.credentialTypes = credentialTypes;
		this.data = data;
	}
	getParentTypes() {
		return [];
	}
	isCredentialUsableByNode() {
		return true;
	}
	/** @param {CredentialData} credentials @param {string} typeName @param {RequestOptions} requestOptions */
	async authenticate(credentials, typeName, requestOptions) {
		const type = this.credentialTypes[typeName];
		const auth = type?.authenticate;
		if (typeof auth === 'function') return await auth(credentials, requestOptions);
		if (auth?.type === 'generic') {
			const headers = { ...(requestOptions.headers ?? {}) };
			for (const [name, value] of Object.entries(auth.properties.headers ?? {})) {
				headers[name] = /** @type {string} */ (resolveCredentialExpression(value, credentials));
			}
			return { ...requestOptions, headers };
		}
		return requestOptions;
	}
	async preAuthentication() {
		return undefined;
	}
	async runPreAuthentication() {
		return undefined;
	}
	/** @returns {Promise<never>} */
	async getCredentials() {
		throw new Error('not used in tests');
	}
	/** @param {unknown} _additionalData @param {unknown} _nodeCredentials @param {string} type */
	async getDecrypted(_additionalData, _nodeCredentials, type) {
		if (!this.data[type]) throw new Error(`No test credentials of type ${type}`);
		return { ...this.data[type] };
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	/** @param {string} type */
	getCredentialsProperties(type) {
		return this.credentialTypes[type]?.properties ?? [];
	}
}

/**
 * Starts a workflow. `nodes` are INode objects whose `type` is a key of `nodeTypes`; a node named
 * "Start" of type "test.start" is added and fed `input`. Returns the run promise and a cancel().
 * @param {{
 *   nodeTypes: Record<string, any>,
 *   credentialTypes?: Record<string, any>,
 *   credentials?: Record<string, CredentialData>,
 *   nodes: INode[],
 *   connections: Record<string, any>,
 *   input?: import('n8n-workflow').INodeExecutionData[],
 * }} spec
 */
function startWorkflow(spec) {
	/** @type {Record<string, any>} */
	const types = { 'test.start': new StartNode(), ...spec.nodeTypes };
	const nodeTypes = {
		getByName: (/** @type {string} */ name) => types[name],
		getByNameAndVersion: (/** @type {string} */ name, /** @type {number} */ version) =>
			NodeHelpers.getVersionedNodeType(types[name], version),
		getKnownTypes: () => ({}),
	};
	/** @type {INode[]} */
	const nodes = [
		{
			id: 'start',
			name: 'Start',
			type: 'test.start',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		...spec.nodes,
	];
	const workflow = new Workflow({
		id: 'wf-test',
		name: 'test',
		active: false,
		nodeTypes,
		nodes,
		connections: spec.connections,
		settings: { executionOrder: 'v1' },
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'exec-test', {
		id: 'wf-test',
		name: 'test',
		nodes,
		connections: spec.connections,
		active: false,
		isArchived: false,
		activeVersionId: null,
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
	});
	/** @type {Promise<import('n8n-workflow').IRun>} */
	const done = new Promise((resolve) =>
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)),
	);
	const additionalData = {
		hooks,
		credentialsHelper: new TestCredentialsHelper(
			spec.credentialTypes ?? {},
			spec.credentials ?? {},
		),
		currentNodeParameters: undefined,
		variables: {},
		executionId: 'exec-test',
		restApiUrl: '',
		webhookBaseUrl: '',
		// n8n's factory gives the execution a resume token, which the engine appends to these URLs.
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: '',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		instanceBaseUrl: '',
	};
	const start = workflow.getNode('Start');
	if (!start) throw new Error('the Start node is missing');
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: start, data: { main: [spec.input ?? [{ json: {} }]] }, source: null },
			],
		},
	});
	const execution = new WorkflowExecute(
		// The test doubles implement what the engine uses, not every member of the interface.
		/** @type {import('n8n-workflow').IWorkflowExecuteAdditionalData} */ (
			/** @type {unknown} */ (additionalData)
		),
		'manual',
		runExecutionData,
	).processRunExecutionData(workflow);
	return { done, cancel: () => execution.cancel() };
}

/**
 * Output items of a node in a finished run, or undefined when the node did not run.
 * @param {IRun} run
 * @param {string} nodeName
 */
function outputOf(run, nodeName) {
	return run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0];
}

/**
 * The error a node or the run ended with, if any.
 * @param {IRun} run
 * @param {string} nodeName
 */
function errorOf(run, nodeName) {
	return run.data.resultData.runData[nodeName]?.[0]?.error ?? run.data.resultData.error;
}

module.exports = { startWorkflow, outputOf, errorOf, StartNode, TestCredentialsHelper };
