// @ts-check
'use strict';

/**
 * The node's error messages, found in its TypeScript sources with TypeScript's own parser (so formatting and line
 * breaks do not matter): the message argument of every `operationError(…)`, `new NodeOperationError(…)` and
 * `new NodeApiError(…)`, the `override` of `apiError(…)`, a `ConfigurationError` (a credential that routes
 * nowhere) and the trigger's `reject(…)`; every `message:` or `problem:` of an object literal and every `problems.push(…)` (validation problems, download
 * failures); and the strings returned by the message builders (`headline` in transport/errors.ts, the
 * `describe…Failure` functions, `tooLarge`, `failureMessage`) and by the validators (`check…`, `…Problem`). A message given as a local `const` is followed to its initializer.
 * A template's interpolations become `{}`, so a message is known by its fixed parts. A message assembled
 * elsewhere (a catalog rule's text) is not found here: list it on the page by hand, where the reverse check
 * still holds it to the code.
 */

const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCE_DIRS = ['nodes', 'credentials'];

/** @param {string} dir @returns {string[]} */
function tsFiles(dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const p = path.join(dir, entry.name);
		if (entry.isDirectory()) return tsFiles(p);
		return entry.name.endsWith('.ts') ? [p] : [];
	});
}

/**
 * The text of a string-like expression with `{}` for each interpolation, or the texts of both branches of a
 * conditional; [] when the expression is not text the source spells out.
 * @param {ts.Expression} node @param {Map<string, ts.Expression>} consts @returns {string[]}
 */
function textsOf(node, consts) {
	if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
	if (ts.isTemplateExpression(node))
		return [node.head.text + node.templateSpans.map((s) => `{}${s.literal.text}`).join('')];
	if (ts.isParenthesizedExpression(node)) return textsOf(node.expression, consts);
	if (ts.isConditionalExpression(node))
		return [...textsOf(node.whenTrue, consts), ...textsOf(node.whenFalse, consts)];
	// `custom ?? 'the default message'`: the default is spelled out
	if (
		ts.isBinaryExpression(node) &&
		node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken
	)
		return textsOf(node.right, consts);
	if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
		const left = textsOf(node.left, consts);
		const right = textsOf(node.right, consts);
		return left.length && right.length ? left.flatMap((l) => right.map((r) => l + r)) : [];
	}
	if (ts.isIdentifier(node)) {
		const init = consts.get(node.text);
		return init ? textsOf(init, new Map([...consts].filter(([k]) => k !== node.text))) : [];
	}
	return [];
}

/** The callee's name of a call or `new`. @param {ts.Expression} expr */
function calleeName(expr) {
	if (ts.isIdentifier(expr)) return expr.text;
	if (ts.isPropertyAccessExpression(expr)) return expr.name.text;
	return '';
}

/** Argument index of the message, by callee: the error constructors and builders, and the trigger's answer. */
const MESSAGE_ARG = {
	operationError: 1,
	NodeOperationError: 1,
	NodeApiError: 2,
	apiError: 6,
	ConfigurationError: 0,
	reject: 2,
	fail: 0,
};
/** Lists of problems a validator returns, each one a message. */
const PROBLEM_LISTS = /^problems?$/;
/**
 * Functions whose returned strings are messages: transport/errors.ts's headline, the failure describers, and the
 * validators (`check…`, `…Problem`), which return a problem's text or undefined.
 */
const BUILDER =
	/^(headline|describe\w*Failure|tooLarge|failureMessage|\w*Problems?|check[A-Z]\w*)$/;

/**
 * Every error message of the node: `{ text, file, line }`, `text` with `{}` for interpolations.
 * @returns {{ text: string, file: string, line: number }[]}
 */
function nodeErrorMessages() {
	/** @type {{ text: string, file: string, line: number }[]} */
	const found = [];
	for (const dir of SOURCE_DIRS)
		for (const file of tsFiles(path.join(ROOT, dir))) {
			const rel = path.relative(ROOT, file).split(path.sep).join('/');
			const sf = ts.createSourceFile(
				file,
				fs.readFileSync(file, 'utf8'),
				ts.ScriptTarget.Latest,
				true,
			);
			/** @type {Map<string, ts.Expression>} */
			const consts = new Map();
			/** @param {ts.Node} node */
			const collectConsts = (node) => {
				if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer)
					consts.set(node.name.text, node.initializer);
				ts.forEachChild(node, collectConsts);
			};
			collectConsts(sf);
			/** @param {ts.Expression} expr @param {ts.Node} at */
			const add = (expr, at) => {
				const line = sf.getLineAndCharacterOfPosition(at.getStart()).line + 1;
				for (const text of textsOf(expr, consts)) found.push({ text, file: rel, line });
			};
			/** @param {ts.Node} node */
			const visit = (node) => {
				if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
					const name = calleeName(node.expression);
					const index = MESSAGE_ARG[/** @type {keyof typeof MESSAGE_ARG} */ (name)];
					const arg = index === undefined ? undefined : node.arguments?.[index];
					if (arg) add(arg, node);
					// problems.push('…')
					const target = ts.isPropertyAccessExpression(node.expression)
						? node.expression.expression
						: undefined;
					if (
						name === 'push' &&
						target &&
						ts.isIdentifier(target) &&
						PROBLEM_LISTS.test(target.text)
					)
						for (const pushed of node.arguments ?? []) add(pushed, node);
				}
				// `{ message: … }`: a validation problem, a download failure, a refused route
				if (
					ts.isPropertyAssignment(node) &&
					ts.isIdentifier(node.name) &&
					['message', 'problem'].includes(node.name.text)
				)
					add(node.initializer, node);
				// `{ field, message }`, the message a local const
				if (
					ts.isShorthandPropertyAssignment(node) &&
					['message', 'problem'].includes(node.name.text)
				)
					add(node.name, node);
				if (ts.isReturnStatement(node) && node.expression) {
					const fn = ts.findAncestor(node, ts.isFunctionDeclaration);
					if (fn?.name && BUILDER.test(fn.name.text)) add(node.expression, node);
				}
				ts.forEachChild(node, visit);
			};
			visit(sf);
		}
	return found;
}

/** A message's fixed parts worth matching: the text between interpolations, trimmed, of 4 characters or more. */
function fixedParts(/** @type {string} */ text) {
	return text
		.split('{}')
		.map((part) => part.replace(/\s+/g, ' ').trim())
		.filter((part) => part.replace(/[^A-Za-z0-9]/g, '').length >= 4);
}

module.exports = { nodeErrorMessages, fixedParts, ROOT };
