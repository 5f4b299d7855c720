// @ts-check
'use strict';

/**
 * Builds (when asked or when dist/ is missing) and packs the package as `npm run package` does: the tarball at the
 * repository root, exactly what users install.
 */

const fs = require('node:fs');
const path = require('node:path');
const { declaredFiles, packTarball } = require('../../../scripts/package');
const { run } = require('./proc');
const { cleanEnv } = require('./cache');

const REPO = path.resolve(__dirname, '..', '..', '..');

/** Newest mtime of the TypeScript sources that end up in dist/. */
function newestSource() {
	let newest = 0;
	/** @param {string} dir */
	const walk = (dir) => {
		if (!fs.existsSync(dir)) return;
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const p = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(p);
			else if (/\.(ts|json|svg)$/.test(entry.name))
				newest = Math.max(newest, fs.statSync(p).mtimeMs);
		}
	};
	for (const d of ['nodes', 'credentials', 'icons']) walk(path.join(REPO, d));
	return newest;
}

/**
 * @param {{ outDir: string, build: boolean, say: (l: string) => void }} opts
 * @returns {Promise<{ tgz: string, built: boolean, stale: boolean, files: number, size: number }>}
 */
async function buildAndPack({ outDir, build, say }) {
	const declared = declaredFiles();
	const missing = declared.filter((f) => !fs.existsSync(path.join(REPO, f)));
	let built = false;
	fs.mkdirSync(outDir, { recursive: true });
	if (build || missing.length) {
		say(missing.length ? `dist/ lacks ${missing.join(', ')}: npm run build` : 'npm run build');
		const r = await run('npm', ['run', 'build'], {
			cwd: REPO,
			env: process.env,
			timeoutMs: 10 * 60000,
			logFile: path.join(outDir, 'build.log'),
		});
		if (r.code !== 0)
			throw new Error(
				`npm run build failed (log ${path.join(outDir, 'build.log')}):\n${`${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-20).join('\n')}`,
			);
		built = true;
	}
	const stillMissing = declared.filter((f) => !fs.existsSync(path.join(REPO, f)));
	if (stillMissing.length)
		throw new Error(`after the build dist/ still lacks ${stillMissing.join(', ')}`);
	const distTime = Math.min(...declared.map((f) => fs.statSync(path.join(REPO, f)).mtimeMs));
	const stale = !built && newestSource() > distTime;

	// the tarball `npm run package` writes at the root, the one the README tells users to install
	const packed = packTarball({ env: cleanEnv() });
	return { ...packed, built, stale };
}

module.exports = { buildAndPack, REPO };
