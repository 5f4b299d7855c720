// @ts-check
'use strict';

/**
 * The README's install commands for an npm-installed n8n, run as written: the suites install the package with exactly
 * what a user is told to type, so a README that drifts from what works fails the e2e and browser suites.
 */

const fs = require('node:fs');
const path = require('node:path');
const { run } = require('./proc');

const README = path.resolve(__dirname, '..', '..', '..', 'README.md');
const MARKER = '<!-- install:npm -->';

/**
 * The shell commands of the fenced block that follows the marker, comments and blank lines dropped.
 * @param {string} [text] README text
 */
function readmeInstallCommands(text = fs.readFileSync(README, 'utf8')) {
	const at = text.indexOf(MARKER);
	if (at < 0) throw new Error(`README.md lacks the ${MARKER} marker before its install commands`);
	const block = /```(?:bash|sh)\n([\s\S]*?)```/.exec(text.slice(at));
	if (!block) throw new Error(`README.md has no fenced bash block after ${MARKER}`);
	const commands = block[1]
		.split('\n')
		.map((line) => line.replace(/\s+#.*$/, '').trim())
		.filter((line) => line && !line.startsWith('#'));
	if (!commands.length) throw new Error(`the block after ${MARKER} in README.md is empty`);
	return commands;
}

/**
 * Runs the README's commands with `~` = `home` (so `~/.n8n` is that n8n's user folder) in the folder holding the
 * tarball, as a user would from the repository after `npm run package`.
 * @param {{ home: string, tgz: string, logFile?: string }} opts
 */
async function installAsReadmeSays({ home, tgz, logFile }) {
	const commands = readmeInstallCommands();
	const script = ['set -euo pipefail', ...commands].join('\n');
	const r = await run('bash', ['-c', script], {
		cwd: path.dirname(tgz),
		env: { ...process.env, HOME: home },
		timeoutMs: 120000,
		logFile,
	});
	if (r.code !== 0)
		throw new Error(
			`the README's install commands failed (exit ${r.code ?? r.signal}):\n${commands.join('\n')}\n${r.stderr.trim().split('\n').slice(-10).join('\n')}`,
		);
	return commands;
}

module.exports = { readmeInstallCommands, installAsReadmeSays, MARKER };
