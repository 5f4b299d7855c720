import { modelOperation } from '../modelRequest';

export const { description, prepare, execute, expand } = modelOperation(
	'image',
	'generate',
	'generate',
	'The FLUX model. FLUX.2 [pro] suits most prompts; [max] gives the highest quality, [flex] the best text and typography, [klein] the lowest cost and latency. FLUX.1 models are legacy.',
);
