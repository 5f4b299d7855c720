/** Types of the model catalog. Pure data: no n8n imports. */
import type { FieldName } from './fields';

export type ModelFamily = 'flux3' | 'flux2' | 'flux1' | 'tools';
export type ModelOperation = 'generate' | 'edit' | 'finetune';

export interface NumberRange {
	min: number;
	max: number;
}

/** How a model takes its output size, beyond the per-field ranges. */
export type SizeRule =
	| {
			kind: 'pixels';
			/** Width and height must be multiples of this. */
			multiple: number;
			/** Maximum width × height in megapixels (1 MP = 2^20 pixels), when the model has one. */
			maxMegapixels?: number;
	  }
	| {
			kind: 'aspectRatio';
			/** Widest and tallest allowed ratios, as "W:H". */
			widest: string;
			tallest: string;
			/** The ratios offered in the node's list, widest first; an expression may give any in range. */
			ratios: readonly string[];
	  }
	| { kind: 'none' };

/** How the "prompt upsampling" switch reaches BFL, which renamed the field for FLUX.2 pro/max. */
export type UpsamplingField = 'disable_pup' | 'prompt_upsampling' | 'none';

/** One field of a BFL request body, image or video: its JSON name, what users see, its kind. */
export interface BodyField<Kind extends string> {
	/** The name in BFL's JSON body. */
	body: string;
	/** The name users see in the node, used in every validation message. */
	label: string;
	kind: Kind;
	/** The values BFL accepts, for enums. */
	values?: readonly string[];
}

/** What every row, image or video, may say of a field: its range and whether BFL requires it. */
export interface RuleBase {
	range?: NumberRange;
	required?: boolean;
}

/** What a model accepts for one field: its range (numbers) and whether BFL requires it. */
export interface FieldRule extends RuleBase {
	/** Text fields: the most characters BFL accepts (the OpenAPI maxLength, where it has one). */
	maxLength?: number;
	/** The only values BFL accepts from this model, where its schema lists them (FLUX 3's ratios). */
	values?: readonly string[];
	/** BFL's default for this model, as its OpenAPI states it; the node shows it when the field is added. */
	default?: string | number | boolean;
}

/** The images a model takes, in the order the user lists them. */
export interface ImageInputs {
	/** BFL body field of each position, e.g. ['image', 'mask'] or ['input_image', 'input_image_2', ...]. */
	slots: readonly string[];
	/** What each position means, for hints and errors. */
	labels: readonly string[];
	/** How many images BFL requires (the first ones). */
	required: number;
	/** Whether BFL accepts an http(s) URL instead of base64 for these fields. */
	urlAllowed: boolean;
	/** Set when BFL takes every image as one JSON list in this body field, rather than one field each. */
	listField?: string;
	/** An optional mask beside the images, from binary or URL (FLUX 3.1: white = may change). */
	mask?: MaskInput;
	/** Binary images outside these bounds are refused before anything is paid (BFL answers 400/422). */
	pixelLimits?: PixelLimits;
}

export interface MaskInput {
	/** BFL body field of the mask. */
	field: string;
	/** How many images the model takes when a mask is sent. */
	maxImagesWithMask: number;
}

export interface PixelLimits {
	/** Each side at least this many pixels. */
	minSide: number;
	/** At most this many megapixels (1 MP = 2^20 pixels). */
	maxMegapixels: number;
}

/**
 * How a row takes layout boxes: appended to the prompt on a 0–1000 grid (FLUX 3 Image), or as a
 * list of boxes in fractions 0–1 in a body field of its own (FLUX 3.1 Image).
 */
export type LayoutFormat = { kind: 'prompt' } | { kind: 'field'; field: string };

/**
 * Where the facts of a row come from when BFL has published no schema for it. The row's path and
 * every field named here are inferred; a correction is a change to the row.
 */
export interface Unconfirmed {
	/** The sources and the date they were read, e.g. "AI SDK 2.0.92 release note, 2026-12-03". */
	source: string;
	/**
	 * Body fields (BFL's names) that no source shows in BFL's own body; each is an Additional
	 * Field or an optional input, sent only when set.
	 */
	fields: readonly string[];
}

/** What every catalog row, image or video, says of its endpoint: a name, a path, webhooks or not. */
export interface EndpointRow {
	displayName: string;
	/** POST path relative to the API base URL. */
	path: string;
	/** False where BFL's schema has no webhook_url (it would reject the request). */
	webhooks?: boolean;
}

export interface ModelSpec extends EndpointRow {
	/** BFL's endpoint name, also the value users pick and put in expressions. */
	id: string;
	operation: ModelOperation;
	description: string;
	family: ModelFamily;
	/** FLUX.1-era endpoints: live, but BFL recommends FLUX.2. */
	legacy: boolean;
	/** The fields this endpoint accepts, with their ranges. Anything else is never sent. */
	fields: Partial<Record<FieldName, FieldRule>>;
	/** Fields shown on the node itself rather than under Additional Fields. */
	primary: readonly FieldName[];
	size: SizeRule;
	upsampling: UpsamplingField;
	images?: ImageInputs;
	/** BFL's output format when none is sent. */
	defaultOutputFormat: 'jpeg' | 'png';
	/** BFL's limit of tasks in flight per account for this model. */
	concurrencyCap: number;
	/** Finetuned models run only on the single cluster that holds the finetune. */
	pinnedToFinetuneRegion?: boolean;
	/**
	 * Settings the output reports as used, with BFL's value when the node sent none (FLUX 3 Image's
	 * resolution tier and aspect ratio decide its price and shape, and BFL's result does not say them).
	 */
	reports?: Partial<Record<FieldName, string>>;
	/** Takes an optional layout of boxes, in this format. */
	layout?: LayoutFormat;
	/** Set for a model BFL's published OpenAPI does not have yet: the model picker calls it new. */
	unconfirmed?: Unconfirmed;
}
