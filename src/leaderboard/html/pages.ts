import { cellText, fmt, fmtP, rankText } from '../render-markdown.js';
import type { LeaderboardData } from '../types.js';
import type { RenderedCharts } from './charts.js';
import { escapeHtml as h, jsonForScript } from './escape.js';
import { SITE_CSS } from './style.js';

function page(title: string, pageId: string, body: string, data?: unknown): string {
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'unsafe-inline' file:; style-src 'unsafe-inline'; img-src data:">
<title>${h(title)}</title><style>${SITE_CSS}</style></head>
<body data-page="${pageId}"><nav><a href="index.html">Leaderboard</a><a href="items.html">Items</a><a href="compare.html">Compare two models</a></nav>
${body}
${data === undefined ? '' : `<script type="application/json" id="jpeval-data">${jsonForScript(data)}</script>\n<script src="assets/app.js"></script>`}
</body></html>
`;
}

const table = (head: string[], rows: string[][], cls = ''): string =>
  `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${head.map((x) => `<th>${x}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.join('')}</tr>`).join('')}</tbody></table>`;
const td = (x: string, cls = ''): string => `<td${cls ? ` class="${cls}"` : ''}>${x}</td>`;

/** index.html: overall, suites, hallucination/industrial, pairwise matrices, throughput, charts. All text escaped. */
export function indexPage(d: LeaderboardData, charts: RenderedCharts): string {
  const label = new Map(d.entries.map((e) => [e.id, e.label]));
  const L = (id: string): string => h(label.get(id) ?? id);
  const cell = (e: string, s: string) => d.cells.find((c) => c.entry === e && c.suite === s);
  const parts: string[] = [`<h1>jpeval leaderboard</h1><p class="muted">Generated ${h(d.generated_at)} by jpeval ${h(d.jpeval_version)} from ${d.runs.length} run(s): ${d.runs.map((r) => h(r.run_id)).join(', ')}. Data: <a href="leaderboard.json">leaderboard.json</a>, <a href="leaderboard.csv">CSV</a>, <a href="leaderboard.md">Markdown</a>.</p>`];

  const rankOf = new Map(d.summary_ranking.map((r) => [r.entry, r]));
  const order = [...d.summary].sort((a, b) => (b.overall ?? -Infinity) - (a.overall ?? -Infinity));
  parts.push('<h2 id="overall">Overall</h2>', table(['rank', 'model', 'overall', ...d.categories.map(h)], order.map((s) => {
    const r = rankOf.get(s.entry);
    return [td(r ? rankText(r.rank_best, r.rank_worst) : 'not ranked'), td(L(s.entry)), td(fmt(s.overall) + (s.complete ? '' : ' <span class="incomplete">*</span>'), 'num'), ...d.categories.map((c) => td(fmt(s.categories[c]), 'num'))];
  })));
  for (const s of d.summary.filter((x) => !x.ranked)) parts.push(`<p class="apart">${L(s.entry)} is not ranked: ${h(s.reason)}</p>`);
  if (charts.qualitySpeed) parts.push('<h2 id="quality-speed">Quality vs throughput</h2><p class="muted">Red: the Pareto front (no model is both better and faster). Speeds compare only within a throughput class (below).</p>', `<div class="chart" id="chart-quality-speed">${charts.qualitySpeed}</div>`);
  if (charts.history) parts.push('<h2 id="history">History</h2>', `<div class="chart" id="chart-history">${charts.history}</div>`);

  const suiteRows = (names: string[], metric?: (s: string) => string[]) =>
    d.entries.flatMap((e) => {
      const cells = names.flatMap((s) => (metric ? metric(s) : [undefined]).map((m) => {
        const c = cell(e.id, s);
        return td(h(cellText(c, m)), `num${c && c.group > 0 ? ' apart' : ''}`);
      }));
      return [[td(h(e.label)), ...cells]];
    });
  const general = d.suites.filter((s) => s.kind === 'general');
  if (general.length) {
    parts.push('<h2 id="suites">Suites</h2><p class="muted">Primary metric with its 95 % interval. <span class="apart">Shaded</span> cells (†k) are not comparable with the rest of their column (see the suite\'s section below); <span class="incomplete">*</span> incomplete.</p>');
    parts.push(table(['model', ...general.map((s) => `${h(s.name)}<br><span class="muted">${h(s.category)} · ${h(s.primary_metric)}</span>`)], suiteRows(general.map((s) => s.name))));
  }
  if (charts.bars) parts.push(`<div class="chart" id="chart-bars">${charts.bars}</div>`);
  if (charts.heatmap) parts.push(`<div class="chart" id="chart-heatmap">${charts.heatmap}</div>`);
  for (const [kind, title] of [['hallucination', 'Hallucination'], ['industrial', 'Industrial']] as const) {
    const suites = d.suites.filter((s) => s.kind === kind);
    if (!suites.length) continue;
    parts.push(`<h2 id="${kind}">${title}</h2>`);
    for (const s of suites) parts.push(`<h3>${h(s.name)}</h3>`, table(['model', ...s.metrics.map((m) => h(m) + (m === s.primary_metric ? ' (primary)' : ''))], suiteRows([s.name], () => s.metrics)));
  }

  parts.push('<h2 id="pairwise">Pairwise comparisons</h2><p class="muted">Row − column difference of the primary metric, paired 95 % interval, Holm-corrected p (exact McNemar with the Agresti–Min interval for binary metrics, paired bootstrap otherwise), items gained / lost. <b>Bold</b>: significant at 0.05. Click a difference to see the items that flipped.</p>');
  for (const g of d.groups) {
    parts.push(`<h3 id="pairs-${h(g.suite)}-${g.group}">${h(g.suite)}${g.group > 0 ? ` — group ${g.group}` : ''}</h3>`);
    if (g.reason) parts.push(`<p class="apart">Not ranked with group 0: ${h(g.reason)}</p>`);
    if (g.ranking.length) parts.push(table(['rank', 'tie group', 'model', 'score'], g.ranking.map((r) => [td(rankText(r.rank_best, r.rank_worst)), td(String(r.tie_group), 'num'), td(L(r.entry)), td(fmt(r.score), 'num')])));
    if (g.entries.length > 1) {
      const rows = g.entries.map((a) => [td(L(a)), ...g.entries.map((b) => {
        if (a === b) return td('');
        const p = g.pairwise.find((x) => (x.a === a && x.b === b) || (x.a === b && x.b === a));
        if (!p) return td('—');
        const s = p.a === a ? 1 : -1;
        const lo = s === 1 ? p.ci95[0] : -p.ci95[1];
        const hi = s === 1 ? p.ci95[1] : -p.ci95[0];
        const gl = p.test === 'mcnemar' || p.gained + p.lost > 0 ? `<br>+${s === 1 ? p.gained : p.lost} / −${s === 1 ? p.lost : p.gained}` : '';
        const link = `compare.html#${encodeURIComponent(`${a}|${b}|${g.suite}`)}`;
        return td(`<a href="${h(link)}" class="${p.p_holm < 0.05 ? 'sig' : ''}">${fmt(s * p.difference)}</a> <span class="ci">[${fmt(lo)}, ${fmt(hi)}]<br>p=${fmtP(p.p_holm)}${gl}</span>`, 'num');
      })]);
      parts.push(table(['', ...g.entries.map(L)], rows, 'pairwise'));
    }
  }

  parts.push('<h2 id="throughput">Throughput</h2><p class="muted">Compare speeds only within a class: rows of different classes ran at another concurrency, batch size or on other hardware.</p>');
  parts.push(table(['class', 'concurrency', 'batch size', 'hardware', 'models'], d.throughput_classes.map((c) => [td(String(c.id), 'num'), td(String(c.concurrency ?? '—'), 'num'), td(String(c.batch_size ?? '—'), 'num'), td(h(c.hardware)), td(c.entries.map(L).join(', '))])));
  parts.push(table(['model', 'suite', 'class', 'req/s', 'tokens/s', 'chars/s', 'TTFT p50 ms', 'latency p50 / p95 / p99 ms', 'retries', 'errors'], d.throughput.map((t) => [td(L(t.entry)), td(h(t.suite)), td(String(t.throughput_class), 'num'), td(fmt(t.requests_per_s, 2), 'num'), td(fmt(t.completion_tokens_per_s, 1), 'num'), td(fmt(t.output_chars_per_s, 1), 'num'), td(t.ttft_ms ? fmt(t.ttft_ms.p50, 0) : '—', 'num'), td(`${fmt(t.latency_ms.p50, 0)} / ${fmt(t.latency_ms.p95, 0)} / ${fmt(t.latency_ms.p99, 0)}`, 'num'), td(String(t.retries), 'num'), td(String(t.errors), 'num')])));
  if (d.notes.length) parts.push('<h2>Notes</h2><ul>', ...d.notes.map((n) => `<li>${h(n)}</li>`), '</ul>');
  return page('jpeval leaderboard', 'index', parts.join('\n'));
}

/** The browser pages get only what their script needs (not the whole leaderboard). */
function browserData(d: LeaderboardData): unknown {
  return {
    entries: d.entries.map((e) => ({ id: e.id, label: e.label })),
    suites: d.suites.map((s) => ({ name: s.name, primary_metric: s.primary_metric })),
    item_chunks: d.item_chunks,
    groups: d.groups.map((g) => ({ suite: g.suite, group: g.group, pairwise: g.pairwise })),
  };
}

export function itemsPage(d: LeaderboardData): string {
  return page('jpeval items', 'items', '<h1>Items</h1><p class="muted">Every scored item with its prompt, output, extracted answer and gold. Model output is shown as text.</p><div id="app"></div>', browserData(d));
}

export function comparePage(d: LeaderboardData): string {
  return page('jpeval compare', 'compare', '<h1>Compare two models</h1><p class="muted">Items one model got right and the other wrong (for graded metrics: scored higher), with links to each in the item browser.</p><div id="app"></div>', browserData(d));
}
