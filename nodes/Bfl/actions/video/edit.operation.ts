import { videoAdditionalFields, videoMediaProperties } from '../../descriptions/videoFields';
import { onlySpec, videoOperation } from './videoRequest';

export const { description, prepare, execute } = videoOperation(
	'edit',
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
);
