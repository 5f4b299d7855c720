// Installs the pinned devDependencies on a fresh clone, so `npm test` and `npm run demo` are the only
// set-up commands. Skips the install when node_modules already holds what package-lock.json pins.
// Called at the start of those scripts rather than as pre-scripts: the project's .npmrc sets
// ignore-scripts (for n8n-workflow's native dependencies), which also turns pre-scripts off.
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');

function readPackages(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8')).packages ?? null;
	} catch {
		return null;
	}
}

/**
 * Why node_modules differs from the lock file, or null when it matches. Compares the lock's
 * packages with npm's record of what it installed (node_modules/.package-lock.json), by content:
 * file dates change with every checkout, rebase and copy, and said nothing about either.
 */
function staleness() {
	const pinned = readPackages(path.join(root, 'package-lock.json'));
	const installed = readPackages(path.join(root, 'node_modules', '.package-lock.json'));
	if (!pinned) return 'package-lock.json cannot be read';
	if (!installed) return 'node_modules is missing';
	for (const [where, pin] of Object.entries(pinned)) {
		if (where === '') continue;
		const have = installed[where];
		// Optional packages for other platforms are never installed.
		if (!have) {
			if (pin.optional || pin.peer) continue;
			return `${where} is missing`;
		}
		if (have.version !== pin.version) return `${where} is ${have.version}, not ${pin.version}`;
	}
	for (const where of Object.keys(installed))
		if (!(where in pinned)) return `${where} is not in package-lock.json`;
	return null;
}

const why = staleness();
if (why) {
	console.log(`Installing the pinned dev dependencies (npm ci): ${why}...`);
	execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}
