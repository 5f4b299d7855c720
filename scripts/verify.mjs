// `npm run verify`: n8n's community-node verification guidelines as a checklist, one line each with
// PASS, WARN or FAIL, run offline. The real scanner also needs npm provenance and GitHub, which
// only a published version has; here it lints the packed tarball and the source with the same
// rules. Warnings (placeholders to fill in before the first publish) do not fail the run;
// `--strict` (the publish workflow) makes them failures.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = resolve(import.meta.dirname, '..');
const strict = process.argv.includes('--strict');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const tally = { PASS: 0, WARN: 0, FAIL: 0 };

/** One guideline's line. @param {'PASS' | 'WARN' | 'FAIL'} result */
function report(result, guideline, detail = '') {
	const shown = strict && result === 'WARN' ? 'FAIL' : result;
	tally[shown]++;
	console.log(`${shown.padEnd(4)}  ${guideline}${detail ? ` — ${detail}` : ''}`);
}
const verdict = (ok, guideline, pass, fail) =>
	report(ok ? 'PASS' : 'FAIL', guideline, ok ? pass : fail);

function filesUnder(dir, keep) {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const p = join(dir, entry.name);
		if (entry.isDirectory()) return filesUnder(p, keep);
		return keep(entry.name) ? [p] : [];
	});
}

const work = mkdtempSync(join(tmpdir(), 'n8n-nodes-bfl-verify-'));
try {
	// 1. The n8n-node tool's lint (n8n's own rules, strict).
	const lint = spawnSync(join(root, 'node_modules', '.bin', 'n8n-node'), ['lint'], {
		cwd: root,
		encoding: 'utf8',
	});
	verdict(
		lint.status === 0,
		'Checked with the n8n-node tool (n8n-node lint)',
		'no findings',
		`${`${lint.stdout}\n${lint.stderr}`.trim().split('\n').slice(-5).join(' | ')}`,
	);

	// 2. What users get: the packed tarball, its contents, and the scanner on it and on the source.
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
			cwd: root,
			encoding: 'utf8',
		}),
	)[0];
	const unpacked = join(work, 'package');
	mkdirSync(unpacked);
	execFileSync('tar', [
		'-xzf',
		join(work, packed.filename),
		'-C',
		unpacked,
		'--strip-components=1',
	]);
	const files = packed.files.map((file) => file.path);
	const allowed = ['package.json', 'index.js', 'README.md', 'LICENSE', 'LICENSE.md'];
	const stray = files.filter((p) => !p.startsWith('dist/') && !allowed.includes(p));
	// n8n runs the compiled JavaScript without source-map support, so the package ships no maps.
	const maps = files.filter((p) => p.endsWith('.map'));
	const declared = [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])];
	const undeclared = declared.filter((p) => !files.includes(p));
	verdict(
		!stray.length && !maps.length && !undeclared.length,
		'Package holds the built node (dist/) and nothing else',
		`${packed.filename}: ${files.length} files, ${packed.size} bytes packed`,
		[
			stray.length && `unexpected: ${stray.join(', ')}`,
			maps.length && `source maps: ${maps.join(', ')}`,
			undeclared.length && `missing (run npm run build): ${undeclared.join(', ')}`,
		]
			.filter(Boolean)
			.join('; '),
	);
	for (const [leg, dir, patterns] of [
		['packed tarball', unpacked, ['**/*.js', 'package.json']],
		['source', root, SOURCE_FILE_PATTERNS],
	]) {
		const result = await analyzePackage(dir, patterns);
		verdict(
			result.passed,
			`Scanner (@n8n/scan-community-package) passes on the ${leg}`,
			'offline; provenance is checked once published',
			`${result.message}${result.details ? `\n${result.details}` : ''}`,
		);
	}

	// 3. The rules of the guidelines that the scanner does not cover.
	const runtime = [
		'dependencies',
		'optionalDependencies',
		'bundleDependencies',
		'bundledDependencies',
	]
		.flatMap((field) => Object.keys(pkg[field] ?? {}))
		.concat(Object.keys(pkg.peerDependencies ?? {}).filter((name) => name !== 'n8n-workflow'));
	verdict(
		runtime.length === 0,
		'No runtime dependencies',
		'n8n-workflow is the only peer dependency',
		runtime.join(', '),
	);
	const licenseText = existsSync(join(root, 'LICENSE.md'))
		? readFileSync(join(root, 'LICENSE.md'), 'utf8')
		: '';
	verdict(
		pkg.license === 'MIT' && licenseText.startsWith('MIT License'),
		'License is MIT',
		'package.json and LICENSE.md',
		`package.json says ${pkg.license}; LICENSE.md ${licenseText ? 'is not the MIT text' : 'is missing'}`,
	);
	const reaches = filesUnder(join(unpacked, 'dist'), (n) => n.endsWith('.js')).filter((file) =>
		/\bprocess\.env\b|require\("(node:)?fs(\/promises)?"\)/.test(readFileSync(file, 'utf8')),
	);
	verdict(
		reaches.length === 0,
		'No environment variables or file system access in the node',
		'dist/ reads neither process.env nor fs',
		reaches.map((f) => f.slice(unpacked.length + 1)).join(', '),
	);
	// English: no letters of another script in what users read (typographic signs such as → × … are fine)
	const texts = [
		join(root, 'README.md'),
		...filesUnder(join(root, 'docs'), (n) => n.endsWith('.md')),
		...filesUnder(join(root, 'nodes'), (n) => /\.(ts|json)$/.test(n)),
		...filesUnder(join(root, 'credentials'), (n) => n.endsWith('.ts')),
	];
	const foreign = texts.filter((file) =>
		/(?!\p{Script=Latin})\p{L}/u.test(readFileSync(file, 'utf8')),
	);
	verdict(
		foreign.length === 0,
		'English only (UI, errors, README, docs)',
		`${texts.length} files, no letters outside the Latin script`,
		`letters of another script in ${foreign.map((f) => f.slice(root.length + 1)).join(', ')}`,
	);
	verdict(existsSync(join(root, 'README.md')), 'A README', 'README.md', 'README.md is missing');
	const workflows = filesUnder(join(root, '.github', 'workflows'), (n) => /\.ya?ml$/.test(n));
	const provenance = workflows.find((file) => {
		const text = readFileSync(file, 'utf8');
		return /npm publish[^\n]*--provenance/.test(text) && /id-token:\s*write/.test(text);
	});
	verdict(
		Boolean(provenance),
		'Published from a GitHub Action with npm provenance',
		`${provenance?.slice(root.length + 1)}: npm publish --provenance, id-token: write`,
		'no workflow in .github/workflows runs npm publish --provenance with id-token: write',
	);

	// 4. Fields n8n matches against the GitHub repository: placeholders until the first publish.
	const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
	const author = typeof pkg.author === 'string' ? pkg.author : pkg.author?.name;
	const placeholder = (value) => !value || /YOUR|example\.invalid|fill in/i.test(value);
	for (const [field, value] of [
		['repository', repository],
		['homepage', pkg.homepage],
		['author', author],
	])
		report(
			placeholder(value) ? 'WARN' : 'PASS',
			`package.json "${field}" names the real maintainer / GitHub repository`,
			placeholder(value)
				? `still a placeholder (${value ?? 'missing'}): fill it in before the first publish`
				: value,
		);
} finally {
	rmSync(work, { recursive: true, force: true });
}
console.log(`verify: ${tally.PASS} passed, ${tally.WARN} warnings, ${tally.FAIL} failed`);
if (tally.FAIL) process.exitCode = 1;
