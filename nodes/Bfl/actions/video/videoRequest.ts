import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	findVideoSpec,
	VIDEO_CONCURRENCY_CAP,
	VIDEO_CONCURRENCY_KEY,
	type VideoOperation,
	type VideoSpec,
} from '../../catalog/videoModels';
import type { TaskOptions } from '../../core/request/taskOptions';
import {
	buildVideoBody,
	usedVideoSettings,
	validateVideoRequest,
	type MediaSource,
	type VideoInput,
} from '../../core/request/videoRequest';
import { videoCompletionProperties } from '../../descriptions/completion';
import {
	readConcurrency,
	readTaskOptions,
	taskOptionsProperty,
} from '../../descriptions/taskOptions';
import { readMediaSources, readVideoInput } from '../../descriptions/videoFields';
import { operationError } from '../../transport/errors';
import { getEndpoints } from '../../transport/request';
import { readVideoMedia } from '../../transport/videoInputs';
import { withAccountSlot } from '../accountLimiter';
import { runTask, type TaskPlan } from '../lifecycle';
import type { ConcurrencyGroup, Operation } from '../operation';
import { withCompletion } from '../submitOptions';

/**
 * The account limiter's video slot: BFL's cap of 5 per organization, whatever a run's Concurrency.
 * A video task also takes one of the account's slots (see DEVELOPERS.md, Video decisions).
 */
const VIDEO_ACCOUNT_GROUP: ConcurrencyGroup = {
	key: VIDEO_CONCURRENCY_KEY,
	cap: VIDEO_CONCURRENCY_CAP,
};

export interface PreparedVideoRequest {
	/** This run's pool group: the Concurrency option, within the video cap. */
	group: ConcurrencyGroup;
	spec: VideoSpec;
	input: VideoInput;
	sources: MediaSource[];
	plan: TaskPlan;
	/** Settings the output reports (mode, duration, resolution, aspect ratio). */
	reports: IDataObject;
}

/** Options with the Completion choice; a webhook URL gets the trigger's token. */
async function videoTaskOptions(
	ctx: IExecuteFunctions,
	spec: VideoSpec,
	itemIndex: number,
): Promise<TaskOptions> {
	const target = { displayName: spec.displayName, acceptsWebhook: spec.webhooks === true };
	return await withCompletion(ctx, target, itemIndex, readTaskOptions(ctx, itemIndex, 'video'));
}

/** Reads and checks one item, binaries included (size, kind, frame size), sending nothing. */
async function prepareVideoRequest(
	ctx: IExecuteFunctions,
	spec: VideoSpec,
	itemIndex: number,
): Promise<PreparedVideoRequest> {
	const input = readVideoInput(ctx, spec, itemIndex);
	const sources = readMediaSources(ctx, spec, itemIndex);
	const problems = validateVideoRequest(spec, input, sources);
	if (problems.length) {
		throw operationError(ctx.getNode(), problems.map((p) => p.message).join('; '), itemIndex);
	}
	await readVideoMedia(ctx, spec, sources, itemIndex, false);
	const endpoints = await getEndpoints(ctx, itemIndex);
	return {
		group: {
			key: VIDEO_CONCURRENCY_KEY,
			cap: readConcurrency(ctx, itemIndex, 'video'),
		},
		spec,
		input,
		sources,
		plan: {
			endpoints,
			baseUrl: endpoints.apiBaseUrl,
			path: spec.path,
			model: spec.model,
			options: await videoTaskOptions(ctx, spec, itemIndex),
			itemIndex,
			media: 'video',
		},
		reports: usedVideoSettings(spec, input) as IDataObject,
	};
}

/**
 * Takes a slot of the account and of its video cap, freed once BFL has finished the task; then
 * encodes the media (only now, once, to keep memory flat across items) and runs the task.
 */
async function executeVideoRequest(
	ctx: IExecuteFunctions,
	prepared: PreparedVideoRequest,
): Promise<INodeExecutionData[]> {
	const { spec, input, sources, plan } = prepared;
	return await withAccountSlot(ctx, VIDEO_ACCOUNT_GROUP, async (release) => {
		const media = await readVideoMedia(ctx, spec, sources, plan.itemIndex, true);
		const webhook = plan.options.webhook;
		const body = {
			...buildVideoBody(spec, input, media),
			...(webhook && { webhook_url: webhook.url }),
			...(webhook?.secret && { webhook_secret: webhook.secret }),
		} as IDataObject;
		return [await runTask(ctx, plan, body, { reports: prepared.reports, onFinished: release })];
	});
}

/**
 * A video operation: its own properties, then Completion and Options. `specFor` picks the catalog
 * row of an item (Generate reads its mode, per item, as it may be an expression).
 */
export function videoOperation(
	properties: INodeProperties[],
	specFor: (ctx: IExecuteFunctions, itemIndex: number) => VideoSpec,
	webhooks = false,
): Operation<PreparedVideoRequest> {
	return {
		properties: [
			...properties,
			...videoCompletionProperties(webhooks),
			taskOptionsProperty('video'),
		],
		async prepare(this: IExecuteFunctions, itemIndex: number) {
			return await prepareVideoRequest(this, specFor(this, itemIndex), itemIndex);
		},
		async execute(this: IExecuteFunctions, prepared: PreparedVideoRequest) {
			return await executeVideoRequest(this, prepared);
		},
		concurrency: (prepared) => prepared.group,
	};
}

/** The single row of an operation without modes. */
export function onlySpec(operation: VideoOperation): () => VideoSpec {
	const spec = findVideoSpec(operation);
	if (!spec) throw new Error(`No catalog row for video operation ${operation}`);
	return () => spec;
}
