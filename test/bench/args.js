// @ts-check
/** Command-line flags of `npm run bench` (node test/bench/bench.js). */
const os = require('node:os');
const path = require('node:path');

const USAGE = `Usage: node test/bench/bench.js [flags]
Every scenario runs in real n8n 2.41.1 (the e2e suite's install), started once per benchmark:
(a) our node, (b1) the HTTP Request + Wait loop, (b2) with Batching, (b3) Loop Over Items,
(b4) the per-item retry loop, (V) one video whose 512 MB MP4 streams into binary storage, and
E executions at once; then E executions in queue mode (redis, 2 workers); each E scenario with
the limiter and without it (a second n8n with the no-limiter build).
  --n 48,96,240          prompts in one execution for (a), one run per value (default 48,96,240)
  --loop-n 48,96         N for (b1) and (b2) (default: every N)
  --retry-n 48,96        N for (b4), the per-item retry loop (default: every N; none with --quick)
  --one-by-one-n 48      N for (b3), Loop Over Items (default: the smallest N; 0 skips it)
  --serial-n 48          N for (c), our node with Concurrency 1 (default: none)
  --e 4 --e-n 48         E executions of E-N items each, started together (default 4 × 48)
  --no-loop              skip (b1), (b2) and (b3)
  --no-executions        skip the E scenarios in one n8n
  --no-queue             skip queue mode
  --no-off               skip the runs without the limiter
  --no-video             skip (V)
  --video-bytes 536870912  size of (V)'s MP4 in bytes, at most 2 GB, the node's largest Max
                         Download Size (default 512 MB; 8 MB with --quick)
  --only Q,a-96          run only the scenarios with these keys (a-N, b-N, b2-N, b3-N, c-N, E,
                         E-off, Q, Q-off, V)
  --queue-runs 5         run queue mode with the limiter this many times (each worker's share)
  --in-process           also run (a) in the in-process harness (n8n-core's WorkflowExecute,
                         binaries in memory), for profiling; labelled as such
  --latency 2000         simulator's generation latency in ms (default 2000)
  --image-bytes 1048576  size of each image the simulator serves (default 1 MiB)
  --poll-interval 1      Poll Interval of our node and Wait of the loops, in seconds (default 1)
  --jitter 0.2           vary each task's latency by up to ±20 % (default 0: exactly --latency)
  --quick                N 6,30, E 2 × 12, latency 300 ms, 64 KB images, an 8 MB video, no queue
                         mode and no run without the limiter: proves it works (CI), no timing claims
  --cpu-prof DIR         n8n's processes write V8 CPU profiles there (NODE_OPTIONS=--cpu-prof);
                         read them with node test/bench/profile.js DIR
  --trace DIR            each scenario's tasks and requests as the simulator saw them, one JSON
                         per scenario; read them with node test/bench/trace.js FILE
  --out DIR              where the JSON and SVG go (default: a temp dir; with --write test/bench/results;
                         with --quick none are written unless --out is given)
  --write                write test/bench/results and the tables into BENCHMARKS.md
  --help`;

/** @param {string} value */
const list = (value) =>
	value
		.split(',')
		.map((v) => Number(v.trim()))
		.filter((v) => Number.isFinite(v) && v > 0)
		.map(Math.round);

const FLAGS =
	'only queue-runs retry-n n loop-n one-by-one-n serial-n e e-n no-loop no-executions no-queue no-off no-video video-bytes in-process cpu-prof trace jitter latency image-bytes poll-interval quick out write help';
/** The node's largest Max Download Size (MB): a larger video would be refused, not measured. */
const MAX_VIDEO_BYTES = 2048 * 1048576;

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
	const known = new Set(FLAGS.split(' '));
	for (const name of flags.keys())
		if (!known.has(name)) throw new Error(`unknown flag --${name}\n${USAGE}`);
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
	const noLoop = flags.has('no-loop');
	const videoBytes = Math.round(num('video-bytes', (quick ? 8 : 512) * 1048576));
	if (videoBytes < 1024 || videoBytes > MAX_VIDEO_BYTES)
		throw new Error(`--video-bytes is 1024 to ${MAX_VIDEO_BYTES} (the node's largest download)`);
	return {
		help: flags.has('help'),
		quick,
		ns,
		targetN: 96,
		loopNs: noLoop ? [] : list(str('loop-n', ns.join(','))),
		// Not in --quick unless asked for: CI proves the loops work with (b1) and (b2).
		retryNs: noLoop ? [] : list(str('retry-n', quick ? '' : ns.join(','))),
		oneByOneNs: noLoop ? [] : list(str('one-by-one-n', String(Math.min(...ns)))),
		serialNs: list(str('serial-n', '0')),
		e: Math.round(num('e', quick ? 2 : 4)),
		eN: Math.round(num('e-n', quick ? 12 : 48)),
		executions: !flags.has('no-executions'),
		queue: !quick && !flags.has('no-queue'),
		off: !quick && !flags.has('no-off'),
		inProcess: flags.has('in-process'),
		only: flags.has('only') ? str('only', '').split(',').filter(Boolean) : null,
		queueRuns: Math.max(1, Math.round(num('queue-runs', 1))),
		cpuProf: flags.has('cpu-prof') ? path.resolve(str('cpu-prof', 'cpu-profiles')) : null,
		trace: flags.has('trace') ? path.resolve(str('trace', 'bench-trace')) : null,
		latencyMs: num('latency', quick ? 300 : 2000),
		jitter: Math.min(0.9, num('jitter', 0)),
		imageBytes: num('image-bytes', quick ? 65536 : 1048576),
		video: !flags.has('no-video'),
		videoBytes,
		pollIntervalMs: Math.round(num('poll-interval', 1) * 1000),
		model: 'flux-2-pro',
		cap: 24,
		// Only --write touches the tracked tree: a plain run leaves git clean. --quick writes no files
		// (CI's run leaves nothing in the temp folder) unless --out names a folder.
		outDir:
			quick && !flags.has('out')
				? ''
				: path.resolve(
						str(
							'out',
							flags.has('write') && !quick
								? path.join(__dirname, 'results')
								: path.join(os.tmpdir(), 'n8n-nodes-bfl-bench'),
						),
					),
		write: flags.has('write'),
		command: `node test/bench/bench.js${argv.length ? ` ${argv.join(' ')}` : ''}`,
	};
}

module.exports = { parseArgs, USAGE };
