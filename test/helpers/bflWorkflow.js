// @ts-check
/** Runs the Black Forest Labs node in n8n's engine with a BFL credential pointing at a base URL. */
const { startWorkflow, outputOf, errorOf } = require('./engine');

const NODE_TYPE = 'n8n-nodes-bfl.bfl';

/**
 * @typedef {import('n8n-workflow').IRun} IRun
 * @typedef {import('n8n-workflow').IBinaryData} IBinaryData
 * @typedef {import('n8n-workflow').INodeExecutionData} INodeExecutionData
 *
 * @typedef {object} OutputItem one item the node emitted
 * @property {Record<string, any>} json the node's free-form output; tests assert it field by field
 * @property {Record<string, IBinaryData>} [binary]
 * @property {INodeExecutionData['pairedItem']} [pairedItem]
 *
 * @typedef {object} RunError the error the node (or the run) ended with
 * @property {string} name NodeOperationError, NodeApiError, ...
 * @property {string} message
 * @property {string | null} [description]
 * @property {string | null} [httpCode]
 *
 * @typedef {object} BflResult
 * @property {IRun} run the whole run, for other nodes' data
 * @property {OutputItem[]} items the BFL node's output items; empty when it emitted none
 * @property {RunError | undefined} error
 *
 * @typedef {{
 *   parameters: Record<string, unknown>,
 *   input?: INodeExecutionData[],
 *   credentials?: import('n8n-workflow').ICredentialDataDecryptedObject,
 *   continueOnFail?: boolean,
 *   from?: 'src' | 'dist',
 *   extraNodes?: import('n8n-workflow').INode[],
 *   extraConnections?: Record<string, any>,
 *   extraNodeTypes?: Record<string, any>,
 *   asTool?: boolean,
 * }} BflRunOptions
 */

/** Loads the node and credential classes from the TypeScript sources (jest) or the built dist/. */
function loadClasses(from = 'src') {
	const root = from === 'dist' ? '../../dist' : '../..';
	return {
		Bfl: require(`${root}/nodes/Bfl/Bfl.node`).Bfl,
		BflApi: require(`${root}/credentials/BflApi.credentials`).BflApi,
	};
}

/**
 * The node as n8n runs it under an AI agent: the type `<name>Tool`, built from the same description
 * (n8n's convertNodeToAiTool renames it and, as the node brings its own toolDescription, adds nothing).
 * @param {any} Bfl
 */
function toolOf(Bfl) {
	const tool = new Bfl();
	tool.description = { ...tool.description, name: `${tool.description.name}Tool` };
	return tool;
}

/** @param {BflRunOptions} options */
function startBflWorkflow(options) {
	const { Bfl, BflApi } = loadClasses(options.from);
	const credentialType = new BflApi();
	const type = options.asTool ? `${NODE_TYPE}Tool` : NODE_TYPE;
	/** @type {import('n8n-workflow').INode} */
	const node = {
		id: 'bfl',
		name: 'BFL',
		type,
		typeVersion: 1,
		position: [200, 0],
		parameters: /** @type {import('n8n-workflow').INodeParameters} */ (options.parameters),
		continueOnFail: options.continueOnFail ?? false,
		credentials: { bflApi: { id: 'cred-1', name: 'BFL test' } },
	};
	return startWorkflow({
		nodeTypes: {
			[type]: options.asTool ? toolOf(Bfl) : new Bfl(),
			...(options.extraNodeTypes ?? {}),
		},
		credentialTypes: { bflApi: credentialType },
		credentials: { bflApi: options.credentials ?? {} },
		nodes: [node, ...(options.extraNodes ?? [])],
		connections: {
			Start: { main: [[{ node: 'BFL', type: 'main', index: 0 }]] },
			...(options.extraConnections ?? {}),
		},
		input: options.input,
	});
}

/**
 * Runs the workflow to the end and returns the BFL node's items and error.
 * @param {BflRunOptions} options
 * @returns {Promise<BflResult>}
 */
async function runBfl(options) {
	const run = await startBflWorkflow(options).done;
	return {
		run,
		items: /** @type {OutputItem[]} */ (outputOf(run, 'BFL') ?? []),
		error: /** @type {RunError | undefined} */ (errorOf(run, 'BFL')),
	};
}

/**
 * Credentials for the offline simulator: a custom base URL on loopback.
 * @param {string} apiBase
 */
function simulatorCredentials(apiBase, apiKey = 'test-key') {
	return { apiKey, region: 'custom', baseUrl: apiBase, finetuneRegion: 'auto' };
}

module.exports = { startBflWorkflow, runBfl, simulatorCredentials, NODE_TYPE };
