// @ts-check
/**
 * The benchmark's two tables (plain text for the terminal, Markdown for BENCHMARKS.md): every
 * scenario side by side, and the issue's targets as measure, value, target, holds?.
 */
const fs = require('node:fs');

/** @param {any} r a scenario row */
function scenarioName(r) {
	const e = `E=${r.executions} × ${r.n / r.executions}`;
	const names = {
		a: '(a) our node',
		'a-inproc': '(a) in-process harness (profiling)',
		b: '(b1) HTTP Request + Wait loop',
		b2: '(b2) the loop with Batching 24 / 1 s',
		b3: '(b3) Loop Over Items, one at a time',
		b4: '(b4) per-item retry loop: Batching 24 / generation time, 429s → Wait 3 s → submit',
		c: '(c) our node, Concurrency 1',
		E: `${e}, one n8n, with the limiter`,
		'E-off': `${e}, one n8n, without the limiter`,
		Q: `${e}, queue mode 2 workers, with the limiter`,
		'Q-off': `${e}, queue mode 2 workers, without the limiter`,
	};
	return names[/** @type {keyof names} */ (r.variant)] ?? r.variant;
}

const COLUMNS = [
	'scenario',
	'N',
	'images',
	'wall s',
	'ideal s',
	'ratio',
	'img/s',
	'node ×',
	'polls/img (max)',
	'429s',
	'429s/img',
	'peak in flight',
	'Ready→binary p50/p95 ms',
	'RSS MB (growth)',
	'n8n CPU s',
	'n8n waited s',
	'sim CPU s',
];

const sec = (/** @type {number} */ ms) => (Number.isFinite(ms) ? (ms / 1000).toFixed(1) : '–');
const dash = (/** @type {unknown} */ v) =>
	v === null || v === undefined || Number.isNaN(v) ? '–' : String(v);

/** The node's speed-up over a baseline on the same N, counted on images delivered per second. */
function speedUp(/** @type {any} */ r, /** @type {any[]} */ all) {
	if (!['b', 'b2', 'b3', 'b4', 'c'].includes(r.variant)) return null;
	const ours = all.find((o) => o.variant === 'a' && o.n === r.n);
	if (!ours || !r.imagesPerSecond) return null;
	return Math.round((ours.delivered / ours.wallMs / (r.delivered / r.wallMs)) * 10) / 10;
}

/** @param {any} r @param {any[]} all */
function row(r, all) {
	const partial = r.delivered < r.n;
	const x = speedUp(r, all);
	return [
		scenarioName(r),
		String(r.n),
		partial ? `${r.delivered} (${r.n - r.delivered} failed)` : String(r.delivered),
		sec(r.wallMs),
		sec(r.idealMs),
		partial ? (r.ratioDelivered === null ? '–' : `${r.ratioDelivered}*`) : dash(r.ratio),
		dash(r.imagesPerSecond),
		x === null ? '' : `${x}×`,
		`${dash(r.pollsPerImage)} (${dash(r.pollsMax)})`,
		String(r.status429),
		dash(r.per429),
		dash(r.peakInFlight),
		`${dash(r.readyToBinaryP50)} / ${dash(r.readyToBinaryP95)}`,
		`${dash(r.rssPeakMb)}${r.rssGrowthMb === null ? '' : ` (+${r.rssGrowthMb})`}`,
		dash(r.n8nCpuS),
		dash(r.n8nWaitedS),
		dash(r.simulatorCpuS),
	];
}

/** @param {string[][]} rows */
function text(rows) {
	const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
	const line = (/** @type {string[]} */ r) =>
		r.map((cell, i) => (i < 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
	return [
		line(rows[0]),
		widths.map((w) => '-'.repeat(w)).join('  '),
		...rows.slice(1).map(line),
	].join('\n');
}

/** @param {string[][]} rows */
function markdown(rows) {
	return [
		`| ${rows[0].join(' | ')} |`,
		`|${rows[0].map((_, i) => (i < 1 ? '---' : '---:')).join('|')}|`,
		...rows.slice(1).map((r) => `| ${r.join(' | ')} |`),
	].join('\n');
}

/** The rows of every scenario but the video's, which has a table of its own (video.js). @param {any[]} results */
const scenarioRows = (results) => [
	COLUMNS,
	...results.filter((r) => r.variant !== 'V').map((r) => row(r, results)),
];

/**
 * The targets table; a run that is no measurement (`--quick`: small sizes, short latency) shows its figures but
 * judges none of them. @param {Array<{ measure: string, value: string, target: string, holds: boolean | null }>} targets
 * @param {{ judged?: boolean }} [opts]
 */
const targetRows = (targets, { judged = true } = {}) => [
	['measure', 'value', 'target', 'holds?'],
	...targets.map((t) => [
		t.measure,
		t.value,
		t.target,
		t.holds === null ? '–' : !judged ? 'not judged' : t.holds ? 'holds' : 'MISSED',
	]),
];

const FOOTNOTES = [
	'ideal = ceil(images / 24) × latency; ratio = wall / ideal; wall runs from the first submit the',
	'simulator saw to the last image stored (queue mode: the last download served). * = not every',
	'image came back: the ratio is over the ideal time of the images that did. node × = images per',
	"second of (a) at the same N over this row's. 429s: all 429 answers the simulator sent (our node",
	'retries them; the loops fail the item). Ready→binary: the simulator marking a task Ready to n8n',
	'having written the image file. RSS: the n8n main process, peak (growth over the scenario). CPU:',
	'the n8n process tree (task runners, workers) and the benchmark process hosting the simulator,',
	"over the wall time. n8n waited: the time n8n's event loops were ready to run but waited for a",
	'core (run-queue delay, /proc/PID/schedstat), i.e. the time other work on the machine took.',
];

/**
 * Replaces the text between two markers in a file (appends the markers when they are missing).
 * @param {string} file @param {string} name @param {string} content
 */
function writeSection(file, name, content) {
	const start = `<!-- bench:${name}:start -->`;
	const end = `<!-- bench:${name}:end -->`;
	const textNow = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
	const block = `${start}\n${content.trim()}\n${end}`;
	const i = textNow.indexOf(start);
	const j = textNow.indexOf(end);
	const next =
		i >= 0 && j > i
			? textNow.slice(0, i) + block + textNow.slice(j + end.length)
			: `${textNow.trimEnd()}\n\n${block}\n`;
	fs.writeFileSync(file, next);
}

module.exports = {
	scenarioRows,
	targetRows,
	text,
	markdown,
	writeSection,
	FOOTNOTES,
	scenarioName,
	speedUp,
};
