// Offline run of n8n's community-package scanner: lints the packed tarball and the source with the
// rules n8n's verification uses. The real scanner needs npm provenance and GitHub, which CI lacks.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'n8n-nodes-bfl-verify-'));
try {
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
			cwd: root,
			encoding: 'utf8',
		}),
	);
	const tarball = join(work, packed[0].filename);
	const unpacked = join(work, 'package');
	mkdirSync(unpacked);
	execFileSync('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);
	const files = packed[0].files.map((file) => file.path);
	const stray = files.filter(
		(path) =>
			!path.startsWith('dist/') &&
			!['package.json', 'index.js', 'README.md', 'LICENSE', 'LICENSE.md'].includes(path),
	);
	if (stray.length) throw new Error(`Unexpected files in the package: ${stray.join(', ')}`);
	// n8n runs the compiled JavaScript without source-map support, and a map without the .ts
	// sources it names would only mislead a debugger, so the package ships none.
	const maps = files.filter((path) => path.endsWith('.map'));
	if (maps.length) throw new Error(`Source maps in the package: ${maps.join(', ')}`);

	let failed = false;
	for (const [leg, dir, patterns] of [
		['packed tarball', unpacked, ['**/*.js', 'package.json']],
		['source', root, SOURCE_FILE_PATTERNS],
	]) {
		const result = await analyzePackage(dir, patterns);
		console.log(`scanner (${leg}): ${result.passed ? 'passed' : `FAILED: ${result.message}`}`);
		if (!result.passed) {
			failed = true;
			if (result.details) console.log(result.details);
		}
	}
	console.log(
		`package: ${packed[0].filename}, ${files.length} files, ${packed[0].size} bytes packed`,
	);
	if (failed) process.exitCode = 1;
} finally {
	rmSync(work, { recursive: true, force: true });
}
