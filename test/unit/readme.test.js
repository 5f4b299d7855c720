// @ts-check
/**
 * The README as a front door: short, the Quickstart (with the install commands the e2e suite runs) near the top,
 * every relative link in it and in docs/ pointing at a file that exists, and every picture one the UI suite writes.
 */
const fs = require('node:fs');
const path = require('node:path');
const { readmeInstallCommands, MARKER } = require('../e2e/lib/readmeInstall');
const { DOC_IMAGES } = require('../ui/lib/docImages');

const ROOT = path.resolve(__dirname, '..', '..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const lines = readme.split('\n');
/** README.md and the pages under docs/. */
const PAGES = [
	'README.md',
	...fs
		.readdirSync(path.join(ROOT, 'docs'))
		.filter((f) => f.endsWith('.md'))
		.map((f) => `docs/${f}`),
];
/** Pages other work adds in parallel; drop an entry once its file is in the tree. */
const PENDING = new Set();

describe('README.md', () => {
	it('is at most 250 lines', () => {
		expect(lines.length).toBeLessThanOrEqual(250);
	});

	it('has the Quickstart, with its install commands, within the first 40 lines', () => {
		const heading = lines.findIndex((l) => l === '## Quickstart');
		const marker = lines.findIndex((l) => l.includes(MARKER));
		expect(heading).toBeGreaterThanOrEqual(0);
		expect(heading).toBeLessThan(40);
		expect(marker).toBeGreaterThan(heading);
		expect(marker).toBeLessThan(40);
		expect(readmeInstallCommands(readme).join('\n')).toContain(
			'~/.n8n/nodes/node_modules/n8n-nodes-bfl',
		);
	});

	it('links only to files that exist (README.md and docs/)', () => {
		const broken = PAGES.flatMap((page) =>
			[...fs.readFileSync(path.join(ROOT, page), 'utf8').matchAll(/\]\(([^)\s]+)\)/g)]
				.map((m) => m[1].split('#')[0])
				.filter((target) => target && !/^[a-z]+:/.test(target))
				.map((target) => path.posix.normalize(path.posix.join(path.posix.dirname(page), target)))
				.filter((target) => !PENDING.has(target) && !fs.existsSync(path.join(ROOT, target)))
				.map((target) => `${page} → ${target}`),
		);
		expect(broken).toEqual([]);
	});

	it('shows only pictures the UI suite writes (test/ui/lib/docImages.js)', () => {
		const written = new Set(Object.values(DOC_IMAGES).map((file) => `docs/images/${file}`));
		const shown = PAGES.flatMap((page) =>
			[...fs.readFileSync(path.join(ROOT, page), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map(
				(m) => path.posix.normalize(path.posix.join(path.posix.dirname(page), m[1])),
			),
		);
		expect(shown.length).toBeGreaterThan(0);
		expect(shown.filter((image) => !written.has(image))).toEqual([]);
	});
});
