// @ts-check
/** Renders the chaos figures as a terminal table and as RELIABILITY.md. */
const os = require('node:os');

const { realTrafficSection } = require('../realTraffic/table');

/**
 * @typedef {{ name: string, items: number, faults: number, status429: number, retries: number,
 *   requests: number, images: number, errors: number, lost: number, duplicates: number,
 *   leaks: number, memoryMb: number, violations: string[] }} ScenarioResult
 * @typedef {{ submittedBefore: number, requestsAfterCancel: number, submitsAfterCancel: number }} CancelResult
 * @typedef {{ name: string, did: string, otherHost: number, keyElsewhere: number, bounded: string,
 *   violations: string[] }} TrustRow
 */

/** @type {Array<[string, (r: ScenarioResult) => string | number]>} */
const COLUMNS = [
	['Scenario', (r) => r.name],
	['Items', (r) => r.items],
	['Faults injected', (r) => r.faults],
	['429s', (r) => r.status429],
	['Retries', (r) => r.retries],
	['Requests', (r) => r.requests],
	['Images', (r) => r.images],
	['Clear errors', (r) => r.errors],
	['Items lost', (r) => r.lost],
	['Duplicate submits', (r) => r.duplicates],
	['Key leaks', (r) => r.leaks],
	['Peak RSS growth (MB)', (r) => r.memoryMb],
	['Result', (r) => (r.violations.length ? 'FAILED' : 'ok')],
];

/** @type {Array<[string, (r: TrustRow) => string | number]>} */
const TRUST_COLUMNS = [
	['Case', (r) => r.name],
	['What the node did', (r) => r.did.replace(/\|/g, '/')],
	['Requests that reached the other host', (r) => r.otherHost],
	['Key sent to the other host', (r) => r.keyElsewhere],
	['Bounded', (r) => r.bounded],
	['Result', (r) => (r.violations.length ? 'FAILED' : 'ok')],
];

/** @param {TrustRow[]} trust */
function trustSection(trust) {
	const header = TRUST_COLUMNS.map(([name]) => name);
	const rows = trust.map((row) => TRUST_COLUMNS.map(([, cell]) => String(cell(row))));
	const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`);
	const count = (/** @type {(row: TrustRow) => unknown} */ test) => trust.filter(test).length;
	const leaks = trust.reduce((sum, row) => sum + row.keyElsewhere, 0);
	const unboundedWaits = count((row) => row.bounded === 'no' && /dripped/.test(row.name));
	const unboundedDownloads = count((row) => row.bounded === 'no' && /MB/.test(row.name));
	const summary = `Trust boundary totals: ${trust.reduce((sum, row) => sum + row.otherHost, 0)} requests reached the other host, ${leaks} key leaks, ${unboundedWaits} unbounded waits, ${unboundedDownloads} unbounded downloads, ${count((row) => row.violations.length)} failed cases.`;
	return { table: table.join('\n'), summary };
}

/**
 * @param {ScenarioResult[]} results
 * @param {CancelResult} cancel
 * @param {TrustRow[]} trust
 * @param {{ command: string, items: number }} meta
 */
function renderReport(results, cancel, trust, meta) {
	const rows = results.map((result) => COLUMNS.map(([, cell]) => String(cell(result))));
	const header = COLUMNS.map(([name]) => name);
	const markdownTable = [header, header.map(() => '---'), ...rows]
		.map((row) => `| ${row.join(' | ')} |`)
		.join('\n');
	/** @param {'items' | 'faults' | 'status429' | 'retries' | 'images' | 'errors' | 'lost' | 'duplicates' | 'leaks'} key */
	const sum = (key) => results.reduce((total, result) => total + result[key], 0);
	const totals = `Totals: ${sum('items')} items, ${sum('faults')} faults injected, ${sum('status429')} 429s, ${sum('retries')} retries, ${sum('images')} images, ${sum('errors')} clear errors, ${sum('lost')} items lost, ${sum('duplicates')} duplicate submits, ${sum('leaks')} key leaks.`;
	const trustRender = trustSection(trust);
	const cancelLine = `Cancel mid-poll: ${cancel.submittedBefore} tasks in flight when the execution was cancelled; ${cancel.requestsAfterCancel} requests (${cancel.submitsAfterCancel} submits) reached BFL afterwards.`;
	const markdown = `# Reliability

Figures from the chaos suite's own output (\`${meta.command}\`), on ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.
Every scenario drives ${meta.items} items through one execution of the node in n8n's engine, with Continue On Fail, against the fake BFL with injected faults.

Invariants checked after every scenario: one output item per input, in order, with \`pairedItem\`, each an image or a clear error;
no prompt accepted (and billed) twice; the key never reaches the delivery or an untrusted host, output JSON, errors or logs
(captured at n8n's debug log level); memory growth under 400 MB.

Retries are counted at the server: repeated submits of one prompt (only after a 429: a submit that
may have been accepted is never repeated) plus status checks and downloads that failed with a
reset, a stall, a 429 or a 5xx and were tried again.

${markdownTable}

${totals}

${cancelLine}

## Trust boundary

Small hostile servers on loopback against the built node and trigger: a BFL look-alike (the
credential's custom base URL, 127.0.0.1) that redirects, drips or floods, and an "other host"
(\`localhost\`, another host name) that records every request. "Bounded" says the node hung up
on a drip-fed answer (with how long the whole item took, and for an input URL how many GETs it
made), stopped reading a flood (with how much the server managed to send) or refused bad input
before any request; durations are reported, not asserted. n8n's log, captured at debug level,
is searched for the key in every case.

${trustRender.table}

${trustRender.summary}

${realTrafficSection()}`;
	return {
		table:
			[header.join(' | '), ...rows.map((row) => row.join(' | '))].join('\n') +
			`\n${totals}\n${cancelLine}\n${trustRender.summary}`,
		markdown,
	};
}

module.exports = { renderReport };
