/** Types of the video catalog rows. Pure data: no n8n imports. */
import type { BodyField, EndpointRow, NumberRange, RuleBase } from './types';

export type VideoOperation = 'generate' | 'enhanceDraft' | 'edit' | 'upscale';

/** Every field a video request can send, in the node's terms. */
export type VideoFieldName =
	| 'prompt'
	| 'aspectRatio'
	| 'duration'
	| 'resolution'
	| 'generateAudio'
	| 'safetyTolerance'
	| 'user'
	| 'draft'
	| 'upscaleFactor'
	| 'creativity';

export type VideoFieldDefinition = BodyField<
	'string' | 'integer' | 'number' | 'boolean' | 'enum' | 'duration'
>;

export interface VideoFieldRule extends RuleBase {
	/** The name users see for this row, where it differs from the field's own. */
	label?: string;
	/** The node parameter holding it, where it differs from the field's name (Edit's instruction). */
	parameter?: string;
	/** What the field means in this row, shown under it. */
	description?: string;
	/** Text length bounds, for strings. */
	length?: NumberRange;
	/** BFL's value when the field is not sent, reported in the output. */
	defaultValue?: string | number | boolean;
}

/** The media a row sends: images, a video or a draft cache, each from a binary field or a URL. */
export interface VideoMedia {
	body: string;
	kind: 'image' | 'video' | 'draft';
	/** What one item is called in hints and messages. */
	label: string;
	min: number;
	max: number;
	/** Keyframes may carry their second in the clip; BFL then takes [seconds, image] pairs. */
	timed?: boolean;
	/** The node's parameters for it: a Keyframes list, or the `<prefix>Source`/… trio of one file. */
	parameter?: 'keyframes' | 'video' | 'draft';
	/** What the parameters are titled ("Start Video Source"). */
	title?: string;
}

/** Where a row's media go among its fields on the node. */
export const MEDIA = 'media';

export interface VideoSpec extends EndpointRow {
	operation: VideoOperation;
	/** The row's value in its operation's Mode picker, where the operation has several rows. */
	mode?: string;
	/** Fields the body always carries, such as flux-3-video's `mode` tag; a shape without it drops it. */
	fixed?: Record<string, string>;
	/** What the Mode picker says of the row. */
	description?: string;
	/** The fields (and media) shown on the node, in order; the row's other fields are Additional. */
	layout: ReadonlyArray<VideoFieldName | typeof MEDIA>;
	/** BFL's endpoint name, reported as the output's model. */
	model: string;
	fields: Partial<Record<VideoFieldName, VideoFieldRule>>;
	media: VideoMedia;
	/** Only the upscaler's schema has webhook_url. */
	webhooks: boolean;
}
