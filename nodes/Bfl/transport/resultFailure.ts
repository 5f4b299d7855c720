import { megabytes } from '../core/bytes/video';
import { hasExpired, urlExpiry } from '../core/results/expiry';
import { describeErrorBody } from '../core/results/responses';
import type { DownloadScope } from '../core/trust/hosts';
import type { DownloadFailure } from './boundedDownload';
import { describeNetworkError, describeTask, type TaskContext } from './errors';

/** What the result is called in messages. */
export type ResultNoun = 'image' | 'video';

export interface ResultFailure {
	noun: ResultNoun;
	url: string;
	maxBytes: number;
	task: TaskContext;
	/** Epoch ms now; a parameter so the expiry rule stays a pure function of its inputs. */
	now: number;
}

const EXPIRED_HINT =
	'The result is gone: BFL deletes results soon after a task ends (10 minutes for most models; the URL says when). Run the generation again with the download on, or download the URL sooner.';

/**
 * The wording of a failed result download, image or video alike. An expired URL is decided by
 * the one rule of core/results/expiry, from the URL's `se=` and the storage host's answer.
 */
export function describeResultFailure(
	{ noun, url, maxBytes, task, now }: ResultFailure,
	failure: DownloadFailure,
): { message: string; hint?: string } {
	switch (failure.kind) {
		case 'refused':
			return {
				message: `Refusing to download the result from "${failure.url}": ${failure.reason}`,
			};
		case 'tooLarge':
			return {
				message:
					failure.declaredBytes === undefined
						? `The result ${noun} is larger than the ${megabytes(maxBytes)} download limit`
						: `The result ${noun} is ${megabytes(failure.declaredBytes)}, more than the ${megabytes(maxBytes)} download limit`,
			};
		case 'deadline':
			return { message: `The item's Timeout ran out while downloading the result ${noun}` };
		case 'network':
			return {
				message: `Could not download the result ${noun}: ${describeNetworkError(failure.code)}`,
			};
		case 'status': {
			const text = failure.body.toString('utf8');
			if (!hasExpired(url, failure.statusCode, text, now)) {
				const detail = describeErrorBody(text);
				return {
					message: `Downloading the result ${noun} failed (${failure.statusCode})${detail ? `: ${detail}` : ''}`,
				};
			}
			const expiresAt = urlExpiry(url);
			return {
				message: `The result URL expired${expiresAt ? ` at ${expiresAt}` : ''} before the ${noun} could be downloaded; generate again, or download sooner`,
				// An expired URL stays expired, so Get Result cannot help; only a new run can.
				hint: task.taskId ? describeTask(task, EXPIRED_HINT) : undefined,
			};
		}
	}
}

/** Where a result file may come from and how long and large its download may be. */
export interface ResultFetch {
	itemIndex: number;
	task: TaskContext;
	scope: DownloadScope;
	/** Bounds each request. */
	timeoutMs: number;
	/** The size cap of each kind: an image is read into memory, a video streams to storage. */
	maxBytes: { image: number; video: number };
	/** Epoch ms the item must end by; an image download is aborted then (a video's is per request). */
	deadline?: number;
}

/** The one wording of a failed download of `url`, for a result of this kind. */
export function resultFailure(url: string, noun: ResultNoun, fetch: ResultFetch, maxBytes: number) {
	return (failure: DownloadFailure) =>
		describeResultFailure({ noun, url, maxBytes, task: fetch.task, now: Date.now() }, failure);
}
