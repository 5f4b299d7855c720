// @ts-check
'use strict';

/** Where the example workflows live, how they are read, and the finetunes the simulator is seeded with. */

const fs = require('node:fs');
const path = require('node:path');

const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'examples');

/** Finetunes the simulator starts with, for example 06. */
const SEEDED_FINETUNES = [
	{
		finetune_id: 'e2e-finetune-0001',
		finetune_comment: 'product shots',
		mode: 'product',
		trigger_word: 'TOK',
		iterations: 300,
		learning_rate: 0.00001,
		captioning: true,
		priority: 'quality',
		finetune_type: 'full',
		lora_rank: 32,
	},
	{
		finetune_id: 'e2e-finetune-0002',
		finetune_comment: 'house style',
		mode: 'style',
		trigger_word: 'HSTYLE',
		iterations: 500,
		learning_rate: 0.00001,
		captioning: true,
		priority: 'speed',
		finetune_type: 'lora',
		lora_rank: 16,
	},
];

/** @param {string} file */
function loadExample(file) {
	return JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
}

module.exports = { EXAMPLES_DIR, SEEDED_FINETUNES, loadExample };
