// `npm run test:stress`: the whole jest suite on a machine whose CPUs are kept busy, several runs
// in a row, each of which must be green. It proves that no test depends on the machine being fast.
//   node scripts/stress.js [--runs N] [--burners N] [-- extra jest arguments]
// Defaults: 3 runs, 2 burners (one per core of the 2-core machines this project is tested on).
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');

function parseArgs(argv) {
	const options = { runs: 3, burners: 2, jestArgs: [] };
	for (let i = 0; i < argv.length; i++) {
		const [name, inline] = argv[i].split('=');
		const value = () => Number(inline ?? argv[++i]);
		if (name === '--') {
			options.jestArgs = argv.slice(i + 1);
			break;
		} else if (name === '--runs') options.runs = value();
		else if (name === '--burners') options.burners = value();
		else throw new Error(`unknown option ${argv[i]}`);
	}
	for (const key of ['runs', 'burners']) {
		if (!Number.isInteger(options[key]) || options[key] < 0)
			throw new Error(`--${key} needs a whole number`);
	}
	return options;
}

function startBurners(count) {
	return Array.from({ length: count }, () =>
		spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }),
	);
}

function runJest(jestArgs) {
	return new Promise((resolve) => {
		const jest = spawn(process.execPath, [require.resolve('jest/bin/jest'), ...jestArgs], {
			cwd: root,
			stdio: 'inherit',
		});
		jest.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
	});
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const burners = startBurners(options.burners);
	const stop = () => burners.forEach((burner) => burner.kill('SIGKILL'));
	process.on('exit', stop);
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.on(signal, () => {
			stop();
			process.exit(130);
		});
	}
	const results = [];
	try {
		for (let run = 1; run <= options.runs; run++) {
			console.log(
				`\ntest:stress: run ${run} of ${options.runs} with ${options.burners} CPU burners`,
			);
			const started = Date.now();
			const code = await runJest(options.jestArgs);
			const seconds = Math.round((Date.now() - started) / 1000);
			results.push(`run ${run} ${code === 0 ? 'green' : 'RED'} (${seconds} s)`);
		}
	} finally {
		stop();
	}
	const green = results.every((r) => r.includes('green'));
	console.log(`test:stress: ${green ? 'ok' : 'FAILED'}: ${results.join(', ')}`);
	process.exitCode = green ? 0 : 1;
}

main().catch((err) => {
	console.error(`test:stress: ${err.message}`);
	process.exitCode = 2;
});
