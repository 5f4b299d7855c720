// @ts-check
/**
 * docs/troubleshooting.md against the code, both ways: every error message of the node
 * (test/helpers/errorMessages.js says how they are found) is on the page by its fixed parts, and every message the
 * page lists still exists in the sources. A failure names the message and where it is, so adding a row is easy.
 */
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');
const { nodeErrorMessages, fixedParts, ROOT } = require('../helpers/errorMessages');

const PAGE = path.join(ROOT, 'docs', 'troubleshooting.md');
/** The page's sections that quote the node's messages (the first one is about n8n itself). */
const FIRST_MESSAGE_SECTION = '## Credential';

const squash = (/** @type {string} */ s) => s.replace(/\s+/g, ' ');
const page = squash(fs.readFileSync(PAGE, 'utf8'));

/** Every string literal and template fragment in nodes/ and credentials/. */
function sourceLiterals() {
	/** @type {string[]} */
	const texts = [];
	/** @param {string} dir */
	const walk = (dir) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const p = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(p);
			else if (entry.name.endsWith('.ts')) {
				const scanner = ts.createScanner(ts.ScriptTarget.Latest, false);
				scanner.setText(fs.readFileSync(p, 'utf8'));
				// reScanTemplateToken turns a `}` that closes an interpolation into the template's next piece
				let depth = [];
				for (
					let kind = scanner.scan();
					kind !== ts.SyntaxKind.EndOfFileToken;
					kind = scanner.scan()
				) {
					if (kind === ts.SyntaxKind.OpenBraceToken && depth.length) depth[depth.length - 1]++;
					if (kind === ts.SyntaxKind.CloseBraceToken && depth.length) {
						if (depth[depth.length - 1] === 0) {
							kind = scanner.reScanTemplateToken(false);
							if (kind === ts.SyntaxKind.TemplateTail) depth.pop();
						} else depth[depth.length - 1]--;
					}
					if (kind === ts.SyntaxKind.TemplateHead) depth.push(0);
					if (
						kind === ts.SyntaxKind.StringLiteral ||
						kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral ||
						kind === ts.SyntaxKind.TemplateHead ||
						kind === ts.SyntaxKind.TemplateMiddle ||
						kind === ts.SyntaxKind.TemplateTail
					)
						texts.push(squash(scanner.getTokenValue()));
				}
			}
		}
	};
	for (const dir of ['nodes', 'credentials']) walk(path.join(ROOT, dir));
	return texts;
}

/** The messages the page quotes: code spans of three words or more in the message sections. */
function pageMessages() {
	const body = page.slice(page.indexOf(FIRST_MESSAGE_SECTION));
	return [...body.matchAll(/`([^`]+)`/g)].map((m) => m[1]).filter((s) => s.split(' ').length >= 3);
}

describe('docs/troubleshooting.md', () => {
	const messages = nodeErrorMessages();

	it('finds the node error messages it checks (the finder still works)', () => {
		expect(messages.length).toBeGreaterThan(80);
		expect(messages.map((m) => m.text)).toContain(
			'Not enough BFL credits (402). Top up at https://dashboard.bfl.ai, then run again',
		);
	});

	it('lists every error message of the node', () => {
		const missing = messages
			.filter((m) => fixedParts(m.text).some((part) => !page.includes(part)))
			.map((m) => `${m.file}:${m.line}: ${m.text.replaceAll('{}', '<…>')}`);
		if (missing.length)
			throw new Error(
				`docs/troubleshooting.md lacks ${missing.length} message(s) of the node; add a "what you see → why → what to do" line for each:\n${missing.join('\n')}`,
			);
	});

	it('lists only messages that still exist in the code', () => {
		const literals = sourceLiterals();
		const gone = pageMessages().filter((quoted) =>
			quoted
				.split(/<[^>]*>|…|[:;,.] /)
				.map((part) => part.trim())
				.filter((part) => part.replace(/[^A-Za-z0-9]/g, '').length >= 4)
				.some((part) => !literals.some((text) => text.includes(part))),
		);
		if (gone.length)
			throw new Error(
				`docs/troubleshooting.md quotes ${gone.length} message(s) the code no longer has (or spells differently):\n${gone.join('\n')}`,
			);
	});
});
