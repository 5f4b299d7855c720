/**
 * What an AI agent's model reads back when this node runs as its tool. n8n serializes the output
 * items' JSON as the observation and drops binary, so the answer is small JSON (well under 1 KB per
 * image): the link and its expiry, the task id, what the file is, and one sentence the model can
 * pass on. A failure says what to change, or that calling again will not help.
 */

type Json = Record<string, unknown>;
/** The answer: flat, primitive values only. */
export type ToolAnswer = Record<string, string | number | boolean>;

export interface ToolFailure {
	message: string;
	description?: string;
	httpCode?: string | number;
	/** BFL's task status when a task ended without a result (moderation, error). */
	status?: string;
	taskId?: string;
	/** `input`: refused before anything was sent, so only the input can be at fault. */
	stage: 'input' | 'run';
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const num = (value: unknown) => (typeof value === 'number' ? value : undefined);

function compact(answer: Record<string, string | number | boolean | undefined>): ToolAnswer {
	const out: ToolAnswer = {};
	for (const [key, value] of Object.entries(answer)) if (value !== undefined) out[key] = value;
	return out;
}

function untilText(expiresAt: string | undefined, now: number): string {
	const end = expiresAt ? Date.parse(expiresAt) : NaN;
	if (Number.isNaN(end)) return '';
	const minutes = Math.max(0, Math.round((end - now) / 60000));
	return ` The link works until ${expiresAt!.slice(11, 16)} UTC (about ${minutes} minutes), so open or save it before then.`;
}

/** One finished (or submitted) task's item JSON as the model's answer. */
export function toolSuccess(json: Json, now: number): ToolAnswer {
	const draft = text(json.draftCacheUrl);
	const url = text(json.sampleUrl) ?? draft;
	const mimeType = text(json.mimeType);
	const kind = mimeType?.startsWith('video/') || draft ? 'video' : 'image';
	const expiresAt = text(json.sampleUrlExpiresAt) ?? text(json.draftCacheUrlExpiresAt);
	const status = text(json.status) ?? 'Pending';
	let message: string;
	if (url) message = `The ${kind} is ready: ${url}.${untilText(expiresAt, now)}`;
	else if (status === 'Ready') message = `The task is finished but BFL returned no ${kind} link.`;
	else
		message = `The task was submitted and is ${status.toLowerCase()}; look it up later by its taskId.`;
	return compact({
		ok: true,
		status,
		taskId: text(json.id),
		model: text(json.model),
		[`${kind}Url`]: url,
		expiresAt: url ? expiresAt : undefined,
		mimeType: url ? mimeType : undefined,
		sizeBytes: num(json.sizeBytes),
		seed: num(json.seed),
		cost: num(json.cost),
		message,
	});
}

const NO_RETRY_KEY =
	'Calling again will not help: the Black Forest Labs credential in n8n is wrong or may not use this. Tell the user to fix the credential; nothing was made.';
const NO_RETRY_CREDITS =
	'Calling again will not help: the Black Forest Labs account is out of credits. Tell the user to top up at https://dashboard.bfl.ai; nothing was made.';
const NO_RETRY_MODERATED =
	'Calling again with the same prompt will not help: Black Forest Labs moderation refused it. Ask the user for a different picture, or describe it without the refused content.';
const CHANGE_PROMPT =
	'Call again with prompt set to a description of the picture itself: subject, setting, style, light.';
const CHANGE_INPUT = 'Change what the error names and call again.';
const LATER =
	'A temporary problem at Black Forest Labs or on the way there: you may call once more; if it fails again, tell the user to try later.';

/** A failed call: the error, whether calling again can help, and what to do. */
export function toolFailure(failure: ToolFailure): ToolAnswer {
	const code = Number(failure.httpCode);
	const said = `${failure.message} ${failure.description ?? ''}`;
	let retry: 'no' | 'after changing the input' | 'later';
	let whatToDo: string;
	if (code === 401 || code === 403) [retry, whatToDo] = ['no', NO_RETRY_KEY];
	else if (code === 402) [retry, whatToDo] = ['no', NO_RETRY_CREDITS];
	else if (/moderated/i.test(`${failure.status ?? ''} ${said}`))
		[retry, whatToDo] = ['no', NO_RETRY_MODERATED];
	else if (
		failure.stage === 'run' &&
		(code === 429 || code >= 500 || (!code && /in time|timed? ?out|network|connect/i.test(said)))
	)
		[retry, whatToDo] = ['later', LATER];
	else if (/prompt/i.test(failure.message))
		[retry, whatToDo] = ['after changing the input', CHANGE_PROMPT];
	else [retry, whatToDo] = ['after changing the input', CHANGE_INPUT];
	return compact({ ok: false, error: failure.message, retry, whatToDo, taskId: failure.taskId });
}
