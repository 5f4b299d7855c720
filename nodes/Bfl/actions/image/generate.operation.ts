import { modelOperation } from '../modelRequest';
import { defineOperation } from '../operation';

export const operation = defineOperation(
	'image',
	'generate',
	modelOperation(
		'generate',
		'The FLUX model. FLUX.2 [pro] suits most prompts; [max] gives the highest quality, [flex] the best text and typography, [klein] the lowest cost and latency. FLUX.1 models are legacy.',
	),
);
