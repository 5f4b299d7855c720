// @ts-check
/** Command-line flags of `npm run bench` (node test/bench/bench.js). */
const os = require('node:os');
const path = require('node:path');

const USAGE = `Usage: node test/bench/bench.js [flags]
  --n 48,96,240          prompts per execution, one run per value (default 48,96,240)
  --latency 2000         fake generation latency in ms (default 2000)
  --image-bytes 1048576  size of each image the fake serves (default 1 MB)
  --poll-interval 1      Poll Interval of our node and Wait of the loop, in seconds (default 1)
  --model flux-2-pro     flux-2-pro, or flux-kontext-max (BFL's cap is 6 there, not 24)
  --loop-n 48,96         N for (b), the HTTP Request + Wait loop in real n8n (default: every N)
  --loop-timeout 240     seconds before an (b) execution is stopped (default 240)
  --serial-n 48          N for (c), our node with Concurrency 1 (default: the smallest N)
  --no-loop, --no-serial skip (b) or (c)
  --jitter 0.2           vary each task's latency by up to ±20 % (default 0: exactly --latency)
  --quick                N 6,30, latency 300 ms, 64 KB images: proves it works, no timing claims
  --out DIR              where the JSON and SVG go (default: a temp dir; with --write test/bench/results)
  --write                write test/bench/results and put the results table into BENCHMARKS.md
  --help`;

/** @param {string} value */
const list = (value) =>
	value
		.split(',')
		.map((v) => Number(v.trim()))
		.filter((v) => Number.isFinite(v) && v > 0)
		.map(Math.round);

/** @param {string[]} argv */
function parseArgs(argv) {
	/** @type {Map<string, string | true>} */
	const flags = new Map();
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}\n${USAGE}`);
		const [name, inline] = arg.slice(2).split('=', 2);
		const next = argv[i + 1];
		if (inline !== undefined) flags.set(name, inline);
		else if (next !== undefined && !next.startsWith('--')) flags.set(name, argv[++i]);
		else flags.set(name, true);
	}
	const known = new Set(
		'n latency image-bytes poll-interval model loop-n loop-timeout serial-n no-loop no-serial jitter quick out write help'.split(
			' ',
		),
	);
	for (const name of flags.keys()) {
		if (!known.has(name)) throw new Error(`unknown flag --${name}\n${USAGE}`);
	}
	const quick = flags.has('quick');
	const str = (/** @type {string} */ name, /** @type {string} */ fallback) => {
		const v = flags.get(name);
		return typeof v === 'string' ? v : fallback;
	};
	const num = (/** @type {string} */ name, /** @type {number} */ fallback) => {
		const v = Number(str(name, String(fallback)));
		if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} needs a number`);
		return v;
	};
	const ns = list(str('n', quick ? '6,30' : '48,96,240'));
	if (!ns.length) throw new Error('--n needs at least one count');
	const model = str('model', 'flux-2-pro');
	if (!['flux-2-pro', 'flux-kontext-max'].includes(model))
		throw new Error('--model is flux-2-pro or flux-kontext-max');
	const loopNs = flags.has('no-loop') ? [] : list(str('loop-n', ns.join(',')));
	const serialNs = flags.has('no-serial') ? [] : list(str('serial-n', String(Math.min(...ns))));
	return {
		help: flags.has('help'),
		quick,
		ns,
		latencyMs: num('latency', quick ? 300 : 2000),
		imageBytes: num('image-bytes', quick ? 65536 : 1048576),
		pollIntervalMs: Math.round(num('poll-interval', 1) * 1000),
		model,
		cap: model === 'flux-kontext-max' ? 6 : 24,
		loopNs,
		loopTimeoutMs: num('loop-timeout', 240) * 1000,
		serialNs,
		jitter: Math.min(0.9, num('jitter', 0)),
		outDir: path.resolve(
			str(
				'out',
				// Only --write touches the tracked tree: a plain run leaves git clean.
				flags.has('write') && !quick
					? path.join(__dirname, 'results')
					: path.join(os.tmpdir(), quick ? 'n8n-nodes-bfl-bench-quick' : 'n8n-nodes-bfl-bench'),
			),
		),
		write: flags.has('write'),
		command: `node test/bench/bench.js${argv.length ? ` ${argv.join(' ')}` : ''}`,
	};
}

module.exports = { parseArgs, USAGE };
