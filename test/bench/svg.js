// @ts-check
/**
 * The chart of wall time against N for (a), (b) and (c), written as SVG markup by hand (no chart
 * library). Log-scale y so that seconds and minutes fit one picture; (c) beyond the N it ran at is
 * a dashed extrapolation (its time grows linearly with N), labelled as such.
 */

const W = 840;
const H = 440;
const M = { left: 64, right: 250, top: 40, bottom: 56 };
const COLORS = { a: '#1d4ed8', b: '#c2410c', c: '#15803d', ideal: '#6b7280' };

/** @param {string} s */
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * @param {{ results: any[], config: { ns: number[], latencyMs: number, cap: number, imageBytes: number,
 *   pollIntervalMs: number }, machine: { nproc: number, node: string } }} data
 */
function renderSvg(data) {
	const { results, config } = data;
	const maxN = Math.max(...config.ns, ...results.map((r) => r.n));
	const series = {
		a: results.filter((r) => r.variant === 'a'),
		b: results.filter((r) => r.variant === 'b'),
		c: results.filter((r) => r.variant === 'c'),
	};
	const ideal = [...new Set([...config.ns, ...results.map((r) => r.n)])]
		.sort((x, y) => x - y)
		.map((n) => ({ n, s: (Math.ceil(n / config.cap) * config.latencyMs) / 1000 }));
	// (c) extrapolated linearly from its largest measured N to the largest N of the run
	const cLast = series.c[series.c.length - 1];
	const cExtra = cLast ? { n: maxN, s: (cLast.wallMs / 1000) * (maxN / cLast.n) } : null;
	const values = [
		...results.map((r) => r.wallMs / 1000),
		...ideal.map((p) => p.s),
		...(cExtra ? [cExtra.s] : []),
	].filter((v) => v > 0);
	const lo = 10 ** Math.floor(Math.log10(Math.min(...values)));
	const hi = 10 ** Math.ceil(Math.log10(Math.max(...values)));
	const x = (/** @type {number} */ n) => M.left + (n / maxN) * (W - M.left - M.right);
	const y = (/** @type {number} */ s) =>
		H -
		M.bottom -
		((Math.log10(s) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * (H - M.top - M.bottom);
	const out = [];
	out.push(
		`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
		`<rect width="${W}" height="${H}" fill="#ffffff"/>`,
		`<text x="${M.left}" y="22" font-size="15" font-weight="bold">Wall time for N images (log scale); latency ${config.latencyMs / 1000} s, cap ${config.cap}, ${Math.round(config.imageBytes / 1024)} KB images</text>`,
	);
	for (let d = lo; d <= hi; d *= 10) {
		for (const m of [1, 2, 5]) {
			const s = d * m;
			if (s < lo || s > hi) continue;
			out.push(
				`<line x1="${M.left}" x2="${W - M.right}" y1="${y(s)}" y2="${y(s)}" stroke="#e5e7eb"/>`,
				`<text x="${M.left - 8}" y="${y(s) + 4}" text-anchor="end">${s >= 1 ? s : s.toFixed(1)} s</text>`,
			);
		}
	}
	for (const n of ideal.map((p) => p.n)) {
		out.push(
			`<line x1="${x(n)}" x2="${x(n)}" y1="${H - M.bottom}" y2="${H - M.bottom + 5}" stroke="#111"/>`,
			`<text x="${x(n)}" y="${H - M.bottom + 18}" text-anchor="middle">${n}</text>`,
		);
	}
	out.push(
		`<line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" stroke="#111"/>`,
		`<line x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${H - M.bottom}" stroke="#111"/>`,
		`<text x="${(M.left + W - M.right) / 2}" y="${H - 14}" text-anchor="middle">N (prompts in one execution)</text>`,
	);
	/** @param {Array<{ n: number, s: number }>} pts @param {string} color @param {string} [dash] */
	const path = (pts, color, dash = '') =>
		pts.length
			? `<polyline fill="none" stroke="${color}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ''} points="${pts.map((p) => `${x(p.n).toFixed(1)},${y(p.s).toFixed(1)}`).join(' ')}"/>`
			: '';
	out.push(path(ideal, COLORS.ideal, '2 4'));
	for (const key of /** @type {const} */ (['a', 'b', 'c'])) {
		const pts = series[key].map((r) => ({ n: r.n, s: r.wallMs / 1000, r }));
		out.push(path(pts, COLORS[key]));
		for (const p of pts) {
			out.push(`<circle cx="${x(p.n)}" cy="${y(p.s)}" r="4.5" fill="${COLORS[key]}"/>`);
			if (p.r.delivered < p.r.n)
				out.push(
					`<text x="${x(p.n) - 7}" y="${y(p.s) - 9}" text-anchor="end" fill="${COLORS[key]}">${p.r.delivered} of ${p.r.n} images</text>`,
				);
		}
	}
	if (cLast && cExtra && cExtra.n > cLast.n)
		out.push(path([{ n: cLast.n, s: cLast.wallMs / 1000 }, cExtra], COLORS.c, '7 5'));
	const legend = [
		[COLORS.a, '', '(a) our node, one execution'],
		[COLORS.b, '', '(b) HTTP Request + Wait loop'],
		[COLORS.c, '', '(c) our node, Concurrency 1'],
		[COLORS.c, '7 5', '(c) extrapolated (linear)'],
		[COLORS.ideal, '2 4', 'ideal ceil(N/cap) × latency'],
	];
	legend.forEach(([color, dash, label], i) => {
		const ly = M.top + 10 + i * 22;
		out.push(
			`<line x1="${W - M.right + 16}" x2="${W - M.right + 44}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
			`<text x="${W - M.right + 50}" y="${ly + 4}">${esc(label)}</text>`,
		);
	});
	out.push(
		`<text x="${W - M.right + 16}" y="${M.top + 136}" fill="#4b5563">${esc(`${data.machine.nproc} cores, Node ${data.machine.node}`)}</text>`,
		`<text x="${W - M.right + 16}" y="${M.top + 154}" fill="#4b5563">poll interval ${config.pollIntervalMs / 1000} s</text>`,
		'</svg>',
	);
	return `${out.filter(Boolean).join('\n')}\n`;
}

module.exports = { renderSvg };
