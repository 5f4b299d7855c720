// The Prettier that @n8n/node-cli brings (this package does not depend on it directly).
const { createRequire } = require('node:module');
const path = require('node:path');

const root = path.join(__dirname, '..');
const fromNodeCli = createRequire(require.resolve('@n8n/node-cli/eslint', { paths: [root] }));
const prettierBin = path.join(
	path.dirname(fromNodeCli.resolve('prettier/package.json')),
	'bin',
	'prettier.cjs',
);

module.exports = { prettierBin };
