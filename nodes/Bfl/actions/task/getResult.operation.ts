import {
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { parseHttpUrl } from '../../core/hosts';
import { isRecord, type JsonRecord } from '../../core/responses';
import type { Endpoints } from '../../core/routing';
import type { TaskOptions } from '../../core/taskOptions';
import { lookupOptionsProperty, readTaskOptions } from '../../descriptions/taskOptions';
import { operationError, type SubmittedTask } from '../../transport/errors';
import { assertTrustedPollingUrl, awaitTask } from '../../transport/poll';
import { bflRequest, getEndpoints } from '../../transport/request';
import { resultItem } from '../../transport/task';
import { forOperation } from '../../descriptions/display';

const GLOBAL_ID_HINT =
	"With a task ID alone the node asks the credential's host. On the Global region a task usually lives on a regional cluster, where api.bfl.ai may not find it: use the polling URL instead.";

const properties: INodeProperties[] = [
	{
		displayName: 'Find Task By',
		name: 'by',
		type: 'options',
		options: [
			{
				name: 'Polling URL',
				value: 'pollingUrl',
				description: 'The polling URL BFL returned (recommended)',
			},
			{
				name: 'Task ID',
				value: 'taskId',
				description: "The task's ID, looked up on the credential's host",
			},
		],
		default: 'pollingUrl',
	},
	{
		displayName: 'Polling URL',
		name: 'pollingUrl',
		type: 'string',
		required: true,
		default: '={{ $json.pollingUrl }}',
		placeholder: 'https://api.us1.bfl.ai/v1/get_result?…',
		description:
			'The pollingUrl that Generate, Edit or Finetune → Generate returned with Completion → Return Immediately (or in a timeout error)',
		displayOptions: { show: { by: ['pollingUrl'] } },
	},
	{
		displayName: 'Task ID',
		name: 'taskId',
		type: 'string',
		required: true,
		default: '={{ $json.id }}',
		hint: GLOBAL_ID_HINT,
		displayOptions: { show: { by: ['taskId'] } },
	},
	lookupOptionsProperty,
];

export const description = forOperation('task', 'getResult', properties);

export interface PreparedLookup {
	endpoints: Endpoints;
	task: SubmittedTask;
	byId: boolean;
	options: TaskOptions;
	itemIndex: number;
}

/** Resolves and checks the task reference, refusing any URL the key may not go to. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<PreparedLookup> {
	const endpoints = await getEndpoints(this, itemIndex);
	const byId = this.getNodeParameter('by', itemIndex) === 'taskId';
	let task: SubmittedTask;
	if (byId) {
		const taskId = String(this.getNodeParameter('taskId', itemIndex, '')).trim();
		if (!/^[A-Za-z0-9_-]{1,128}$/.test(taskId)) {
			throw operationError(
				this.getNode(),
				`Task ID must be a BFL task id such as 4cc84fe4-42a5-4ad7-949f-082c3322768c (got "${taskId}")`,
				itemIndex,
			);
		}
		task = {
			taskId,
			pollingUrl: `${endpoints.apiBaseUrl}/v1/get_result?id=${encodeURIComponent(taskId)}`,
		};
	} else {
		const pollingUrl = String(this.getNodeParameter('pollingUrl', itemIndex, '')).trim();
		const url = parseHttpUrl(pollingUrl);
		if (!url)
			throw operationError(
				this.getNode(),
				`Polling URL must be an http(s) URL returned by BFL (got "${pollingUrl}")`,
				itemIndex,
			);
		task = { taskId: url.searchParams.get('id') ?? '', pollingUrl };
		assertTrustedPollingUrl(this, endpoints, task, itemIndex);
	}
	return { endpoints, task, byId, options: readTaskOptions(this, itemIndex), itemIndex };
}

export async function execute(
	this: IExecuteFunctions,
	prepared: PreparedLookup,
): Promise<INodeExecutionData[]> {
	const { endpoints, task, options, itemIndex } = prepared;
	const notFoundHint = prepared.byId && !endpoints.customHostname ? GLOBAL_ID_HINT : undefined;
	const deadline = Date.now() + options.timeoutMs;
	let body: JsonRecord;
	if (options.waitForCompletion) {
		body = await awaitTask(this, endpoints, task, {
			intervalMs: options.pollIntervalMs,
			timeoutMs: options.timeoutMs,
			deadline,
			itemIndex,
			firstPollDelayMs: 0,
			notFoundHint,
			requestTimeoutMs: options.requestTimeoutMs,
		});
	} else {
		const answer = await bflRequest(this, {
			method: 'GET',
			url: task.pollingUrl,
			itemIndex,
			what: `the status of task ${task.taskId}`,
			task,
			acceptTaskBody: true,
			timeoutMs: options.requestTimeoutMs,
			deadline,
		});
		if (!isRecord(answer) || typeof answer.status !== 'string') {
			throw operationError(
				this.getNode(),
				`BFL's status answer for task ${task.taskId} could not be read`,
				itemIndex,
				task,
			);
		}
		body = answer;
	}
	const item = await resultItem(this, { id: task.taskId, ...body }, {}, undefined, {
		options,
		endpoints,
		itemIndex,
		submitted: task,
		deadline,
	});
	if (!options.waitForCompletion && body.status !== 'Ready')
		item.json = { ...item.json, pollingUrl: task.pollingUrl };
	return [item];
}
