// @ts-check
'use strict';

/**
 * The agent phase's workflows: Manual Trigger → Set (the user's message) → n8n's Tools Agent with an OpenAI
 * Chat Model (pointed at the fake model by its credential) and the Black Forest Labs tool; plus example 15
 * adapted to this home. Each scenario draws its own scene, so the simulator's and the model's records can
 * be told apart.
 */

const fs = require('node:fs');
const path = require('node:path');
const { CREDENTIAL_ID, CREDENTIAL_NAME, withCredential } = require('../n8n');
const { loadExample } = require('../examples');

const OPENAI_CREDENTIAL = { id: 'openAiE2eCredential01', name: 'Fake model (e2e)' };
const EXAMPLE_FILE = '15-agent-image-to-file.json';
const EXAMPLE_ID = 'bflEx15AgentToFile';

/**
 * @typedef {{ id: string, label: string, api: 'chat' | 'responses', scene: string,
 *   toolParameters: Record<string, unknown>, byHand: boolean }} Scenario
 */

/** @type {Scenario[]} */
const SCENARIOS = [
	{
		id: 'bflAgent01ZeroChat',
		label: 'zero-config tool, Chat Completions',
		api: 'chat',
		scene: 'a lighthouse on a cliff at dusk, warm window light, 35mm photo',
		toolParameters: {},
		byHand: false,
	},
	{
		id: 'bflAgent02ZeroResp',
		label: 'zero-config tool, Responses API',
		api: 'responses',
		scene: 'a paper boat on a rain puddle, city reflections, macro photo',
		toolParameters: {},
		byHand: false,
	},
	{
		id: 'bflAgent03FromAI',
		label: '$fromAI set by hand, Chat Completions',
		api: 'chat',
		scene: 'a red vintage tram in the snow, watercolor',
		// What the editor's "Let the model define this parameter" button writes.
		toolParameters: { prompt: "={{ $fromAI('Prompt', ``, 'string') }}" },
		byHand: true,
	},
];

const uuid = (/** @type {string} */ id, /** @type {number} */ n) =>
	`b1f1a9e0-0000-4000-8000-${String(id.length * 1000 + n).padStart(12, '0')}`;

/** @param {Scenario} s */
function scenarioWorkflow(s) {
	const bflRef = { id: CREDENTIAL_ID, name: CREDENTIAL_NAME };
	return {
		id: s.id,
		name: `BFL agent e2e: ${s.label}`,
		nodes: [
			{
				parameters: {},
				id: uuid(s.id, 1),
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
			},
			{
				parameters: {
					assignments: {
						assignments: [
							{ id: uuid(s.id, 2), name: 'chatInput', value: `Draw: ${s.scene}`, type: 'string' },
						],
					},
					options: {},
				},
				id: uuid(s.id, 3),
				name: 'Message',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [200, 0],
			},
			{
				parameters: {
					promptType: 'define',
					text: '={{ $json.chatInput }}',
					options: { returnIntermediateSteps: true },
				},
				id: uuid(s.id, 4),
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 3,
				position: [400, 0],
			},
			{
				parameters: {
					model: { __rl: true, mode: 'id', value: 'fake-model' },
					...(s.api === 'responses' ? {} : { responsesApiEnabled: false }),
					options: {},
				},
				id: uuid(s.id, 5),
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.3,
				position: [340, 220],
				credentials: { openAiApi: OPENAI_CREDENTIAL },
			},
			{
				parameters: s.toolParameters,
				id: uuid(s.id, 6),
				name: 'Black Forest Labs',
				type: 'n8n-nodes-bfl.bflTool',
				typeVersion: 1,
				position: [520, 220],
				credentials: { bflApi: bflRef },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Message', type: 'main', index: 0 }]] },
			Message: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': {
				ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
			},
			'Black Forest Labs': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** Example 15 for this home: our credentials, and its files written where n8n may write. @param {string} folder */
function exampleWorkflow(folder) {
	const wf = withCredential(loadExample(EXAMPLE_FILE));
	for (const node of wf.nodes) {
		if (node.credentials && node.credentials.openAiApi)
			node.credentials.openAiApi = OPENAI_CREDENTIAL;
		if (node.name === 'Settings') {
			const entry = node.parameters.assignments.assignments.find(
				(/** @type {any} */ a) => a.name === 'folder',
			);
			entry.value = folder;
		}
	}
	return wf;
}

/** The scene example 15 asks for (after "Draw:"). */
function exampleScene() {
	const wf = loadExample(EXAMPLE_FILE);
	const settings = wf.nodes.find((/** @type {any} */ n) => n.name === 'Settings');
	const message = settings.parameters.assignments.assignments.find(
		(/** @type {any} */ a) => a.name === 'chatInput',
	);
	return String(message.value).split('Draw:')[1].trim();
}

/**
 * Imports the fake model's OpenAI credential (its base URL is the fake) into the home.
 * @param {import('../n8n').N8nHome} home @param {string} baseUrl
 */
async function importModelCredential(home, baseUrl) {
	const file = path.join(home.dir, 'openai-credential.json');
	const data = { apiKey: 'sk-fake-model-e2e-0001', url: baseUrl };
	fs.writeFileSync(
		file,
		JSON.stringify([{ ...OPENAI_CREDENTIAL, type: 'openAiApi', data }], null, 2),
	);
	return await home.cliOk(['import:credentials', `--input=${file}`]);
}

module.exports = {
	SCENARIOS,
	EXAMPLE_FILE,
	EXAMPLE_ID,
	scenarioWorkflow,
	exampleWorkflow,
	exampleScene,
	importModelCredential,
};
