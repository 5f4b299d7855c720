import {
	draftMediaProperties,
	resolutionProperty,
	videoAdditionalFields,
} from '../../descriptions/videoFields';
import { defineOperation } from '../operation';
import { onlySpec, videoOperation } from './videoRequest';

export const operation = defineOperation(
	'video',
	'enhanceDraft',
	videoOperation(
		[...draftMediaProperties(), resolutionProperty('fhd'), videoAdditionalFields(false)],
		onlySpec('enhanceDraft'),
	),
);
