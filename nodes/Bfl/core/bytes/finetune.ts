import {
	FINETUNE_MODES,
	FINETUNE_PRIORITIES,
	FINETUNE_TYPES,
	ITERATIONS,
	LEARNING_RATE,
	LORA_RANKS,
	MAX_TRAINING_ZIP_BYTES,
	TRAINING_IMAGES,
} from '../../catalog/finetuning';
import { describeValue, strictNumber } from '../request/numericOptions';
import type { Problem } from '../request/validate';
import { sniffImageFormat } from './files';
import type { ZipEntry } from './zip';

export interface FinetuneCreateInput {
	comment: string;
	mode: string;
	triggerWord?: string;
	/** The numbers as the node or an expression gave them; read with strictNumber. */
	iterations?: unknown;
	learningRate?: unknown;
	captioning?: boolean;
	priority?: string;
	finetuneType?: string;
	loraRank?: unknown;
}

function oneOf(
	field: string,
	value: string | number | undefined,
	allowed: ReadonlyArray<string | number>,
): Problem[] {
	if (value === undefined || allowed.includes(value)) return [];
	return [
		{
			field,
			message: `${field} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`,
		},
	];
}

function within(
	field: string,
	raw: unknown,
	range: { min: number; max: number },
	integer: boolean,
): Problem[] {
	const value = strictNumber(raw);
	if (value === undefined) return [];
	if (
		Number.isFinite(value) &&
		value >= range.min &&
		value <= range.max &&
		(!integer || Number.isInteger(value))
	)
		return [];
	return [
		{
			field,
			message: `${field} must be ${integer ? 'a whole number' : 'a number'} from ${range.min} to ${range.max} (got ${describeValue(raw)})`,
		},
	];
}

function loraRank(raw: unknown): Problem[] {
	const rank = strictNumber(raw);
	if (rank === undefined || LORA_RANKS.some((allowed) => allowed === rank)) return [];
	const message = `LoRA Rank must be one of ${LORA_RANKS.join(', ')} (got ${describeValue(raw)})`;
	return [{ field: 'LoRA Rank', message }];
}

/** Checks the training settings before the (large) upload. */
export function validateFinetuneCreate(input: FinetuneCreateInput): Problem[] {
	const problems: Problem[] = [];
	if (!input.comment?.trim())
		problems.push({
			field: 'Name',
			message: 'Name is required: BFL shows it as the finetune comment',
		});
	problems.push(
		...oneOf('Mode', input.mode, FINETUNE_MODES),
		...within('Iterations', input.iterations, ITERATIONS, true),
		...within('Learning Rate', input.learningRate, LEARNING_RATE, false),
		...oneOf('Priority', input.priority, FINETUNE_PRIORITIES),
		...oneOf('Finetune Type', input.finetuneType, FINETUNE_TYPES),
		...loraRank(input.loraRank),
	);
	return problems;
}

/** BFL's body for POST /v1/finetune; unset settings are left to BFL's defaults. */
export function buildFinetuneBody(
	input: FinetuneCreateInput,
	zipBase64: string,
): Record<string, string | number | boolean> {
	const body: Record<string, string | number | boolean> = {
		file_data: zipBase64,
		finetune_comment: input.comment.trim(),
		mode: input.mode,
	};
	const optional: Array<[string, string | number | boolean | undefined]> = [
		['trigger_word', input.triggerWord?.trim() || undefined],
		['iterations', strictNumber(input.iterations)],
		['learning_rate', strictNumber(input.learningRate)],
		['captioning', input.captioning],
		['priority', input.priority],
		['finetune_type', input.finetuneType],
		['lora_rank', strictNumber(input.loraRank)],
	];
	for (const [key, value] of optional) if (value !== undefined) body[key] = value;
	return body;
}

export function checkZipSize(bytes: number): string | undefined {
	if (bytes <= MAX_TRAINING_ZIP_BYTES) return undefined;
	const mb = (n: number) => (n / 1048576).toFixed(1);
	return `The training ZIP is ${mb(bytes)} MB; the limit is ${mb(MAX_TRAINING_ZIP_BYTES)} MB. BFL recommends 1–20 images of at most 1 megapixel`;
}

export interface TrainingImage {
	bytes: Uint8Array;
	caption?: string;
}

/**
 * The entries of a training ZIP: image_001.jpg with an optional image_001.txt caption, as BFL's
 * guide expects (a caption shares its image's base name).
 */
export function trainingEntries(images: TrainingImage[]): {
	entries: ZipEntry[];
	problems: Problem[];
} {
	const problems: Problem[] = [];
	if (images.length < TRAINING_IMAGES.min || images.length > TRAINING_IMAGES.max) {
		problems.push({
			field: 'Training Images',
			message: `BFL trains on ${TRAINING_IMAGES.min}–${TRAINING_IMAGES.max} images (got ${images.length})`,
		});
	}
	const entries: ZipEntry[] = [];
	images.forEach((image, i) => {
		const format = sniffImageFormat(image.bytes);
		const base = `image_${String(i + 1).padStart(3, '0')}`;
		if (!format) {
			problems.push({
				field: 'Training Images',
				message: `Training image ${i + 1} is not a PNG, JPEG or WebP image`,
			});
			return;
		}
		entries.push({ name: `${base}.${format === 'jpeg' ? 'jpg' : format}`, data: image.bytes });
		if (image.caption?.trim())
			entries.push({ name: `${base}.txt`, data: Buffer.from(image.caption.trim(), 'utf8') });
	});
	return { entries, problems };
}
