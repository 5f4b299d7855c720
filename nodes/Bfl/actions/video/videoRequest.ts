import type { IExecuteFunctions } from 'n8n-workflow';

import {
	findVideoSpec,
	VIDEO_CONCURRENCY_CAP,
	VIDEO_CONCURRENCY_KEY,
	videoRowsOf,
	type VideoOperation,
	type VideoSpec,
} from '../../catalog/videoModels';
import {
	buildVideoBody,
	usedVideoSettings,
	validateVideoRequest,
	type MediaSource,
	type VideoInput,
} from '../../core/request/videoRequest';
import { videoCompletionProperties } from '../../descriptions/completion';
import { readConcurrency, taskOptionsProperty } from '../../descriptions/taskOptions';
import { readVideoInput, readVideoMode, videoProperties } from '../../descriptions/videoFields';
import { readMediaSources } from '../../descriptions/videoMedia';
import { operationError } from '../../transport/errors';
import { getEndpoints } from '../../transport/request';
import { readVideoMedia } from '../../transport/videoInputs';
import type { ConcurrencyGroup, Operation } from '../operation';
import { submitOptions } from '../submitOptions';
import { taskOperation, type PreparedTask } from '../taskRequest';

/**
 * The account limiter's video slot: BFL's cap of 5 per organization, whatever a run's Concurrency.
 * A video task also takes one of the account's slots (see DEVELOPERS.md, Video decisions).
 */
const VIDEO_ACCOUNT_GROUP: ConcurrencyGroup = {
	key: VIDEO_CONCURRENCY_KEY,
	cap: VIDEO_CONCURRENCY_CAP,
};

export interface PreparedVideoRequest extends PreparedTask {
	spec: VideoSpec;
	input: VideoInput;
	sources: MediaSource[];
}

/** The item's row: the operation's only one, or the one its Mode picks (it may be an expression). */
function rowFor(ctx: IExecuteFunctions, operation: VideoOperation, itemIndex: number): VideoSpec {
	const rows = videoRowsOf(operation);
	const mode = rows.length > 1 ? readVideoMode(ctx, itemIndex) : undefined;
	const spec = findVideoSpec(operation, mode);
	if (spec) return spec;
	const known = rows.map((row) => row.mode).join(', ');
	throw operationError(ctx.getNode(), `Unknown mode "${mode}". Use one of: ${known}`, itemIndex);
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
		group: { key: VIDEO_CONCURRENCY_KEY, cap: readConcurrency(ctx, itemIndex, 'video') },
		slot: VIDEO_ACCOUNT_GROUP,
		spec,
		input,
		sources,
		plan: {
			endpoints,
			baseUrl: endpoints.apiBaseUrl,
			path: spec.path,
			model: spec.model,
			options: await submitOptions(ctx, spec, itemIndex, 'video'),
			itemIndex,
			media: 'video',
		},
		reports: usedVideoSettings(spec, input),
	};
}

/**
 * A video operation from its catalog rows: the Mode picker (where it has several rows), each
 * row's fields and media, Completion and Options; a new mode or tool is one row.
 */
export function videoOperation(operation: VideoOperation): Operation<PreparedVideoRequest> {
	const rows = videoRowsOf(operation);
	return taskOperation({
		properties: [
			...videoProperties(rows),
			...videoCompletionProperties(rows.some((row) => row.webhooks)),
			taskOptionsProperty('video'),
		],
		prepare: async (ctx, itemIndex) =>
			await prepareVideoRequest(ctx, rowFor(ctx, operation, itemIndex), itemIndex),
		body: async (ctx, { spec, input, sources, plan }) =>
			buildVideoBody(spec, input, await readVideoMedia(ctx, spec, sources, plan.itemIndex, true)),
	});
}
