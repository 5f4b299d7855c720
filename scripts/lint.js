// `npm run lint`: n8n's own `n8n-node lint` (the verbatim @n8n/node-cli config), the import order
// (scripts/importOrder.js) and Prettier's check; every part runs, then one plain result line.
// `npm run format` fixes the last two.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { checkImportOrder } = require('./importOrder');
const { prettierBin } = require('./prettier');

const root = path.join(__dirname, '..');

(async () => {
	const cli = path.join(root, 'node_modules', '.bin', 'n8n-node');
	const n8n = spawnSync(cli, ['lint', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
	const n8nCode = n8n.status ?? 1;
	const unordered = await checkImportOrder();
	const prettier = spawnSync(
		process.execPath,
		[prettierBin, '--check', '--log-level', 'warn', '.'],
		{
			cwd: root,
			stdio: 'inherit',
		},
	);
	const failures = [
		n8nCode !== 0 && `n8n-node lint exited ${n8nCode}`,
		unordered.length > 0 && `imports out of order in ${unordered.length} files`,
		prettier.status !== 0 && 'files not formatted (Prettier)',
	].filter(Boolean);
	console.log(
		failures.length === 0
			? 'lint: ok'
			: `lint: FAILED (${failures.join('; ')}; npm run format fixes order and format)`,
	);
	process.exitCode = failures.length === 0 ? 0 : 1;
})();
