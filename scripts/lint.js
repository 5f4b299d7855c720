// `npm run lint`: n8n's own `n8n-node lint` (the verbatim @n8n/node-cli config), which prints only
// its banner when everything passes, followed by one plain result line.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const cli = path.join(root, 'node_modules', '.bin', 'n8n-node');
const result = spawnSync(cli, ['lint', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
const code = result.status ?? 1;
console.log(code === 0 ? 'lint: ok' : `lint: FAILED (n8n-node lint exited ${code})`);
process.exitCode = code;
