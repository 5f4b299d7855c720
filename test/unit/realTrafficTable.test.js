// @ts-check
/** RELIABILITY.md carries the Real traffic table as test/realTraffic/table.js renders it. */
const fs = require('node:fs');
const path = require('node:path');
const { realTrafficSection, withSection } = require('../realTraffic/table');

const reliability = fs.readFileSync(path.join(__dirname, '..', '..', 'RELIABILITY.md'), 'utf8');

/** Table cells without Prettier's padding, so a formatted file compares with the rendered one. @param {string} text */
const cells = (text) =>
	text
		.split('\n')
		.map((line) =>
			line.startsWith('|') ? line.replace(/ *\| */g, '|').replace(/-{3,}/g, '---') : line,
		)
		.join('\n');

it('RELIABILITY.md has the current Real traffic table (node test/realTraffic/table.js --write)', () => {
	expect(cells(reliability)).toContain(cells(realTrafficSection()));
});

it('writing the section twice changes nothing', () => {
	expect(cells(withSection(withSection(reliability)))).toBe(cells(reliability));
});
