// @ts-check
/** The benchmark's table (plain text for the terminal, Markdown for BENCHMARKS.md) and target list. */
const fs = require('node:fs');

const VARIANTS = {
	a: '(a) our node',
	b: '(b) HTTP Request + Wait loop',
	b2: '(b2) the loop with Batching 24 / 1 s',
	b3: '(b3) Loop Over Items, one at a time',
	c: '(c) our node, Concurrency 1',
};

const COLUMNS = [
	'scenario',
	'N',
	'images',
	'wall s',
	'ideal s',
	'ratio',
	'img/s',
	'submits/item',
	'polls/img (max)',
	'downloads/img',
	'429s seen',
	'Ready→binary p50/p95 ms',
	'peak RSS MB (growth)',
];

const sec = (/** @type {number} */ ms) => (ms / 1000).toFixed(1);
const dash = (/** @type {unknown} */ v) => (v === null || v === undefined ? '–' : String(v));

/** @param {any} r a summarize() result */
function row(r) {
	const partial = r.delivered < r.n;
	return [
		VARIANTS[/** @type {keyof VARIANTS} */ (r.variant)] ?? r.variant,
		String(r.n),
		partial ? `${r.delivered} (${r.n - r.delivered} failed)` : String(r.delivered),
		sec(r.wallMs),
		sec(r.idealMs),
		partial ? (r.ratioDelivered === null ? '–' : `${r.ratioDelivered}*`) : String(r.ratio),
		dash(r.imagesPerSecond),
		dash(r.submitsPerItem),
		`${dash(r.pollsPerImage)} (${dash(r.pollsMax)})`,
		dash(r.downloadsPerImage),
		String(r.status429),
		`${dash(r.readyToBinaryP50)} / ${dash(r.readyToBinaryP95)}`,
		`${dash(r.rssPeakMb)}${r.rssGrowthMb === null ? '' : ` (+${r.rssGrowthMb})`}`,
	];
}

/** @param {any[]} results */
function textTable(results) {
	const rows = [COLUMNS, ...results.map(row)];
	const widths = COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
	const line = (/** @type {string[]} */ r) =>
		r.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
	return [
		line(rows[0]),
		widths.map((w) => '-'.repeat(w)).join('  '),
		...rows.slice(1).map(line),
	].join('\n');
}

/** @param {any[]} results */
function markdownTable(results) {
	const rows = results.map(row);
	return [
		`| ${COLUMNS.join(' | ')} |`,
		`|${COLUMNS.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`,
		...rows.map((r) => `| ${r.join(' | ')} |`),
	].join('\n');
}

const FOOTNOTES = [
	'ideal = ceil(N / cap) × latency; ratio = wall / ideal. * = not every image came back: the ratio is',
	'over the ideal time of the images that did. Submits per input item, polls and downloads per',
	'image; "429s seen" are the 429 answers the fake sent (our node retries them; the loop fails the',
	'item). Ready→binary: from the fake marking the task Ready to the image existing as n8n binary',
	'data. Peak RSS: (a)/(c) the runner process (growth over its own baseline), (b) the n8n process.',
];

/** @param {any[]} targets [{ n, checks: [name, ok, detail][] }] */
function targetLines(targets) {
	return targets.flatMap((t) =>
		t.checks.map(
			(/** @type {[string, boolean, string]} */ [name, ok, detail]) =>
				`${ok ? 'holds ' : 'MISSED'}  (a) N=${t.n}: ${name} — ${detail}`,
		),
	);
}

/**
 * Replaces the text between the bench markers in BENCHMARKS.md (creates the markers at the end if
 * they are missing).
 * @param {string} file @param {string} content
 */
function writeSection(file, content) {
	const start = '<!-- bench:results:start -->';
	const end = '<!-- bench:results:end -->';
	const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
	const block = `${start}\n${content.trim()}\n${end}`;
	const i = text.indexOf(start);
	const j = text.indexOf(end);
	const next =
		i >= 0 && j > i
			? text.slice(0, i) + block + text.slice(j + end.length)
			: `${text.trimEnd()}\n\n${block}\n`;
	fs.writeFileSync(file, next);
}

module.exports = { textTable, markdownTable, targetLines, writeSection, FOOTNOTES, VARIANTS };
