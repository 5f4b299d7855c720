import { regionNotice } from '../../descriptions/finetune';
import { modelOperation } from '../modelRequest';
import { defineOperation } from '../operation';

export const operation = defineOperation(
	'finetune',
	'generate',
	modelOperation(
		'finetune',
		'The endpoint that matches your finetune or LoRA (base model and precision)',
		[regionNotice],
	),
);
