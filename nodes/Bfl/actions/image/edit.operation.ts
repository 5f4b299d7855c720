import { modelOperation } from '../modelRequest';

export const { description, prepare, execute } = modelOperation(
	'image',
	'edit',
	'edit',
	'The FLUX model or tool to edit with. Each takes its input images in a fixed order, shown below.',
);
