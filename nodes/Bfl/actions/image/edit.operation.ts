import { modelOperation } from '../modelRequest';
import { defineOperation } from '../operation';

export const operation = defineOperation(
	'image',
	'edit',
	modelOperation(
		'edit',
		'FLUX.2 [pro] edits from an instruction with up to 8 reference images; [klein] is cheaper. The tools do one job: Erase (with a mask), Deblur, Outpainting (larger canvas), Virtual Try-On (person and garment).',
	),
);
