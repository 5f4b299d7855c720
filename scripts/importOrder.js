// Import order for the TypeScript sources and tests, checked by `npm run lint` and fixed by
// `npm run format`. n8n's strict mode forbids changing eslint.config.mjs, so this runs ESLint's API
// with its own one-rule config, using the ESLint, import-x plugin and TypeScript parser that
// @n8n/node-cli itself brings (no dependency of our own). JavaScript files are left out: moving a
// require() can change what runs first, while ES imports are hoisted anyway.
const { createRequire } = require('node:module');
const path = require('node:path');

const root = path.join(__dirname, '..');
const fromNodeCli = createRequire(require.resolve('@n8n/node-cli/eslint', { paths: [root] }));
const { ESLint } = fromNodeCli('eslint');
const importX = fromNodeCli('eslint-plugin-import-x');
const tseslint = fromNodeCli('typescript-eslint');

const FILES = ['nodes/**/*.ts', 'credentials/**/*.ts', 'test/**/*.ts'];

/** Packages first (node: built-ins, then npm), then the repository's own modules, each A→Z. */
const ORDER = {
	groups: ['builtin', 'external', 'internal', ['parent', 'sibling', 'index']],
	'newlines-between': 'ignore',
	alphabetize: { order: 'asc', caseInsensitive: true },
};

/**
 * @param {{ fix?: boolean, files?: string[], report?: boolean }} [options] `files`: globs or paths
 *   relative to the root; `report`: print ESLint's findings (default true)
 * @returns {Promise<string[]>} the files still out of order, relative to the root
 */
async function checkImportOrder({ fix = false, files = FILES, report = true } = {}) {
	const eslint = new ESLint({
		cwd: root,
		fix,
		overrideConfigFile: true,
		overrideConfig: [
			{ ignores: ['dist/**', 'node_modules/**'] },
			{
				files: ['**/*.ts'],
				languageOptions: { parser: tseslint.parser },
				plugins: { 'import-x': importX },
				rules: { 'import-x/order': ['error', ORDER] },
			},
		],
	});
	const results = await eslint.lintFiles(files);
	if (fix) await ESLint.outputFixes(results);
	const failed = results.filter((result) => result.errorCount > 0);
	if (failed.length && report) {
		const formatter = await eslint.loadFormatter('stylish');
		process.stdout.write(await formatter.format(failed));
	}
	return failed.map((result) => path.relative(root, result.filePath));
}

module.exports = { checkImportOrder };
