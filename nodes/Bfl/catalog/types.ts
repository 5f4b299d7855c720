/** Types of the model catalog. Pure data: no n8n imports. */

export type ModelFamily = 'flux2' | 'flux1';

export interface NumberRange {
	min: number;
	max: number;
}

/** How a model takes its output size. */
export type SizeRule =
	| {
			kind: 'pixels';
			/** Width and height must be multiples of this. */
			multiple: number;
			min: number;
			/** Per-side maximum, when the model has one. */
			max?: number;
			/** Maximum width × height in megapixels (1 MP = 2^20 pixels), when the model has one. */
			maxMegapixels?: number;
			default: { width: number; height: number };
	  }
	| {
			kind: 'aspectRatio';
			/** Widest and tallest allowed ratios, as width / height. */
			widest: string;
			tallest: string;
			/** BFL's default when the field is omitted, shown in the hint. */
			default?: string;
	  };

/** How the "prompt upsampling" switch reaches BFL, which renamed the field for FLUX.2 pro/max. */
export type UpsamplingField = 'disable_pup' | 'prompt_upsampling' | 'none';

/** Optional request settings a model may accept; each maps to one BFL body field. */
export type ModelOption = 'seed' | 'safetyTolerance' | 'outputFormat' | 'promptUpsampling' | 'steps' | 'guidance' | 'raw';

export interface ModelSpec {
	/** BFL's endpoint name, also the value users pick and put in expressions. */
	id: string;
	displayName: string;
	description: string;
	/** POST path relative to the API base URL. */
	path: string;
	family: ModelFamily;
	/** FLUX.1-era endpoints: live, but BFL recommends FLUX.2. */
	legacy: boolean;
	promptRequired: boolean;
	size: SizeRule;
	options: ModelOption[];
	safetyTolerance: NumberRange;
	upsampling: UpsamplingField;
	steps?: NumberRange;
	guidance?: NumberRange;
	/** BFL's output format when none is sent. */
	defaultOutputFormat: 'jpeg' | 'png';
	/** BFL's limit of tasks in flight per account for this model. */
	concurrencyCap: number;
}
