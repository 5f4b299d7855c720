import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { optionalNumber } from '../../core/results/responses';
import { finetuneIdProperty, regionNotice } from '../../descriptions/finetune';
import { NUMERIC_OPTIONS, numericOption } from '../../descriptions/taskOptions';
import { checkTask } from '../../transport/check';
import { defineOperation } from '../operation';
import { prepareReference, type FinetuneReference } from './reference';

/** Training takes minutes to hours. */
const DEFAULT_TRAINING_POLL_SECONDS = 30;
const DEFAULT_TRAINING_TIMEOUT_SECONDS = 3600;

const properties: INodeProperties[] = [
	regionNotice,
	finetuneIdProperty,
	{
		displayName: 'Wait for Training to Finish',
		name: 'waitForCompletion',
		type: 'boolean',
		default: false,
		description:
			'Whether to wait until training has finished rather than returning the current status',
	},
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollInterval',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_TRAINING_POLL_SECONDS,
		displayOptions: { show: { waitForCompletion: [true] } },
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_TRAINING_TIMEOUT_SECONDS,
		displayOptions: { show: { waitForCompletion: [true] } },
	},
];

interface PreparedStatus extends FinetuneReference {
	wait?: { intervalMs: number; timeoutMs: number };
}

async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<PreparedStatus> {
	const reference = await prepareReference.call(this, itemIndex);
	const wait = this.getNodeParameter('waitForCompletion', itemIndex, false) as boolean;
	return {
		...reference,
		wait: wait
			? {
					intervalMs:
						numericOption(
							this,
							itemIndex,
							this.getNodeParameter('pollInterval', itemIndex, undefined),
							{
								...NUMERIC_OPTIONS.pollInterval,
								min: 1,
								defaultValue: DEFAULT_TRAINING_POLL_SECONDS,
							},
						) * 1000,
					timeoutMs:
						numericOption(this, itemIndex, this.getNodeParameter('timeout', itemIndex, undefined), {
							...NUMERIC_OPTIONS.timeout,
							max: 7 * 86_400,
							defaultValue: DEFAULT_TRAINING_TIMEOUT_SECONDS,
						}) * 1000,
				}
			: undefined,
	};
}

/** Training progress is a task on the pinned host whose id is the finetune id. */
async function execute(
	this: IExecuteFunctions,
	prepared: PreparedStatus,
): Promise<INodeExecutionData[]> {
	const { finetuneId, baseUrl, itemIndex } = prepared;
	const task = {
		taskId: finetuneId,
		pollingUrl: `${baseUrl}/v1/get_result?id=${encodeURIComponent(finetuneId)}`,
	};
	const body = await checkTask(this, prepared.endpoints, task, {
		itemIndex,
		what: `the training status of ${finetuneId}`,
		wait: prepared.wait && {
			...prepared.wait,
			firstPollDelayMs: 0,
			goal: `train the finetune ${finetuneId}`,
		},
	});
	const json: IDataObject = { finetuneId, status: body.status as string };
	const progress = optionalNumber(body.progress);
	if (progress !== undefined) json.progress = progress;
	if (body.result !== undefined && body.result !== null) json.result = body.result as IDataObject;
	if (body.details !== undefined && body.details !== null)
		json.details = body.details as IDataObject;
	return [{ json }];
}

export const operation = defineOperation('finetune', 'getStatus', { properties, prepare, execute });
