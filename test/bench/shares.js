// @ts-check
/**
 * Each queue-mode worker's share of the submits while both had work. A task's prompt carries its
 * execution's id (workflows.js), and each worker's log names the executions it started.
 */
const fs = require('node:fs');

/**
 * Which worker (its index in `workerLogs`) started each execution, by execution id.
 * @param {string[]} workerLogs @returns {Map<string, number>}
 */
function workersOfExecutions(workerLogs) {
	const workerOf = new Map();
	workerLogs.forEach((file, w) => {
		for (const m of fs.readFileSync(file, 'utf8').matchAll(/Worker started execution (\d+)/g))
			workerOf.set(m[1], w);
	});
	return workerOf;
}

/**
 * @param {Array<{ prompt: string, createdAt: number }>} tasks a scenario's accepted tasks
 * @param {string[]} workerLogs
 * @returns {{ shares: number[], window: [number, number], submits: number[] } | null} null when
 *   a worker ran none of the scenario's tasks
 */
function workerShares(tasks, workerLogs) {
	const workerOf = workersOfExecutions(workerLogs);
	/** @type {number[][]} */
	const times = workerLogs.map(() => []);
	for (const t of tasks) {
		const execution = executionOf(t.prompt);
		const w = execution === undefined ? undefined : workerOf.get(execution);
		if (w !== undefined) times[w].push(t.createdAt);
	}
	if (times.some((list) => list.length === 0)) return null;
	// Every execution starts at once, so both have work from the first submit until one of them
	// has submitted its last task.
	const start = Math.min(...times.flat());
	const end = Math.min(...times.map((list) => Math.max(...list)));
	const submits = times.map((list) => list.filter((at) => at >= start && at <= end).length);
	const total = submits.reduce((a, b) => a + b, 0);
	return { shares: submits.map((n) => n / total), window: [start, end], submits };
}

/** The execution id a task's prompt carries (workflows.js), if any. @param {string} prompt */
const executionOf = (prompt) => /\sx(\d+):/.exec(prompt)?.[1];

/** "48 % / 52 % (61 / 66 submits in 7.9 s)" @param {ReturnType<typeof workerShares>} s */
function describeShares(s) {
	if (!s) return 'one worker ran every execution';
	const pct = s.shares.map((x) => `${Math.round(x * 100)} %`).join(' / ');
	return `${pct} (${s.submits.join(' / ')} submits in ${((s.window[1] - s.window[0]) / 1000).toFixed(1)} s)`;
}

module.exports = { workerShares, describeShares, workersOfExecutions, executionOf };
