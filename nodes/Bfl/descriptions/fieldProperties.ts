import type { INodeProperties } from 'n8n-workflow';

import type { FieldName } from '../catalog/fields';
import type { ModelOperation } from '../catalog/types';

type FieldProperty = Omit<INodeProperties, 'name' | 'displayOptions'>;

/**
 * The Prompt's placeholder and description per operation. The description is also what an AI agent
 * reads when it fills the field, so it says what makes a good prompt.
 */
export const PROMPT_TEXT: Record<ModelOperation, { placeholder: string; description: string }> = {
	generate: {
		placeholder: 'A red fox in a snowy forest at dawn, 85mm photo',
		description:
			'What the image should show, in plain sentences: the subject first, then setting, style, lighting and camera. Put any text to render in quotes. Specific, detailed prompts work best.',
	},
	edit: {
		placeholder: 'Replace the sky with a warm sunset; keep the people unchanged',
		description:
			'The edit instruction: what to change in the input images and what to keep. Refer to several images by their order (image 1, image 2).',
	},
	finetune: {
		placeholder: 'A photo of TOK hiking a mountain trail at golden hour',
		description:
			"What to generate, including the finetune's trigger word (TOK unless it was trained with another)",
	},
};

const number = (
	displayName: string,
	value: number,
	description: string,
	precision = 0,
): FieldProperty => ({
	displayName,
	type: 'number',
	typeOptions: { numberPrecision: precision },
	default: value,
	description,
});

const boolean = (displayName: string, value: boolean, description: string): FieldProperty => ({
	displayName,
	type: 'boolean',
	default: value,
	description,
});

/** How each request field looks in the node. Ranges per model are appended from the catalog. */
export const FIELD_PROPERTIES: Record<FieldName, FieldProperty> = {
	prompt: {
		displayName: 'Prompt',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: PROMPT_TEXT.generate.placeholder,
		description: PROMPT_TEXT.generate.description,
	},
	width: number(
		'Width',
		1024,
		"Output width in pixels; 0 leaves it to BFL (FLUX.2 Edit: the input's size)",
	),
	height: number(
		'Height',
		1024,
		"Output height in pixels; 0 leaves it to BFL (FLUX.2 Edit: the input's size)",
	),
	aspectRatio: {
		displayName: 'Aspect Ratio',
		type: 'options',
		// The model's ratios are filled in from the catalog (descriptions/modelFields.ts).
		options: [],
		default: '',
		description:
			"Width:height of the output. Model Default is BFL's: 16:9 for Ultra; the input image's, or 1:1, for Kontext; for FLUX 3 auto (the prompt's ratio, else the first reference image's, else 1:1).",
	},
	seed: number('Seed', -1, 'Fixed seed for reproducible results; -1 lets BFL pick a random one'),
	safetyTolerance: number(
		'Safety Tolerance',
		2,
		'Moderation strictness of input and output, 0 is strictest',
	),
	outputFormat: {
		displayName: 'Output Format',
		type: 'options',
		options: [
			{ name: 'JPEG', value: 'jpeg' },
			{ name: 'PNG', value: 'png' },
			{ name: 'WebP', value: 'webp' },
		],
		default: 'jpeg',
		description:
			"Starts at the model's own default: JPEG for most, PNG for Kontext and the FLUX tools",
	},
	promptUpsampling: boolean(
		'Prompt Upsampling',
		true,
		"Whether BFL may rewrite the prompt for better results. Starts at the model's own default: on for FLUX.2 [pro], [max], [flex] and outpainting, off otherwise.",
	),
	steps: number('Steps', 50, 'Number of inference steps'),
	guidance: number('Guidance', 5, 'How closely the image follows the prompt', 1),
	raw: boolean('Raw', false, 'Whether to generate less processed, more natural-looking images'),
	imagePromptStrength: number(
		'Image Prompt Strength',
		0.1,
		'Blend between the prompt (0) and the image prompt (1)',
		2,
	),
	top: number('Expand Top', 0, 'Pixels to add at the top'),
	bottom: number('Expand Bottom', 0, 'Pixels to add at the bottom'),
	left: number('Expand Left', 0, 'Pixels to add on the left'),
	right: number('Expand Right', 0, 'Pixels to add on the right'),
	dilatePixels: number('Dilate Pixels', 10, 'How far to grow the mask before erasing'),
	autoCrop: boolean(
		'Auto Crop',
		false,
		'Whether to crop an input larger than the canvas instead of failing',
	),
	referenceOffsetX: number(
		'Reference Offset X',
		0,
		'Horizontal position of the input on the canvas; unset centres it',
	),
	referenceOffsetY: number(
		'Reference Offset Y',
		0,
		'Vertical position of the input on the canvas; unset centres it',
	),
	mode: {
		displayName: 'Mode',
		type: 'options',
		// A model's own values (FLUX 3.1: quality, fast) replace these (descriptions/modelFields.ts).
		options: [
			{ name: 'High Quality', value: 'high' },
			{ name: 'Fast', value: 'fast' },
		],
		default: 'high',
		description: 'Quality or speed',
	},
	finetuneId: {
		displayName: 'Finetune ID',
		type: 'string',
		default: '',
		placeholder: 'my-finetune or org-id/shared-lora',
		description: "Your finetune, or another organization's shared LoRA as org-id/name",
	},
	finetuneStrength: number(
		'Finetune Strength',
		-1,
		"How strongly the finetune applies: 0 none, 1 full; -1 leaves BFL's default",
		2,
	),
	resolution: {
		displayName: 'Resolution',
		type: 'options',
		options: [
			{ name: '768 Square (768sq)', value: '768sq' },
			{ name: '1K (About 1 MP)', value: '1k' },
			{ name: '1.5K (About 2.4 MP)', value: '1.5k' },
			{ name: '2K (About 4 MP)', value: '2k' },
			{ name: '4K (About 16 MP)', value: '4k' },
		],
		default: '1k',
		description:
			"Pixel area tier; the exact width and height follow from the aspect ratio. BFL's price rises with the tier (see the README).",
	},
	user: {
		displayName: 'End User ID',
		type: 'string',
		default: '',
		placeholder: 'customer-1234',
		description:
			'An opaque ID of your end user (1–256 characters) that BFL keeps for abuse tracking; never a name or email',
	},
	grounding: boolean(
		'Grounding',
		true,
		"Whether FLUX 3 may research the prompt with web and image search first (BFL's default). Off is faster.",
	),
	groundingLevel: {
		displayName: 'Grounding',
		type: 'options',
		options: [
			{ name: 'Off', value: 'off' },
			{ name: 'Auto', value: 'auto' },
			{ name: 'Force', value: 'force' },
		],
		default: 'off',
		description:
			'Whether the model researches the prompt with web and image search first: never (the default), when it judges it useful, or always',
	},
};
