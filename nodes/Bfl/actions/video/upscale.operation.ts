import { videoAdditionalFields, videoMediaProperties } from '../../descriptions/videoFields';
import { defineOperation } from '../operation';
import { onlySpec, videoOperation } from './videoRequest';

export const operation = defineOperation(
	'video',
	'upscale',
	videoOperation(
		[
			...videoMediaProperties(),
			{
				displayName: 'Upscale Factor',
				name: 'upscaleFactor',
				type: 'number',
				typeOptions: { minValue: 1.5, maxValue: 3, numberPrecision: 2 },
				default: 2,
				description:
					'Output size relative to the input, 1.5 to 3 (frames are capped at 13.75 MP). The input may be at most 2560×1440 and 50 MB; BFL upscales its first 20 seconds.',
			},
			{
				displayName: 'Creativity',
				name: 'creativity',
				type: 'options',
				options: [
					{ name: 'Precise', value: 0, description: 'Stay faithful to the source' },
					{ name: 'Creative', value: 1, description: 'Allow new detail' },
				],
				default: 1,
			},
			{
				displayName: 'Prompt',
				name: 'prompt',
				type: 'string',
				default: '',
				description: 'Optional description of the clip, steering the added detail',
			},
			videoAdditionalFields(false),
		],
		onlySpec('upscale'),
		true,
	),
);
