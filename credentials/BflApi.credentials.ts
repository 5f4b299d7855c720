import type {
	IAuthenticateGeneric,
	IAuthenticateRuleResponseCode,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { REGION_BASE_URLS } from '../nodes/Bfl/catalog/regions';

// The test request runs as an n8n expression, so the region → host map is spelled out inline.
const TEST_BASE_URL =
	'={{ $credentials.region === "custom" ? String($credentials.baseUrl).replace(/\\/+$/, "") : ' +
	`(${JSON.stringify(REGION_BASE_URLS)})[$credentials.region] }}`;

/**
 * What the credential test says for a failed status, in the node's own words. Without these, n8n
 * shows the bare HTTP status text ("Unauthorized"). A refused connection cannot be reworded: n8n
 * reports the network code itself (e.g. ECONNREFUSED) before any rule applies.
 */
const STATUS_MESSAGES: IAuthenticateRuleResponseCode[] = [
	{
		type: 'responseCode',
		properties: {
			value: 401,
			message: 'BFL rejected the API key (401). Check the API key and the region.',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 403,
			message: 'BFL refused the API key (403). Check the API key and the region.',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 404,
			message:
				'GET /v1/credits was not found (404): the custom base URL is not the BFL API, or lacks its path.',
		},
	},
];

export class BflApi implements ICredentialType {
	name = 'bflApi';

	displayName = 'Black Forest Labs API';

	icon: Icon = { light: 'file:../icons/bfl.svg', dark: 'file:../icons/bfl.dark.svg' };

	documentationUrl = 'https://docs.bfl.ai/quick_start/generating_images';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Your key from https://dashboard.bfl.ai (sent as the x-key header)',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{
					name: 'Global (api.bfl.ai)',
					value: 'global',
					description: 'Fastest: BFL routes to any cluster',
				},
				{ name: 'EU (api.eu.bfl.ai)', value: 'eu', description: 'Keep data in the EU' },
				{ name: 'US (api.us.bfl.ai)', value: 'us', description: 'Keep data in the US' },
				{
					name: 'EU1 (api.eu1.bfl.ai)',
					value: 'eu1',
					description: 'Single EU cluster, where EU finetunes live',
				},
				{
					name: 'US1 (api.us1.bfl.ai)',
					value: 'us1',
					description: 'Single US cluster, where US finetunes live',
				},
				{
					name: 'Custom Base URL',
					value: 'custom',
					description: 'A gateway, proxy or the offline simulator',
				},
			],
			default: 'global',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://bfl-gateway.example.com',
			description:
				"The API key is sent to this origin only (same scheme, host and port; any port on a loopback host), besides BFL's own https API hosts",
			displayOptions: { show: { region: ['custom'] } },
		},
		{
			displayName: 'Finetune Region',
			name: 'finetuneRegion',
			type: 'options',
			options: [
				{
					name: 'Derive From Region',
					value: 'auto',
					description:
						'Custom: the base URL. Global: none, so finetune calls ask you to pick EU1 or US1.',
				},
				{ name: 'EU1 (api.eu1.bfl.ai)', value: 'eu1' },
				{ name: 'US1 (api.us1.bfl.ai)', value: 'us1' },
				{
					name: 'Same as Region',
					value: 'same',
					description:
						"The region's own host (api.bfl.ai for Global), which BFL's current spec lists for finetuned models",
				},
			],
			default: 'auto',
			description:
				'Finetunes live on the single cluster that trained them, so every finetune call goes there. EU and US regions use EU1 and US1.',
			displayOptions: { show: { region: ['global', 'custom'] } },
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'x-key': '={{$credentials.apiKey}}' } },
	};

	test: ICredentialTestRequest = {
		request: { baseURL: TEST_BASE_URL, url: '/v1/credits', method: 'GET' },
		// n8n checks each rule by its type, but its type allows only one kind per list, hence the cast.
		rules: [
			...STATUS_MESSAGES,
			{
				// A 200 from something else (a web page at a mistyped base URL) must not pass as BFL.
				type: 'responseSuccessBody',
				properties: {
					key: 'credits',
					value: undefined,
					message:
						'The base URL answered, but not like the BFL API: GET /v1/credits returned no credit balance',
				},
			},
		] as unknown as ICredentialTestRequest['rules'],
	};
}
