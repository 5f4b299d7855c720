// @ts-check
'use strict';

/** The runner's command line: --only=2,1,queue,agent2,agent1, --build, --keep. */

const PHASES = ['2', '1', 'queue', 'agent2', 'agent1'];

function parseArgs(/** @type {string[]} */ argv) {
	const opts = { phases: new Set(PHASES), build: false, keep: false };
	for (const arg of argv) {
		if (arg === '--build') opts.build = true;
		else if (arg === '--keep') opts.keep = true;
		else if (arg.startsWith('--only='))
			opts.phases = new Set(
				arg
					.slice(7)
					.split(',')
					.map((s) => s.trim())
					.filter(Boolean),
			);
		else if (arg === '--help' || arg === '-h') {
			process.stdout.write(
				'node test/e2e/run.js [--only=2,1,queue,agent2,agent1] [--build] [--keep]\n',
			);
			process.exit(0);
		} else {
			process.stderr.write(`unknown argument ${arg}\n`);
			process.exit(2);
		}
	}
	for (const p of opts.phases) {
		if (!PHASES.includes(p)) {
			process.stderr.write(`--only takes 2, 1, queue, agent2 and agent1, not "${p}"\n`);
			process.exit(2);
		}
	}
	return opts;
}

module.exports = { parseArgs, PHASES };
