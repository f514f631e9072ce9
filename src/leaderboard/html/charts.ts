import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { LeaderboardData } from '../types.js';

/**
 * The leaderboard's charts as vega-lite specs, rendered to SVG at build time (no chart library in
 * the page, nothing fetched when it opens). Each chart's data marks are named (`name` below) so the
 * browser test can count them.
 */
type Spec = vl.TopLevelSpec;
const FONT = '"Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", sans-serif';
const CONFIG = { font: FONT, axis: { labelLimit: 220 }, legend: { labelLimit: 260 } };

const labelOf = (d: LeaderboardData) => new Map(d.entries.map((e) => [e.id, e.label]));

/** Primary-metric bars per suite and entry (main comparability group only) with 95 % whiskers. */
export function barsSpec(d: LeaderboardData): Spec | undefined {
  const label = labelOf(d);
  const values = d.cells.filter((c) => c.group === 0 && c.value !== null).map((c) => ({ suite: c.suite, model: label.get(c.entry), value: c.value, lo: c.ci95[0] ?? c.value, hi: c.ci95[1] ?? c.value }));
  if (!values.length) return undefined;
  const x = { field: 'suite', type: 'nominal' as const, title: null, axis: { labelAngle: -35 } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CONFIG,
    width: { step: Math.max(24, 14 * d.entries.length) },
    height: 260,
    data: { values },
    layer: [
      { name: 'bars', mark: { type: 'bar' }, encoding: { x, xOffset: { field: 'model' }, y: { field: 'value', type: 'quantitative', title: 'primary metric' }, color: { field: 'model', type: 'nominal', title: 'model' } } },
      { name: 'whiskers', mark: { type: 'rule', color: '#222' }, encoding: { x, xOffset: { field: 'model' }, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } } },
    ],
  } as Spec;
}

/** Model × suite heatmap of primary values (every group; cells out of the main group are outlined in the table, not here). */
export function heatmapSpec(d: LeaderboardData): Spec | undefined {
  const label = labelOf(d);
  const values = d.cells.filter((c) => c.value !== null).map((c) => ({ suite: c.suite, model: label.get(c.entry), value: c.value, text: (c.value as number).toFixed(3) }));
  if (!values.length) return undefined;
  const enc = { x: { field: 'suite', type: 'nominal', title: null, axis: { labelAngle: -35 } }, y: { field: 'model', type: 'nominal', title: null } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CONFIG,
    data: { values },
    width: { step: 56 },
    height: { step: 28 },
    layer: [
      { name: 'heat', mark: { type: 'rect' }, encoding: { ...enc, color: { field: 'value', type: 'quantitative', scale: { scheme: 'blues' }, title: 'score' } } },
      { mark: { type: 'text', fontSize: 10 }, encoding: { ...enc, text: { field: 'text' }, color: { condition: { test: 'datum.value > 0.6', value: 'white' }, value: 'black' } } },
    ],
  } as Spec;
}

/** Entries on the Pareto front of (overall score ↑, output chars/s ↑): no other entry is at least as good on both and better on one. */
export function paretoFront(points: { id: string; quality: number; speed: number }[]): Set<string> {
  const front = new Set<string>();
  for (const p of points) {
    const dominated = points.some((q) => q.id !== p.id && q.quality >= p.quality && q.speed >= p.speed && (q.quality > p.quality || q.speed > p.speed));
    if (!dominated) front.add(p.id);
  }
  return front;
}

/**
 * Overall quality against mean output characters per second, with the Pareto front drawn as a step
 * line — one front per throughput class: speeds measured at other concurrency, batch size or
 * hardware are not comparable, so an entry is only dominated by entries of its own class.
 */
export function qualitySpeedSpec(d: LeaderboardData): Spec | undefined {
  const label = labelOf(d);
  const points = d.summary.flatMap((s) => {
    const rows = d.throughput.filter((t) => t.entry === s.entry && t.requests > 0);
    if (s.overall === null || !rows.length) return [];
    return [{ id: s.entry, cls: rows[0]!.throughput_class, quality: s.overall, speed: rows.reduce((a, r) => a + r.output_chars_per_s, 0) / rows.length }];
  });
  if (!points.length) return undefined;
  const classes = [...new Set(points.map((p) => p.cls))];
  const front = new Set(classes.flatMap((c) => [...paretoFront(points.filter((p) => p.cls === c))]));
  const values = points.map((p) => ({ model: label.get(p.id), class: `class ${p.cls}`, quality: p.quality, speed: p.speed, pareto: front.has(p.id) ? 'Pareto front' : 'dominated' }));
  const frontValues = values.filter((v) => v.pareto === 'Pareto front').sort((a, b) => a.speed - b.speed);
  const x = { field: 'speed', type: 'quantitative', title: 'output chars/s (mean over suites)', scale: { zero: false } };
  const y = { field: 'quality', type: 'quantitative', title: 'overall score', scale: { zero: false } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CONFIG,
    width: 420,
    height: 260,
    layer: [
      { name: 'front', data: { values: frontValues }, mark: { type: 'line', interpolate: 'step-before', color: '#d62728' }, encoding: { x, y, detail: { field: 'class', type: 'nominal' } } },
      { name: 'points', data: { values }, mark: { type: 'point', filled: true, size: 80 }, encoding: { x, y, color: { field: 'model', type: 'nominal' }, shape: { field: 'pareto', type: 'nominal', title: null } } },
      { data: { values }, mark: { type: 'text', dx: 6, align: 'left', fontSize: 10 }, encoding: { x, y, text: { field: 'model' } } },
    ],
  } as Spec;
}

/** Overall score per model over time, from the nightly history. */
export function historySpec(d: LeaderboardData): Spec | undefined {
  const values = d.history.filter((h) => h.overall !== null).map((h) => ({ model: h.model, time: h.started_at, overall: h.overall }));
  if (new Set(values.map((v) => v.time)).size < 2) return undefined;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CONFIG,
    width: 520,
    height: 240,
    data: { values },
    layer: [
      { name: 'history', mark: { type: 'line', point: true }, encoding: { x: { field: 'time', type: 'temporal', title: 'UTC', scale: { type: 'utc' }, axis: { format: '%m-%d %H:%M' } }, y: { field: 'overall', type: 'quantitative', title: 'overall score' }, color: { field: 'model', type: 'nominal' } } },
    ],
  } as Spec;
}

export async function renderSvg(spec: Spec): Promise<string> {
  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export interface RenderedCharts {
  bars?: string;
  heatmap?: string;
  qualitySpeed?: string;
  history?: string;
}

export async function renderCharts(d: LeaderboardData): Promise<RenderedCharts> {
  const out: RenderedCharts = {};
  const specs: [keyof RenderedCharts, Spec | undefined][] = [
    ['bars', barsSpec(d)],
    ['heatmap', heatmapSpec(d)],
    ['qualitySpeed', qualitySpeedSpec(d)],
    ['history', historySpec(d)],
  ];
  for (const [k, spec] of specs) if (spec) out[k] = await renderSvg(spec);
  return out;
}
