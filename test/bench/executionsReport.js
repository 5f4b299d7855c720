// @ts-check
/** The table of `bench:executions` and its section in BENCHMARKS.md. */
const fs = require('node:fs');

const START = '<!-- bench:executions:start -->';
const END = '<!-- bench:executions:end -->';

/** @type {Array<[string, (r: any) => boolean, string]>} */
const QUEUE_TARGETS = [
	['wall / ideal', (r) => r.ratio !== null && r.ratio <= 1.3, '≤ 1.3'],
	['429s per image', (r) => r.per429 <= 0.3, '≤ 0.3'],
	['failed items', (r) => r.failed === 0, '0'],
];

/** @type {Array<[string, (r: any) => boolean, string]>} */
const TARGETS = [
	['wall / ideal', (/** @type {any} */ r) => r.ratio !== null && r.ratio <= 1.2, '≤ 1.2'],
	['429s per image', (/** @type {any} */ r) => r.per429 <= 0.05, '≤ 0.05'],
	['failed items', (/** @type {any} */ r) => r.failed === 0, '0'],
];

/** @param {any} data */
function rows(data) {
	return data.results.map((/** @type {any} */ r) => [
		`E=${r.e} × ${r.n}${r.variant.startsWith('queue') ? ', queue mode 2 workers' : ', one process'}, ${r.variant.endsWith('no-limiter') ? 'without the limiter' : 'with the limiter'}`,
		`${r.delivered} / ${r.images}`,
		r.wallS === null ? '–' : r.wallS.toFixed(1),
		r.idealS.toFixed(1),
		r.ratio ?? '–',
		r.submits,
		r.status429,
		r.per429,
		r.peakInFlight,
		`${r.n8nCpuS ?? '–'} (${r.n8nCpuTotalS ?? '–'})`,
		r.simulatorCpuS,
		(r.variant.startsWith('queue') ? QUEUE_TARGETS : TARGETS)
			.map(([name, ok, bound]) => `${name} ${bound}: ${ok(r) ? 'holds' : 'MISSED'}`)
			.join('; '),
	]);
}

const HEAD = [
	'scenario',
	'images',
	'wall s',
	'ideal s',
	'ratio',
	'submits',
	'429s',
	'429s/image',
	'peak in flight',
	'n8n CPU s (with boot)',
	'simulator CPU s',
	'targets',
];

/** @param {any} data */
function executionsTable(data) {
	const jobs = data.results
		.filter((/** @type {any} */ r) => r.workerJobs)
		.map(
			(/** @type {any} */ r) => `${r.variant}: executions per worker ${r.workerJobs.join(' / ')}`,
		);
	return [[HEAD, ...rows(data)].map((r) => r.join(' | ')).join('\n'), ...jobs].join('\n');
}

/** @param {any} data */
function markdown(data) {
	const c = data.config;
	const m = data.machine;
	return [
		`Measured ${data.date.slice(0, 10)} with \`npm run bench:executions -- --write\` in n8n ${data.n8n} on ${m.cores} cores (${m.cpu}), load average ${m.loadavg.map((/** @type {number} */ l) => l.toFixed(1)).join(' / ')} at the end; latency ${c.latencyMs} ms, cap ${c.cap}, ${c.imageBytes} B images, poll interval ${c.pollInterval} s.`,
		'',
		`| ${HEAD.join(' | ')} |`,
		`|${HEAD.map((_, i) => (i === 0 || i === HEAD.length - 1 ? '---' : '---:')).join('|')}|`,
		...rows(data).map((/** @type {any[]} */ r) => `| ${r.join(' | ')} |`),
		'',
		...data.results
			.filter((/** @type {any} */ r) => r.workerJobs)
			.map(
				(/** @type {any} */ r) =>
					`Queue mode ${r.variant.endsWith('no-limiter') ? 'without' : 'with'} the limiter: executions per worker ${r.workerJobs.join(' / ')}.`,
			),
	].join('\n');
}

/** @param {string} file @param {any} data */
function writeExecutionsSection(file, data) {
	const text = fs.readFileSync(file, 'utf8');
	const from = text.indexOf(START);
	const to = text.indexOf(END);
	if (from < 0 || to < 0) throw new Error(`${file} has no ${START} … ${END} section`);
	fs.writeFileSync(
		file,
		`${text.slice(0, from + START.length)}\n${markdown(data)}\n${text.slice(to)}`,
	);
}

module.exports = { executionsTable, writeExecutionsSection };
