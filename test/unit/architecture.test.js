// @ts-check
/**
 * The import rules of DEVELOPERS.md, checked on every source file: actions → transport → core →
 * catalog, never the other way, and nothing outside n8n-workflow at run time. Plain JS: it reads
 * files, which n8n's lint forbids in TypeScript.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const node = path.join(root, 'nodes', 'Bfl');

/** @param {string} dir @returns {string[]} */
function sourcesUnder(dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return sourcesUnder(full);
		return entry.name.endsWith('.ts') ? [full] : [];
	});
}

/** @param {string} file @returns {string[]} module specifiers, type-only imports included */
function importsOf(file) {
	const text = fs.readFileSync(file, 'utf8');
	return [...text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+'([^']+)'/gm)].map(
		(match) => match[1],
	);
}

/** @param {string} file @param {string} spec */
function layerOf(file, spec) {
	if (!spec.startsWith('.')) return spec;
	const target = path.relative(node, path.resolve(path.dirname(file), spec));
	return target.split(path.sep)[0];
}

const RULES = {
	catalog: ['catalog'],
	core: ['catalog', 'core', 'node:crypto'],
	descriptions: ['catalog', 'core', 'descriptions', 'n8n-workflow'],
	transport: ['catalog', 'core', 'transport', 'n8n-workflow'],
	actions: ['actions', 'catalog', 'core', 'descriptions', 'transport', 'n8n-workflow'],
};

/**
 * Download files whose double casts (stream types n8n's helpers do not name) wait for the
 * download work that owns them: boundedDownload.ts is that work's new file. Remove an entry when
 * its file is clean; never add one.
 */
describe('import rules', () => {
	const files = sourcesUnder(node);

	it('finds the sources it checks', () => {
		expect(files.length).toBeGreaterThan(40);
	});

	it.each(Object.entries(RULES))('%s imports only %j', (layer, allowed) => {
		const offending = files
			.filter((file) => path.relative(node, file).split(path.sep)[0] === layer)
			.flatMap((file) =>
				importsOf(file).map((spec) => [path.relative(root, file), spec, layerOf(file, spec)]),
			)
			.filter(([, , target]) => !allowed.includes(target));
		expect(offending).toEqual([]);
	});

	it('lets the trigger use core, catalog, the node result download and its own files only', () => {
		const triggerDir = path.join(root, 'nodes', 'BflTrigger');
		const offending = sourcesUnder(triggerDir)
			.flatMap((file) => importsOf(file).map((spec) => [path.relative(root, file), spec]))
			.filter(
				([, spec]) =>
					!/^(n8n-workflow|\.\.\/Bfl\/(core|catalog)\/.+|\.\.\/Bfl\/transport\/download|\.\/\w+)$/.test(
						spec,
					),
			);
		expect(offending).toEqual([]);
	});

	it('keeps n8n output items out of transport: it submits, checks and downloads', () => {
		const offending = files
			.filter((file) => path.relative(node, file).split(path.sep)[0] === 'transport')
			.filter((file) => /\bINodeExecutionData\b/.test(fs.readFileSync(file, 'utf8')))
			.map((file) => path.relative(root, file));
		expect(offending).toEqual([]);
	});

	it('has no double casts in the node sources', () => {
		const offending = [...files, ...sourcesUnder(path.join(root, 'nodes', 'BflTrigger'))]
			.map((file) => path.relative(root, file))
			.filter((file) => /\bas unknown as\b/.test(fs.readFileSync(path.join(root, file), 'utf8')));
		expect(offending).toEqual([]);
	});

	it('logs only through a scrubbed logger, so no log line can carry the key', () => {
		const offending = [...files, ...sourcesUnder(path.join(root, 'nodes', 'BflTrigger'))].flatMap(
			(file) =>
				fs
					.readFileSync(file, 'utf8')
					.split('\n')
					.filter((line) => !/^\s*(\/\/|\/?\*)/.test(line))
					.filter((line) => /\.logger\b/.test(line) && !line.includes('scrubbedLogger('))
					.map((line) => [path.relative(root, file), line.trim()]),
		);
		expect(offending).toEqual([]);
	});

	it('keeps operation files from importing each other', () => {
		const offending = files
			.filter((file) => file.endsWith('.operation.ts'))
			.flatMap((file) =>
				importsOf(file)
					.filter((spec) => spec.includes('.operation'))
					.map((spec) => [path.relative(root, file), spec]),
			);
		expect(offending).toEqual([]);
	});

	it('ships no runtime import but n8n-workflow and node:crypto', () => {
		const all = [
			...files,
			...sourcesUnder(path.join(root, 'nodes', 'BflTrigger')),
			...sourcesUnder(path.join(root, 'credentials')),
		];
		const external = all.flatMap((file) =>
			importsOf(file).filter(
				(spec) => !spec.startsWith('.') && spec !== 'n8n-workflow' && spec !== 'node:crypto',
			),
		);
		expect(external).toEqual([]);
	});
});
