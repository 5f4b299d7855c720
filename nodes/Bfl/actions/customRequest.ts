import type { IExecuteFunctions } from 'n8n-workflow';

import type { ModelOperation } from '../catalog/types';
import {
	checkEndpointPath,
	customModelSpec,
	parseCustomBody,
} from '../core/request/customEndpoint';
import { checkImageCount, readImageCount } from '../core/request/imageCount';
import { readCustomEndpoint } from '../descriptions/customEndpoint';
import { operationError } from '../transport/errors';
import { getEndpoints } from '../transport/request';
import type { PreparedModelRequest } from './modelRequest';
import { submitOptions } from './submitOptions';

/**
 * Model → Custom Endpoint: the path and JSON body are checked for shape only; BFL validates the
 * fields and its 422 detail reaches the user as is. Everything after is a catalog model's path.
 */
export async function prepareCustomRequest(
	ctx: IExecuteFunctions,
	operation: ModelOperation,
	itemIndex: number,
): Promise<PreparedModelRequest> {
	const { path: rawPath, rawBody } = readCustomEndpoint(ctx, itemIndex);
	const parsed = parseCustomBody(rawBody);
	const count = ctx.getNodeParameter('numberOfImages', itemIndex, 1);
	const problems = [
		checkEndpointPath(rawPath),
		parsed.problem,
		...checkImageCount(count, undefined).map((problem) => problem.message),
	].filter(Boolean);
	if (problems.length) throw operationError(ctx.getNode(), problems.join('; '), itemIndex);
	const path = String(rawPath);
	const spec = customModelSpec(operation, path);
	const endpoints = await getEndpoints(ctx, itemIndex);
	const group = { key: `custom:${path}`, cap: spec.concurrencyCap };
	return {
		group,
		slot: group,
		reports: {},
		spec,
		input: {},
		sources: [],
		count: readImageCount(count),
		customBody: parsed.body,
		plan: {
			endpoints,
			baseUrl: endpoints.apiBaseUrl,
			path: spec.path,
			model: path,
			options: await submitOptions(ctx, spec, itemIndex, 'image'),
			itemIndex,
			media: 'image',
		},
	};
}
