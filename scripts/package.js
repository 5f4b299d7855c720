// `npm run package` (after `npm run build`): packs n8n-nodes-bfl-<version>.tgz at the repository
// root, the tarball users install and the e2e and browser suites load. A plain `npm pack` on a
// clone without dist/ gives a package n8n cannot load, so this refuses a tarball that lacks a file
// package.json's `n8n` section declares.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');

function readManifest() {
	return JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
}

/** The dist/ files n8n loads, from package.json's `n8n` section. */
function declaredFiles(pkg = readManifest()) {
	return [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])];
}

/**
 * Packs the built package at the root and returns its path and contents. Older tarballs of the
 * package are removed first, so `n8n-nodes-bfl-*.tgz` (the README's install commands) names one file.
 * @param {{ env?: NodeJS.ProcessEnv }} [opts]
 */
function packTarball(opts = {}) {
	const pkg = readManifest();
	const missing = declaredFiles(pkg).filter((f) => !fs.existsSync(path.join(root, f)));
	if (missing.length)
		throw new Error(`dist/ lacks ${missing.join(', ')}: run npm run build (or npm run package)`);
	for (const name of fs.readdirSync(root))
		if (name.startsWith(`${pkg.name}-`) && name.endsWith('.tgz')) fs.rmSync(path.join(root, name));
	const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts'], {
		cwd: root,
		encoding: 'utf8',
		env: opts.env ?? process.env,
	});
	const info = JSON.parse(out.slice(out.indexOf('[')))[0];
	const tgz = path.join(root, info.filename);
	const packed = new Set(info.files.map((/** @type {{ path: string }} */ f) => f.path));
	const unpacked = declaredFiles(pkg).filter((f) => !packed.has(f));
	if (unpacked.length) throw new Error(`${info.filename} lacks ${unpacked.join(', ')}`);
	return { tgz, files: info.files.length, size: info.size };
}

if (require.main === module) {
	try {
		const { tgz, files, size } = packTarball();
		console.log(
			`${path.basename(tgz)}: ${files} files, ${(size / 1024).toFixed(0)} kB, dist/ inside. Install it as the README says.`,
		);
	} catch (err) {
		console.error(String(err instanceof Error ? err.message : err));
		process.exitCode = 1;
	}
}

module.exports = { packTarball, declaredFiles };
