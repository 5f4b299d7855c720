// @ts-check
/** Runs the Black Forest Labs node in n8n's engine with a BFL credential pointing at a base URL. */
const { startWorkflow, outputOf, errorOf } = require('./engine');

const NODE_TYPE = 'n8n-nodes-bfl.bfl';

/** Loads the node and credential classes from the TypeScript sources (jest) or the built dist/. */
function loadClasses(from = 'src') {
	const root = from === 'dist' ? '../../dist' : '../..';
	return {
		Bfl: require(`${root}/nodes/Bfl/Bfl.node`).Bfl,
		BflApi: require(`${root}/credentials/BflApi.credentials`).BflApi,
	};
}

/**
 * @param {{
 *   parameters: Record<string, unknown>,
 *   input?: Array<Record<string, any>>,
 *   credentials?: Record<string, unknown>,
 *   continueOnFail?: boolean,
 *   from?: 'src' | 'dist',
 *   extraNodes?: Array<Record<string, any>>,
 *   extraConnections?: Record<string, any>,
 *   extraNodeTypes?: Record<string, any>,
 * }} options
 */
function startBflWorkflow(options) {
	const { Bfl, BflApi } = loadClasses(options.from);
	const credentialType = new BflApi();
	const node = {
		id: 'bfl',
		name: 'BFL',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [200, 0],
		parameters: options.parameters,
		continueOnFail: options.continueOnFail ?? false,
		credentials: { bflApi: { id: 'cred-1', name: 'BFL test' } },
	};
	return startWorkflow({
		nodeTypes: { [NODE_TYPE]: new Bfl(), ...(options.extraNodeTypes ?? {}) },
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

/** Runs the workflow to the end and returns the BFL node's items and error. */
async function runBfl(options) {
	const run = await startBflWorkflow(options).done;
	return { run, items: outputOf(run, 'BFL'), error: errorOf(run, 'BFL') };
}

/** Credentials for the offline simulator: a custom base URL on loopback. */
function simulatorCredentials(apiBase, apiKey = 'test-key') {
	return { apiKey, region: 'custom', baseUrl: apiBase, finetuneRegion: 'auto' };
}

module.exports = { startBflWorkflow, runBfl, simulatorCredentials, NODE_TYPE };
