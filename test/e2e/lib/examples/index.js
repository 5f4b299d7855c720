// @ts-check
'use strict';

/**
 * The example workflows in examples/ and how the suite judges each one: 01–06 by their execute-batch snapshot
 * (images.js, items.js), 07 in queue mode (../queue.js), 08a/08b with n8n running (../webhookCompletion.js).
 */

const { EXAMPLES_DIR, SEEDED_FINETUNES, loadExample } = require('./load');
const { IMAGE_EXAMPLES } = require('./images');
const { ITEM_EXAMPLES } = require('./items');
const { ACCOUNT_EXAMPLES } = require('./account');
const { VIDEO_EXAMPLES } = require('./video');
const { FLUX31_EXAMPLES } = require('./flux31');
const { imageItemProblem, short } = require('./judge');
const lint = require('./lint');

/** Examples 01–06, 09–13 and 15, run together by one execute-batch per release. */
const EXAMPLES = [
	...IMAGE_EXAMPLES,
	...FLUX31_EXAMPLES,
	...ITEM_EXAMPLES,
	...ACCOUNT_EXAMPLES,
	...VIDEO_EXAMPLES,
];

/** The examples run elsewhere in the suite. */
const OTHER_EXAMPLE_FILES = [
	'07-webhook-generate.json',
	'08a-generate-by-webhook.json',
	'08b-bfl-trigger.json',
	'14-video-upscale-by-webhook.json',
];

/** Problems in the shipped examples/*.json (see lint.js), with every example the suite runs required. */
function lintExamples() {
	return lint.lintExamples([...EXAMPLES.map((e) => e.file), ...OTHER_EXAMPLE_FILES]);
}

module.exports = {
	EXAMPLES,
	EXAMPLES_DIR,
	OTHER_EXAMPLE_FILES,
	SEEDED_FINETUNES,
	loadExample,
	lintExamples,
	imageItemProblem,
	short,
};
