import type { FieldName } from '../../catalog/fields';
import type { ModelSpec } from '../../catalog/types';
import { videoResultOf, type VideoResultKind } from '../bytes/video';
import type { RequestInput } from '../request/validate';
import { isRecord, optionalNumber, sampleUrlExpiry, type JsonRecord } from './responses';

/** The JSON an item carries for a task. Useful on its own for AI agents, who cannot see binary. */
export interface TaskOutput {
	id: string;
	status: string;
	model?: string;
	prompt?: string;
	seed?: number;
	sampleUrl?: string;
	sampleUrlExpiresAt?: string;
	cost?: number;
	inputMp?: number;
	outputMp?: number;
	durationSeconds?: number;
	pollingUrl?: string;
	progress?: number;
	details?: unknown;
	[key: string]: unknown;
}

function pruned(output: TaskOutput): TaskOutput {
	for (const key of Object.keys(output)) if (output[key] === undefined) delete output[key];
	return output;
}

/** Output for a submitted task that the node did not wait for. */
export function submittedOutput(
	submit: JsonRecord,
	model: string | undefined,
	webhookUrl?: string,
): TaskOutput {
	return pruned({
		id: String(submit.id),
		status: typeof submit.status === 'string' ? submit.status : 'Pending',
		model,
		pollingUrl: typeof submit.polling_url === 'string' ? submit.polling_url : undefined,
		webhookUrl,
		cost: optionalNumber(submit.cost),
		inputMp: optionalNumber(submit.input_mp),
		outputMp: optionalNumber(submit.output_mp),
	});
}

/**
 * Output for a finished task. Cost and megapixels come from the submit for FLUX.2 and from the
 * final result for FLUX.1-era models, so the final body wins where it has them.
 */
export function finishedOutput(
	finalBody: JsonRecord,
	submit: JsonRecord,
	model: string | undefined,
): TaskOutput {
	const result = isRecord(finalBody.result) ? finalBody.result : {};
	const sampleUrl = typeof result.sample === 'string' ? result.sample : undefined;
	const pick = (key: string) =>
		optionalNumber(finalBody[key]) ?? optionalNumber(result[key]) ?? optionalNumber(submit[key]);
	return pruned({
		id: String(finalBody.id ?? submit.id),
		status: String(finalBody.status),
		model,
		prompt: typeof result.prompt === 'string' ? result.prompt : undefined,
		seed: optionalNumber(result.seed),
		sampleUrl,
		sampleUrlExpiresAt: sampleUrl ? sampleUrlExpiry(sampleUrl, result.end_time) : undefined,
		cost: pick('cost'),
		inputMp: pick('input_mp'),
		outputMp: pick('output_mp'),
		durationSeconds: optionalNumber(result.duration),
		progress: optionalNumber(finalBody.progress),
		details: finalBody.details ?? undefined,
	});
}

/**
 * Output for a finished video task: BFL's `result.duration` is the processing time (the clip's
 * length is in the submit's settings), and a draft's result is its cache, not a sample.
 */
export function finishedVideoOutput(
	finalBody: JsonRecord,
	submit: JsonRecord,
	model: string | undefined,
): TaskOutput {
	const { durationSeconds, ...output } = finishedOutput(finalBody, submit, model);
	const result = isRecord(finalBody.result) ? finalBody.result : {};
	const draftCacheUrl = typeof result.draft_cache === 'string' ? result.draft_cache : undefined;
	return pruned({
		...output,
		...(draftCacheUrl && {
			draft: true,
			draftCacheUrl,
			draftCacheUrlExpiresAt: sampleUrlExpiry(draftCacheUrl, result.end_time),
		}),
		processingSeconds: durationSeconds,
	});
}

/** The file a finished task points at: an image, or a video (an MP4 or a draft's cache). */
export interface ResultFile {
	kind: 'image' | VideoResultKind;
	url: string;
}

/** A finished task as the output shows it: its JSON, and the file to download. */
export interface FinishedTask {
	json: TaskOutput;
	file?: ResultFile;
}

/** What this node's own submit answered; without it (Get Result, the trigger) the final body is all. */
export interface OwnSubmit {
	answer: JsonRecord;
	model: string;
}

/**
 * A finished task of any kind. Get Result and the trigger also read video tasks: a result whose
 * URL names an MP4 (or a draft's cache) is a video, output as the Video operations output it.
 */
export function finishedTask(finalBody: JsonRecord, submit?: OwnSubmit): FinishedTask {
	if (videoResultOf(finalBody.result)) return finishedVideo(finalBody, submit);
	const json = finishedOutput(finalBody, submit?.answer ?? {}, submit?.model);
	return { json, file: json.sampleUrl ? { kind: 'image', url: json.sampleUrl } : undefined };
}

/** A finished video task: its MP4 (whatever its URL says), or a draft's cache. */
export function finishedVideo(finalBody: JsonRecord, submit?: OwnSubmit): FinishedTask {
	const json = finishedVideoOutput(finalBody, submit?.answer ?? {}, submit?.model);
	const sample = typeof json.sampleUrl === 'string' ? json.sampleUrl : undefined;
	const draft = typeof json.draftCacheUrl === 'string' ? json.draftCacheUrl : undefined;
	const file: ResultFile | undefined = sample
		? { kind: 'mp4', url: sample }
		: draft
			? { kind: 'draft', url: draft }
			: undefined;
	return { json, file };
}

/** The settings a model reports as used (ModelSpec.reports): the value sent, else BFL's default. */
export function usedSettings(spec: ModelSpec, input: RequestInput): Record<string, string> {
	const used: Record<string, string> = {};
	for (const [name, fallback] of Object.entries(spec.reports ?? {}) as Array<[FieldName, string]>) {
		const value = input[name];
		used[name] =
			value === undefined || String(value).trim() === ''
				? fallback
				: String(value).replace(/\s+/g, '');
	}
	return used;
}
