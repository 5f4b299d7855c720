// @ts-check
'use strict';

/** Builds (when asked or when dist/ is missing) and `npm pack`s the package, exactly what users install. */

const fs = require('node:fs');
const path = require('node:path');
const { run } = require('./proc');
const { cleanEnv } = require('./cache');

const REPO = path.resolve(__dirname, '..', '..', '..');

/** Files package.json says n8n must load. */
function declaredDistFiles() {
	const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
	return [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])];
}

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
	const declared = declaredDistFiles();
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

	const env = cleanEnv();
	const r = await run(
		'npm',
		['pack', '--json', '--ignore-scripts', `--pack-destination=${outDir}`],
		{ cwd: REPO, env, timeoutMs: 120000 },
	);
	if (r.code !== 0)
		throw new Error(`npm pack failed:\n${r.stderr.trim().split('\n').slice(-10).join('\n')}`);
	const info = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')))[0];
	const tgz = path.join(outDir, info.filename);
	if (!fs.existsSync(tgz))
		throw new Error(`npm pack reported ${info.filename} but ${tgz} does not exist`);
	const packed = new Set(info.files.map((/** @type {{ path: string }} */ f) => f.path));
	const unpacked = declared.filter((f) => !packed.has(f));
	if (unpacked.length) throw new Error(`the tarball lacks ${unpacked.join(', ')}`);
	return { tgz, built, stale, files: info.files.length, size: info.size };
}

module.exports = { buildAndPack, REPO };
