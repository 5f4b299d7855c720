import { regionNotice } from '../../descriptions/finetune';
import { modelOperation } from '../modelRequest';

export const { description, prepare, execute } = modelOperation(
	'finetune',
	'generate',
	'finetune',
	'The endpoint that matches your finetune or LoRA (base model and precision)',
	[regionNotice],
);
