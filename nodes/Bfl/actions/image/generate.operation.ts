import { modelOperation } from '../modelRequest';

export const { description, prepare, execute } = modelOperation(
	'image',
	'generate',
	'generate',
	'The FLUX model to generate with. FLUX.1 models are legacy: BFL recommends FLUX.2.',
);
