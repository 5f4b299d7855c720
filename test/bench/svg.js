// @ts-check
/**
 * The benchmark's chart, SVG written by hand (no chart library): one bar per scenario, images
 * delivered per second, against the ideal rate (cap / latency); each bar says how many of its
 * images came back and its wall time.
 */
const { scenarioName } = require('./report');

const W = 900;
const BAR = 22;
const GAP = 8;
const M = { left: 330, right: 150, top: 54, bottom: 44 };
const COLORS = {
	a: '#1d4ed8',
	'a-inproc': '#93c5fd',
	c: '#60a5fa',
	b: '#c2410c',
	b2: '#ea580c',
	b3: '#fb923c',
	E: '#15803d',
	'E-off': '#86efac',
	Q: '#7e22ce',
	'Q-off': '#d8b4fe',
};

/** @param {string} s */
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * @param {{ results: any[], config: { latencyMs: number, cap: number, imageBytes: number,
 *   pollIntervalMs: number }, machine: { nproc: number }, loadavg: number[], n8n: string }} data
 */
function renderSvg(data) {
	const { config } = data;
	// The video row is no image rate; it has its own table.
	const results = data.results.filter((r) => r.variant !== 'V');
	const ideal = config.cap / (config.latencyMs / 1000);
	const max = Math.max(ideal, ...results.map((r) => r.imagesPerSecond ?? 0)) * 1.1;
	const H = M.top + M.bottom + results.length * (BAR + GAP);
	const x = (/** @type {number} */ v) => M.left + (v / max) * (W - M.left - M.right);
	const out = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
		`<rect width="${W}" height="${H}" fill="#ffffff"/>`,
		`<text x="16" y="22" font-size="15" font-weight="bold">${esc(`Images delivered per second in n8n ${data.n8n}; latency ${config.latencyMs / 1000} s, cap ${config.cap}, ${Math.round(config.imageBytes / 1024)} KB images`)}</text>`,
		`<text x="16" y="40" fill="#4b5563">${esc(`${data.machine.nproc} cores, load average ${data.loadavg.join(' / ')} at the end; poll interval ${config.pollIntervalMs / 1000} s; longer is better`)}</text>`,
	];
	const step = max > 20 ? 5 : 2;
	for (let v = 0; v <= max; v += step)
		out.push(
			`<line x1="${x(v)}" x2="${x(v)}" y1="${M.top}" y2="${H - M.bottom}" stroke="#e5e7eb"/>`,
			`<text x="${x(v)}" y="${H - M.bottom + 16}" text-anchor="middle">${v}</text>`,
		);
	out.push(
		`<line x1="${x(ideal)}" x2="${x(ideal)}" y1="${M.top - 4}" y2="${H - M.bottom}" stroke="#6b7280" stroke-dasharray="4 3"/>`,
		`<text x="${x(ideal) + 4}" y="${H - M.bottom + 32}" fill="#6b7280">ideal ${ideal} img/s</text>`,
		`<text x="${M.left}" y="${H - 6}">images per second</text>`,
	);
	results.forEach((r, i) => {
		const y = M.top + i * (BAR + GAP);
		const v = r.imagesPerSecond ?? 0;
		const color = COLORS[/** @type {keyof COLORS} */ (r.variant)] ?? '#6b7280';
		const label = `${scenarioName(r)}${r.executions > 1 ? '' : `, N=${r.n}`}`;
		const detail = `${r.delivered}/${r.n} in ${(r.wallMs / 1000).toFixed(1)} s`;
		out.push(
			`<text x="${M.left - 8}" y="${y + BAR / 2 + 4}" text-anchor="end">${esc(label)}</text>`,
			`<rect x="${M.left}" y="${y}" width="${Math.max(1, x(v) - M.left).toFixed(1)}" height="${BAR}" fill="${color}"/>`,
			`<text x="${(x(v) + 6).toFixed(1)}" y="${y + BAR / 2 + 4}" fill="#111">${esc(`${v} (${detail})`)}</text>`,
		);
	});
	out.push('</svg>');
	return `${out.join('\n')}\n`;
}

module.exports = { renderSvg };
