// @ts-check
/**
 * The "without the limiter" build of the benchmark: a copy of the packed tarball whose node takes
 * no account slots, so each run has only its own pool (Concurrency, 24), as before the limiter.
 * The product has no switch for this on purpose (the limiter is what keeps several executions
 * under the account's cap); the benchmark edits its own copy of the compiled file and fails
 * loudly when the line it edits is not there any more.
 */
const fs = require('node:fs');
const path = require('node:path');

const { run } = require('../e2e/lib/proc');

/** A copy of the tarball whose node takes no account slots: the "without the limiter" build. */
async function withoutLimiter(/** @type {string} */ tgz, /** @type {string} */ dir) {
	const unpacked = path.join(dir, 'no-limiter');
	fs.mkdirSync(unpacked, { recursive: true });
	await run('tar', ['-xzf', tgz, '-C', unpacked], { timeoutMs: 60000 });
	const actions = path.join(unpacked, 'package', 'dist', 'nodes', 'Bfl', 'actions');
	// No account slots; and the pool, which admits twice Concurrency while slots bound the tasks,
	// goes back to Concurrency itself.
	patch(
		path.join(actions, 'accountLimiter.js'),
		/\(0, accounts_1\.bindRun\)\(ctx, run\);/,
		'/* bench: no slots */',
	);
	patch(
		path.join(actions, 'router.js'),
		/const poolScale = session \? 2 : 1;/,
		'const poolScale = 1;',
	);
	const out = path.join(dir, 'n8n-nodes-bfl-no-limiter.tgz');
	await run('tar', ['-czf', out, '-C', unpacked, 'package'], { timeoutMs: 60000 });
	return out;
}

/** Replaces `pattern` in a compiled file, failing loudly when the line is not there any more. */
function patch(
	/** @type {string} */ file,
	/** @type {RegExp} */ pattern,
	/** @type {string} */ by,
) {
	const source = fs.readFileSync(file, 'utf8');
	const patched = source.replace(pattern, by);
	if (patched === source) throw new Error(`could not turn the limiter off in ${file}`);
	fs.writeFileSync(file, patched);
}

module.exports = { withoutLimiter };
