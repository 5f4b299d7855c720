// @ts-check
const fs = require('node:fs');
const path = require('node:path');

const { MODELS } = require('../../nodes/Bfl/catalog/models');

const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'models.md'), 'utf8');

/** The table row of docs/models.md for a model ID, or undefined. @param {string} id */
const rowOf = (id) => {
	const cell = new RegExp(`\\| \`${id.replace(/[.[\]]/g, '\\$&')}\` +\\|`);
	return doc.split('\n').find((line) => cell.test(line));
};

describe('docs/models.md', () => {
	it.each(MODELS.map((model) => [`${model.operation} ${model.id}`, model]))(
		'lists %s with its path and what is unconfirmed',
		(_, model) => {
			const row = rowOf(model.id);
			expect(row).toContain(`\`${model.path}\``);
			for (const field of model.unconfirmed?.fields ?? []) expect(row).toContain(`\`${field}\``);
			if (!model.unconfirmed) expect(row).toMatch(/\| — +\|$/);
		},
	);
});
