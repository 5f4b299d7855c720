import {
	draftMediaProperties,
	resolutionProperty,
	videoAdditionalFields,
} from '../../descriptions/videoFields';
import { onlySpec, videoOperation } from './videoRequest';

export const { description, prepare, execute } = videoOperation(
	'enhanceDraft',
	[...draftMediaProperties(), resolutionProperty('fhd'), videoAdditionalFields(false)],
	onlySpec('enhanceDraft'),
);
