// `npm run format`: puts imports in order (scripts/importOrder.js), then formats every file with
// Prettier (the version @n8n/node-cli brings; .prettierrc.js, .prettierignore and .gitignore apply).
//   node scripts/format.js [files...]   only the given files (default: the whole repository)
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { checkImportOrder } = require('./importOrder');
const { prettierBin } = require('./prettier');

const root = path.join(__dirname, '..');
const files = process.argv.slice(2);

(async () => {
	const tsFiles = files.filter((file) => file.endsWith('.ts'));
	const unordered =
		files.length && !tsFiles.length
			? []
			: await checkImportOrder({ fix: true, files: files.length ? tsFiles : undefined });
	const prettier = spawnSync(
		process.execPath,
		[prettierBin, '--write', '--log-level', 'warn', ...(files.length ? files : ['.'])],
		{
			cwd: root,
			stdio: 'inherit',
		},
	);
	const ok = unordered.length === 0 && prettier.status === 0;
	console.log(
		ok
			? 'format: ok'
			: `format: FAILED (${unordered.length} files need a hand fix of their imports; prettier exited ${prettier.status})`,
	);
	process.exitCode = ok ? 0 : 1;
})();
