// @ts-check
/** The workflows and the "without the limiter" tarball of `bench:executions`. */
const fs = require('node:fs');
const path = require('node:path');

const { withCredential } = require('../e2e/lib/n8n');
const { REPO } = require('../e2e/lib/pack');
const { run } = require('../e2e/lib/proc');

/** @param {string} id @param {number} n @param {string} prefix @param {number} pollInterval */
function workflow(id, n, prefix, pollInterval) {
	const example = JSON.parse(
		fs.readFileSync(path.join(REPO, 'examples', '04-many-items.json'), 'utf8'),
	);
	const wf = withCredential(example);
	wf.id = id;
	wf.name = `bench ${id}`;
	const [, prompts, bfl] = wf.nodes;
	prompts.parameters.jsCode =
		`const items = [];\nfor (let i = 0; i < ${n}; i++) ` +
		`items.push({ json: { prompt: ${JSON.stringify(prefix)} + ' #' + i + ': a lighthouse at dusk' } });\nreturn items;`;
	bfl.parameters.options.pollInterval = pollInterval;
	bfl.parameters.width = 1024;
	bfl.parameters.height = 1024;
	return wf;
}

/** A copy of the tarball whose node takes no account slots: the "without the limiter" build. */
async function withoutLimiter(/** @type {string} */ tgz, /** @type {string} */ dir) {
	const unpacked = path.join(dir, 'no-limiter');
	fs.mkdirSync(unpacked, { recursive: true });
	await run('tar', ['-xzf', tgz, '-C', unpacked], { timeoutMs: 60000 });
	const file = path.join(
		unpacked,
		'package',
		'dist',
		'nodes',
		'Bfl',
		'actions',
		'accountLimiter.js',
	);
	const source = fs.readFileSync(file, 'utf8');
	const patched = source.replace(
		/\(0, accounts_1\.bindRun\)\(ctx, run\);/,
		'/* bench: no slots */',
	);
	if (patched === source) throw new Error(`could not turn the limiter off in ${file}`);
	fs.writeFileSync(file, patched);
	const out = path.join(dir, 'n8n-nodes-bfl-no-limiter.tgz');
	await run('tar', ['-czf', out, '-C', unpacked, 'package'], { timeoutMs: 60000 });
	return out;
}

module.exports = { workflow, withoutLimiter };
