import { videoAdditionalFields, videoMediaProperties } from '../../descriptions/videoFields';
import { defineOperation } from '../operation';
import { onlySpec, videoOperation } from './videoRequest';

export const operation = defineOperation(
	'video',
	'edit',
	videoOperation(
		[
			...videoMediaProperties(),
			{
				displayName: 'Instruction',
				name: 'instruction',
				type: 'string',
				typeOptions: { rows: 3 },
				required: true,
				default: '',
				description:
					'How to change the clip (1–4,096 characters); its length, resolution, ratio and audio stay as they are',
			},
			videoAdditionalFields(false),
		],
		onlySpec('edit'),
	),
);
