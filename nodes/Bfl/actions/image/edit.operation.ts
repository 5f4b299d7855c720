import { modelOperation } from '../modelRequest';

export const { description, prepare, execute, expand } = modelOperation(
	'image',
	'edit',
	'edit',
	'FLUX.2 [pro] edits from an instruction with up to 8 reference images; [klein] is cheaper. The tools do one job: Erase (with a mask), Deblur, Outpainting (larger canvas), Virtual Try-On (person and garment).',
);
