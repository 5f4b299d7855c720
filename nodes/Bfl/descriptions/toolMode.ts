import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { PROMPT_TEXT } from './fieldProperties';

/**
 * What an AI agent's model is told when this node is its tool, with nothing set by hand.
 *
 * n8n runs a node as a tool under the type `<name>Tool`, built at run time from this very
 * description (`usableAsTool.replacements` reach only the editor, in 2.41.1 and 1.123.81 alike, so
 * a default set there is saved nowhere and never runs). Both versions evaluate the display option
 * `@tool` against that type, so every tool-mode parameter here is a copy shown only under
 * `@tool`, and the original is hidden there: the plain node shows and stores exactly what it did.
 */

const AS_TOOL = { '@tool': [true] };
/** The links BFL returns stay valid this long (result.sample's signature). */
const LINK_MINUTES = 10;
/** Number of Images a model may ask for in one call: each image is a paid task. */
export const TOOL_MAX_IMAGES = 4;

/** Text inside `$fromAI('…', '…')`: no quote or backtick may end the string early. */
export function aiText(text: string): string {
	return text.replace(/'/g, '’').replace(/[`\\]/g, '').replace(/\s+/g, ' ').trim();
}

/** `={{ $fromAI('key', 'description', 'type'[, fallback]) }}` */
export function fromAI(key: string, description: string, type: string, fallback?: unknown): string {
	const tail = fallback === undefined ? '' : `, ${JSON.stringify(fallback)}`;
	return `={{ $fromAI('${key}', '${aiText(description)}', '${type}'${tail}) }}`;
}

const PICTURE_NOT_REQUEST =
	'Describe the picture itself; do not write a request or instructions to an assistant (no "please draw", no "make me").';

const RETURNS = `Returns JSON: imageUrl, a signed link to the result that works for about ${LINK_MINUTES} minutes (copy it exactly, give it to the user at once), expiresAt, taskId (the Black Forest Labs task), mimeType, sizeBytes, cost in credits, and message, a sentence to pass on to the user.`;

/** The tool's own description per operation; the others get their action's words. */
const TOOL_DESCRIPTIONS: Record<string, string> = {
	'image.generate': `Makes a new picture from a text description with a Black Forest Labs FLUX model (FLUX.2 [pro] unless this tool was set to another). Pass prompt: what the picture shows. ${RETURNS} To change a picture made earlier, use an edit tool with its imageUrl.`,
	'image.edit': `Changes an existing picture with a Black Forest Labs FLUX model. Pass imageUrl: a public http(s) link to the picture, either one the user gave in the chat or the imageUrl of an earlier result while it still works; and prompt: what to change and what to keep. ${RETURNS}`,
	'finetune.generate': `Makes a picture with a finetuned Black Forest Labs FLUX model. Pass prompt: what the picture shows, with the finetune’s trigger word. ${RETURNS}`,
	'video.generate': `Makes a short video clip with Black Forest Labs FLUX Video from a description of what happens in it; this takes minutes. Returns JSON: videoUrl, a signed link that works for about ${LINK_MINUTES} minutes, expiresAt, taskId, mimeType, cost in credits, and message, a sentence to pass on to the user.`,
	'task.getResult': `Looks up a Black Forest Labs task by the taskId an earlier call returned, and gives its status and, when it is ready, a fresh imageUrl with expiresAt, mimeType and sizeBytes.`,
};

const ratioText = (property: INodeProperties) => {
	const values = (property.options ?? [])
		.map((option) => String((option as INodePropertyOptions).value))
		.filter(Boolean);
	return `Shape of the picture as width:height, one of ${values.join(', ')}; 16:9 suits a banner, 9:16 a phone story, 1:1 a post. Leave empty for the model default.`;
};

const urlEntry = (description: string) => ({
	source: 'url',
	url: fromAI('imageUrl', description, 'string'),
});
const IMAGE_URL =
	'Public http(s) link of the picture to change: one the user gave in the chat, or the imageUrl of an earlier result while it still works.';

/** A parameter's tool-mode default, or undefined where it keeps its own. */
type ToolDefault = (property: INodeProperties) => unknown;

const TOOL_DEFAULTS: Record<string, Record<string, ToolDefault>> = {
	'image.generate': {
		prompt: () =>
			fromAI('prompt', `${PROMPT_TEXT.generate.description} ${PICTURE_NOT_REQUEST}`, 'string'),
		aspectRatio: (property) => fromAI('aspectRatio', ratioText(property), 'string', ''),
		numberOfImages: () =>
			fromAI(
				'numberOfImages',
				`How many different pictures to make, 1 to ${TOOL_MAX_IMAGES}. Each one costs credits: use 1 unless the user asks for several.`,
				'number',
				1,
			),
	},
	'image.edit': {
		prompt: (property) =>
			property.required
				? fromAI(
						'prompt',
						`${PROMPT_TEXT.edit.description} Say what the result shows rather than asking an assistant.`,
						'string',
					)
				: undefined,
		images: (property) =>
			Object.keys(property.default as IDataObject).length
				? { image: [urlEntry(IMAGE_URL)] }
				: undefined,
		aspectRatio: (property) => fromAI('aspectRatio', ratioText(property), 'string', ''),
	},
	'finetune.generate': {
		prompt: () =>
			fromAI('prompt', `${PROMPT_TEXT.finetune.description}. ${PICTURE_NOT_REQUEST}`, 'string'),
	},
	'video.generate': {
		prompt: () =>
			fromAI(
				'prompt',
				'What happens in the clip, in plain sentences: subject, action, setting, camera movement, mood. Describe the clip itself, not a request.',
				'string',
			),
		keyframes: () => ({
			keyframe: [
				urlEntry(
					'Public http(s) link of the picture the clip starts from: one the user gave in the chat, or the imageUrl of an earlier result while it still works.',
				),
			],
		}),
	},
	'video.edit': {
		instruction: () =>
			fromAI(
				'instruction',
				'How to change the clip, in plain sentences (1 to 4096 characters).',
				'string',
			),
	},
	'task.getResult': {
		by: () => 'taskId',
		taskId: () =>
			fromAI(
				'taskId',
				'The taskId an earlier call of the Black Forest Labs tool returned.',
				'string',
			),
	},
};

const keyOf = (property: INodeProperties) => {
	const show = property.displayOptions?.show ?? {};
	const [resource] = (show.resource ?? []) as string[];
	const [operation] = (show.operation ?? []) as string[];
	return `${resource}.${operation}`;
};

function toolDescriptions(properties: INodeProperties[]): INodeProperties[] {
	const pickers = properties.filter((property) => property.name === 'operation');
	return pickers.flatMap((picker) => {
		const [resource] = (picker.displayOptions?.show?.resource ?? []) as string[];
		return (picker.options as INodePropertyOptions[]).map((option) => ({
			displayName: 'Description',
			name: 'toolDescription',
			type: 'string' as const,
			default:
				TOOL_DESCRIPTIONS[`${resource}.${option.value}`] ??
				`${option.action ?? option.name} in Black Forest Labs. Returns JSON.`,
			required: true,
			typeOptions: { rows: 4 },
			description:
				'What the AI agent’s model is told this tool does and returns. The default lists what the model needs; edit it to add your own rules.',
			displayOptions: { show: { ...AS_TOOL, resource: [resource], operation: [option.value] } },
		}));
	});
}

/**
 * The node's properties with their tool-mode copies: each parameter the model should fill comes
 * twice, hidden under `@tool` as it was and shown there with a `$fromAI` default; plus the tool
 * description of each operation.
 */
export function withToolMode(properties: INodeProperties[]): INodeProperties[] {
	const out: INodeProperties[] = [];
	for (const property of properties) {
		const toolDefault = TOOL_DEFAULTS[keyOf(property)]?.[property.name]?.(property);
		if (toolDefault === undefined) {
			out.push(property);
			continue;
		}
		const displayOptions = property.displayOptions ?? {};
		out.push(
			{
				...property,
				displayOptions: { ...displayOptions, hide: { ...displayOptions.hide, ...AS_TOOL } },
			},
			{
				...property,
				default: toolDefault as INodeProperties['default'],
				...(property.name === 'numberOfImages' && {
					typeOptions: { ...property.typeOptions, maxValue: TOOL_MAX_IMAGES },
				}),
				displayOptions: { ...displayOptions, show: { ...displayOptions.show, ...AS_TOOL } },
			},
		);
	}
	// First after Resource, where n8n puts its own Tool Description.
	const at = out.findIndex((property) => property.name === 'resource') + 1;
	return [...out.slice(0, at), ...toolDescriptions(out), ...out.slice(at)];
}
