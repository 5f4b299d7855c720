import {
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import type { TaskOptions } from '../../core/request/taskOptions';
import { finishedTask } from '../../core/results/output';
import { parseHttpUrl } from '../../core/trust/hosts';
import type { Endpoints } from '../../core/trust/routing';
import { lookupOptionsProperty, readLookupOptions } from '../../descriptions/lookupOptions';
import { checkTask } from '../../transport/check';
import { operationError, type SubmittedTask } from '../../transport/errors';
import { assertTrustedPollingUrl } from '../../transport/poll';
import { getEndpoints } from '../../transport/request';
import { deliver } from '../delivery';
import { defineOperation } from '../operation';

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

interface PreparedLookup {
	endpoints: Endpoints;
	task: SubmittedTask;
	byId: boolean;
	options: TaskOptions;
	/** Max Video Download Size: the cap of a video result. */
	maxVideoDownloadBytes: number;
	itemIndex: number;
}

/** Resolves and checks the task reference, refusing any URL the key may not go to. */
async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<PreparedLookup> {
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
			byId: true,
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
	return { endpoints, task, byId, ...readLookupOptions(this, itemIndex), itemIndex };
}

/** One look at the task, or a wait until it is final; then its file, when Ready and asked for. */
async function execute(
	this: IExecuteFunctions,
	prepared: PreparedLookup,
): Promise<INodeExecutionData[]> {
	const { endpoints, task, options, itemIndex } = prepared;
	const notFoundHint = prepared.byId && !endpoints.customHostname ? GLOBAL_ID_HINT : undefined;
	const deadline = Date.now() + options.timeoutMs;
	const body = await checkTask(this, endpoints, task, {
		itemIndex,
		what: `the status of task ${task.taskId}`,
		requestTimeoutMs: options.requestTimeoutMs,
		deadline,
		wait: options.waitForCompletion
			? {
					intervalMs: options.pollIntervalMs,
					timeoutMs: options.timeoutMs,
					firstPollDelayMs: 0,
					notFoundHint,
					// The task may have made an image or a video: the messages name neither.
					subject: 'result',
					goal: `finish task ${task.taskId}`,
				}
			: undefined,
	});
	const item = await deliver(this, finishedTask({ id: task.taskId, ...body }), {
		endpoints,
		options,
		itemIndex,
		task,
		deadline,
		maxVideoBytes: prepared.maxVideoDownloadBytes,
	});
	if (!options.waitForCompletion && body.status !== 'Ready')
		item.json = { ...item.json, pollingUrl: task.pollingUrl };
	return [item];
}

export const operation = defineOperation('task', 'getResult', { properties, prepare, execute });
