// Installs the pinned devDependencies on a fresh clone, so `npm test` and `npm run demo` are the only
// set-up commands. Skips the install when node_modules already matches package-lock.json.
// Called at the start of those scripts rather than as pre-scripts: the project's .npmrc sets
// ignore-scripts (for n8n-workflow's native dependencies), which also turns pre-scripts off.
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const lock = path.join(root, 'package-lock.json');
const installed = path.join(root, 'node_modules', '.package-lock.json');

const fresh =
	fs.existsSync(installed) && fs.statSync(installed).mtimeMs >= fs.statSync(lock).mtimeMs;
if (!fresh) {
	console.log('Installing the pinned dev dependencies (npm ci)...');
	execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}
