import type { IExecuteFunctions } from 'n8n-workflow';

import {
	scrubbedLogger,
	secretScrubber,
	type LogFunctions,
	type Scrubber,
} from '../core/trust/scrub';
import { runCredentials } from './request';

const scrubberOfRun = new WeakMap<IExecuteFunctions, Promise<Scrubber>>();

async function readScrubber(ctx: IExecuteFunctions): Promise<Scrubber> {
	try {
		const credentials = await runCredentials(ctx);
		return secretScrubber([credentials.apiKey as string | undefined]);
	} catch {
		return secretScrubber([]);
	}
}

/** Removes the run's API key from every text that leaves the node (see core/trust/scrub). */
export async function runScrubber(ctx: IExecuteFunctions): Promise<Scrubber> {
	let scrubber = scrubberOfRun.get(ctx);
	if (!scrubber) {
		scrubber = readScrubber(ctx);
		scrubberOfRun.set(ctx, scrubber);
	}
	return await scrubber;
}

/**
 * n8n's logger for this run, scrubbed of the API key. The node logs only through a scrubbed
 * logger (test/unit/architecture.test.js), so no log line can forget to scrub.
 */
export async function runLogger(ctx: IExecuteFunctions): Promise<LogFunctions> {
	return scrubbedLogger(ctx.logger, await runScrubber(ctx));
}
