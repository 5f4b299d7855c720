// @ts-check
/**
 * `node test/bench/trace.js FILE`: where one scenario's time went, from what the simulator saw
 * (`node test/bench/bench.js --trace DIR` writes FILE). The account's slots are taken in waves of
 * the cap; per wave it prints when its submits arrived, when its tasks became Ready, and how long
 * after Ready the first poll that saw it came (detect). Across the run: how long a freed slot
 * stayed empty (from a task seen Ready to the next submit accepted), the 429s by time, and, when
 * several executions ran, when each one's tasks started; in queue mode, with the worker logs that
 * --trace keeps beside the file (FILE-w0.log, …), each worker's accepted submits per half second.
 */
const fs = require('node:fs');

const { quantile, seenReadyAt } = require('./measure');
const { executionOf, workersOfExecutions } = require('./shares');

const s = (/** @type {number} */ ms) => (ms / 1000).toFixed(2);

/** @param {any} trace @param {number} cap @param {string[]} [workerLogs] queue mode's, if kept */
function analyse(trace, cap, workerLogs = []) {
	const tasks = [...trace.tasks].sort(
		(/** @type {any} */ a, /** @type {any} */ b) => a.createdAt - b.createdAt,
	);
	if (!tasks.length) return 'no tasks in this trace';
	const byId = new Map(tasks.map((/** @type {any} */ t) => [t.id, t]));
	const t0 = tasks[0].createdAt;
	const seen = seenReadyAt(trace.requests, byId);
	const lines = [`${trace.scenario}: ${tasks.length} tasks, times in s from the first submit`];
	for (let k = 0; k * cap < tasks.length; k++) {
		const wave = tasks.slice(k * cap, (k + 1) * cap);
		const detect = wave.filter((t) => t.id in seen).map((t) => seen[t.id] - t.readyAt);
		lines.push(
			`  wave ${k}: submits ${s(wave[0].createdAt - t0)}-${s(wave[wave.length - 1].createdAt - t0)}, ` +
				`Ready by ${s(Math.max(...wave.map((t) => t.readyAt)) - t0)}, ` +
				`detect p50/max ${quantile(detect, 0.5)}/${Math.max(...detect)} ms`,
		);
	}
	// The j-th slot freed (a task seen Ready) is the one the (cap + j)-th submit took.
	const freed = tasks
		.map((t) => seen[t.id])
		.filter((v) => v !== undefined)
		.sort((a, b) => a - b);
	const empty = [];
	for (let j = 0; j + cap < tasks.length && j < freed.length; j++)
		empty.push(tasks[cap + j].createdAt - freed[j]);
	if (empty.length)
		lines.push(
			`  freed slot empty p50/p95/max ${quantile(empty, 0.5)}/${quantile(empty, 0.95)}/${Math.max(...empty)} ms`,
		);
	const stored = Object.values(trace.attachedAt);
	if (stored.length)
		lines.push(
			`  last Ready ${s(Math.max(...tasks.map((t) => t.readyAt)) - t0)}, last image stored ${s(Math.max(...stored) - t0)}`,
		);
	const refused = trace.requests
		.filter((/** @type {any} */ r) => r.method === 'POST' && r.status === 429)
		.map((/** @type {any} */ r) => s(r.at - t0));
	lines.push(`  429s (${refused.length}): ${refused.join(' ') || 'none'}`);
	/** @type {Map<string, number[]>} */
	const byExecution = new Map();
	for (const t of tasks) {
		const execution = t.prompt.replace(/ #.*/, '');
		byExecution.set(execution, [...(byExecution.get(execution) ?? []), t.createdAt - t0]);
	}
	if (byExecution.size > 1)
		for (const [execution, times] of byExecution)
			lines.push(
				`  ${execution}: ${times.length} tasks, submitted ${s(times[0])}-${s(times[times.length - 1])}`,
			);
	if (workerLogs.length) lines.push(...perWorker(tasks, t0, trace.requests, workerLogs));
	return lines.join('\n');
}

/**
 * Queue mode: each worker's accepted submits per half second (which worker ran which execution
 * comes from its log), and the 429s beside them; a worker shut out shows as a row of zeros.
 * @param {any[]} tasks @param {number} t0 @param {any[]} requests @param {string[]} workerLogs
 */
function perWorker(tasks, t0, requests, workerLogs) {
	const workerOf = workersOfExecutions(workerLogs);
	const row = (/** @type {number[]} */ times) => {
		/** @type {number[]} */
		const counts = [];
		for (const at of times) {
			const slot = Math.max(0, Math.floor((at - t0) / 500));
			counts[slot] = (counts[slot] ?? 0) + 1;
		}
		return Array.from(counts, (n) => String(n ?? 0).padStart(3)).join('');
	};
	const lines = ['  per 0.5 s, accepted submits by worker, then 429s:'];
	workerLogs.forEach((_, w) => {
		const mine = tasks.filter((t) => workerOf.get(executionOf(t.prompt) ?? '') === w);
		lines.push(`    worker ${w + 1} ${row(mine.map((t) => t.createdAt))}`);
	});
	const refused = requests.filter((r) => r.method === 'POST' && r.status === 429);
	lines.push(`    429s     ${row(refused.map((r) => r.at))}`);
	return lines;
}

if (require.main === module) {
	const file = process.argv[2];
	if (!file) {
		console.error('usage: node test/bench/trace.js FILE [--cap 24]');
		process.exit(2);
	}
	const capAt = process.argv.indexOf('--cap');
	const cap = capAt > 0 ? Number(process.argv[capAt + 1]) : 24;
	// bench.js --trace keeps each queue-mode run's worker logs beside its trace.
	const logs = [0, 1, 2, 3]
		.map((w) => file.replace(/\.json$/, `-w${w}.log`))
		.filter((log) => log !== file && fs.existsSync(log));
	console.log(analyse(JSON.parse(fs.readFileSync(file, 'utf8')), cap, logs));
}

module.exports = { analyse };
