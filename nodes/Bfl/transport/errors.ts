import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';

import { describeErrorBody } from '../core/results/responses';

/** What we know about the task an error belongs to, so a user can resume without paying again. */
export interface TaskContext {
	taskId?: string;
	pollingUrl?: string;
	/** BFL's terminal status and details, so a Continue On Fail workflow can branch on them. */
	status?: string;
	details?: unknown;
	/**
	 * The polling URL was built from a task ID on the credential's host, not returned by BFL:
	 * errors neither show it nor propose it, since it only works on the cluster holding the task.
	 */
	byId?: boolean;
}

/** A task BFL accepted: what polling needs. */
export interface SubmittedTask {
	taskId: string;
	pollingUrl: string;
	byId?: boolean;
}

/** What an error carries for the item's output: a polling URL only when BFL gave it. */
function errorContext({ byId, ...task }: TaskContext): TaskContext {
	return byId ? { ...task, pollingUrl: undefined } : task;
}

function headline(status: number, what: string): string {
	switch (status) {
		case 401:
		case 403:
			return `BFL rejected the API key (${status}). Check the API key and region in the Black Forest Labs API credential`;
		case 402:
			return 'Not enough BFL credits (402). Top up at https://dashboard.bfl.ai, then run again';
		case 404:
			return `${what}: not found (404)`;
		case 422:
			return `BFL rejected the request (422)`;
		case 429:
			return `BFL is at your account's limit of tasks in flight (429) and kept refusing ${what}. Lower the node's Concurrency option or ask BFL for a higher limit`;
		default:
			return status >= 500
				? `BFL failed to process ${what} (${status}); try again later`
				: `BFL returned an error for ${what} (${status})`;
	}
}

/**
 * The one place that turns a BFL HTTP failure into a NodeApiError. Only the status and BFL's own
 * error text are kept: never the request, whose headers hold the key.
 */
export function apiError(
	node: INode,
	status: number,
	body: unknown,
	what: string,
	itemIndex: number,
	task: TaskContext = {},
	override?: string,
): NodeApiError {
	const detail = describeErrorBody(body);
	const title =
		override ??
		(status === 404 && task.byId
			? `BFL has no task ${task.taskId} on ${hostOf(task.pollingUrl)} (404)`
			: headline(status, what));
	const message = detail ? `${title}: ${detail}` : title;
	const error = new NodeApiError(node, { message, httpCode: String(status) } as JsonObject, {
		message,
		description: task.taskId ? describeTask(task) : undefined,
		httpCode: String(status),
		itemIndex,
	});
	Object.assign(error.context, errorContext(task));
	return error;
}

/** A failure before or around HTTP that is not an HTTP status: network, trust, moderation, timeout. */
export function operationError(
	node: INode,
	message: string,
	itemIndex: number,
	task: TaskContext = {},
	description?: string,
): NodeOperationError {
	const error = new NodeOperationError(node, message, {
		itemIndex,
		description: description ?? (task.taskId ? describeTask(task) : undefined),
	});
	Object.assign(error.context, errorContext(task));
	return error;
}

const RESUME_HINT =
	'Use Task → Get Result with the polling URL to fetch it later without paying again.';

/** Why a lookup by task ID can fail where the task exists, and what works instead. */
export const BY_ID_HINT =
	"A task ID is found only on the cluster that holds the task, and BFL's Global, EU and US hosts hand tasks on to regional clusters (api.eu4.bfl.ai, api.us2.bfl.ai, …). Use Find Task By → Polling URL with the pollingUrl BFL returned, or a credential whose Region is the cluster the task ran on (EU1, US1, or Custom with that cluster's https://api.….bfl.ai).";

function hostOf(url: string | undefined): string {
	try {
		return new URL(url ?? '').host;
	} catch {
		return "the credential's host";
	}
}

/** The task's id and polling URL, then the step that helps: by default, resuming with Get Result. */
export function describeTask(task: TaskContext, nextStep?: string): string {
	const parts = [`Task ID: ${task.taskId}`];
	if (task.pollingUrl && !task.byId) parts.push(`Polling URL: ${task.pollingUrl}`);
	parts.push(nextStep ?? (task.byId ? BY_ID_HINT : RESUME_HINT));
	return parts.join('\n');
}

const NETWORK_WORDS: Record<string, string> = {
	ECONNRESET: 'the connection was reset',
	ECONNREFUSED: 'the connection was refused',
	ECONNABORTED: 'the request timed out',
	ETIMEDOUT: 'the request timed out',
	ESOCKETTIMEDOUT: 'the request timed out',
	ENOTFOUND: 'the host name could not be resolved',
	EAI_AGAIN: 'the host name could not be resolved',
	EPIPE: 'the connection was closed',
};

/**
 * Words for a network error code. n8n replaces any error message that contains a raw code such as
 * ECONNRESET with a generic text, which would drop our context, so messages use words instead.
 */
export function describeNetworkError(code: string): string {
	return NETWORK_WORDS[code] ?? 'the network request failed';
}

/** Network error codes from Node and axios, read without keeping the error (it holds request headers). */
export function networkErrorCode(error: unknown): string {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
		current = (current as { cause?: unknown }).cause;
	}
	const text = error instanceof Error ? error.message : String(error);
	return /E[A-Z]{4,}/.exec(text)?.[0] ?? (/timeout/i.test(text) ? 'ETIMEDOUT' : 'ENETWORK');
}
