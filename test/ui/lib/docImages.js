// @ts-check
'use strict';

/**
 * The README's and docs' pictures: screenshot name (n8n 2.41.1) → file under docs/images, written by
 * `--write-docs`. test/unit/readme.test.js holds every picture the pages show to this list.
 */
const DOC_IMAGES = {
	'generate-binary-picture': 'editor-generate-binary.png',
	'node-picker-FLUX': 'editor-search-flux.png',
	'example-executed': 'editor-example-02.png',
	'agent-tool-panel': 'editor-agent-tool.png',
	'agent-run': 'editor-agent-run.png',
};

module.exports = { DOC_IMAGES };
