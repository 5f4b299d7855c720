import type { IExecuteFunctions } from 'n8n-workflow';

import { findVideoSpec, VIDEO_MODELS } from '../../catalog/videoModels';
import {
	aspectRatioProperty,
	durationProperty,
	generateAudioProperty,
	keyframesProperty,
	resolutionProperty,
	videoAdditionalFields,
	videoMediaProperties,
} from '../../descriptions/videoFields';
import { operationError } from '../../transport/errors';
import { defineOperation } from '../operation';
import { videoOperation } from './videoRequest';

const MODES = VIDEO_MODELS.filter((spec) => spec.operation === 'generate');

function specFor(ctx: IExecuteFunctions, itemIndex: number) {
	const mode = String(ctx.getNodeParameter('videoMode', itemIndex)).trim();
	const spec = findVideoSpec('generate', mode);
	if (!spec) {
		const known = MODES.map((row) => row.mode).join(', ');
		throw operationError(ctx.getNode(), `Unknown mode "${mode}". Use one of: ${known}`, itemIndex);
	}
	return spec;
}

export const operation = defineOperation(
	'video',
	'generate',
	videoOperation(
		[
			{
				displayName: 'Mode',
				name: 'videoMode',
				type: 'options',
				options: [
					{ name: 'Text to Video', value: 't2v', description: 'A clip from a prompt' },
					{
						name: 'Image to Video',
						value: 'i2v',
						description: 'A clip through one to ten keyframe images',
					},
					{
						name: 'Continue Video',
						value: 'v2v',
						description: 'A clip that carries on from the end of a video',
					},
				],
				default: 't2v',
			},
			{
				displayName: 'Prompt',
				name: 'prompt',
				type: 'string',
				typeOptions: { rows: 3 },
				required: true,
				default: '',
				description: 'What happens in the clip',
			},
			{ ...keyframesProperty, displayOptions: { show: { videoMode: ['i2v'] } } },
			...videoMediaProperties().map((property) => ({
				...property,
				displayName: property.displayName.replace('Video', 'Start Video'),
				displayOptions: { show: { ...property.displayOptions?.show, videoMode: ['v2v'] } },
			})),
			aspectRatioProperty,
			durationProperty,
			resolutionProperty('hd'),
			generateAudioProperty,
			videoAdditionalFields(true),
		],
		specFor,
	),
);
