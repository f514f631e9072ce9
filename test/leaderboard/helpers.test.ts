import { describe, expect, it } from 'vitest';
import { incomparabilityReason, type ComparabilityKey } from '../../src/leaderboard/comparability.js';
import { historySpec, paretoFront, qualitySpeedSpec, renderSvg } from '../../src/leaderboard/html/charts.js';
import type { LeaderboardData } from '../../src/leaderboard/types.js';
import { escapeHtml, jsonForScript } from '../../src/leaderboard/html/escape.js';
import { csvField } from '../../src/leaderboard/render-csv.js';
import { mdEscape } from '../../src/leaderboard/render-markdown.js';
import { headline, suiteKind } from '../../src/leaderboard/build.js';

const key: ComparabilityKey = { suite_version: 1, suite_file_sha256: 'a', dataset_sha256: ['d'], item_set_sha256: 'i', items: 10, shots: 0, choice_mode: 'generate', decoding: {} };

describe('comparability reasons', () => {
  it('equal keys compare', () => expect(incomparabilityReason(key, { ...key })).toBeUndefined());
  it('names every difference', () => {
    const other = { ...key, suite_version: 2, dataset_sha256: ['e'], shots: 3, choice_mode: 'loglikelihood', decoding: { temperature: 0.7 } };
    expect(incomparabilityReason(other, key)).toBe('suite version 2 vs 1; dataset files differ (sha256); shots 3 vs 0; choice mode loglikelihood vs generate; decoding differs (temperature)');
  });
});

describe('escaping', () => {
  const evil = '</script><img src=x onerror=alert(1)>\u2028"\'&';
  it('JSON for script context has no < > & or raw line separators, and parses back to the same text', () => {
    const s = jsonForScript({ t: evil });
    expect(s).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(s)).toEqual({ t: evil });
  });
  it('HTML, Markdown and CSV', () => {
    expect(escapeHtml(evil)).toBe('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;\u2028&quot;&#39;&amp;');
    expect(mdEscape('a|b\n<c>')).toBe('a\\|b &lt;c&gt;');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-0.5)).toBe('-0.5');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField(Number.NaN)).toBe('');
  });
});

describe('Pareto front and suite kinds', () => {
  it('keeps points no other point beats on both quality and speed', () => {
    const f = paretoFront([
      { id: 'fast', quality: 0.5, speed: 100 },
      { id: 'good', quality: 0.9, speed: 10 },
      { id: 'both-worse', quality: 0.4, speed: 50 },
      { id: 'middle', quality: 0.7, speed: 60 },
    ]);
    expect([...f].sort()).toEqual(['fast', 'good', 'middle']);
  });
  it('draws one front per throughput class: a slower entry is not dominated by one measured at another concurrency', () => {
    const summary = [
      { entry: 'remote-a', overall: 0.8 },
      { entry: 'remote-b', overall: 0.6 },
      { entry: 'local-c', overall: 0.5 },
    ];
    const row = (entry: string, cls: number, speed: number) => ({ entry, suite: 's', requests: 10, output_chars_per_s: speed, throughput_class: cls });
    const d = { summary, throughput: [row('remote-a', 0, 900), row('remote-b', 0, 500), row('local-c', 1, 40)], entries: [] } as unknown as LeaderboardData;
    const spec = qualitySpeedSpec(d) as unknown as { layer: { name?: string; data: { values: { pareto: string; speed: number; class: string }[] } }[] };
    const points = spec.layer.find((l) => l.name === 'points')!.data.values;
    // Across classes local-c would be dominated by remote-a; within its own class it is the front.
    expect(points.map((p) => `${p.speed}:${p.pareto}`)).toEqual(['900:Pareto front', '500:dominated', '40:Pareto front']);
    expect(new Set(spec.layer.find((l) => l.name === 'front')!.data.values.map((v) => v.class))).toEqual(new Set(['class 0', 'class 1']));
  });
  it('classifies hallucination and industrial suites; BLEU is averaged on a 0–1 scale', () => {
    expect(suiteKind('halluc-jtruthfulqa', 'QA')).toBe('hallucination');
    expect(suiteKind('ind-maintenance', 'IND')).toBe('industrial');
    expect(suiteKind('jcommonsenseqa', 'MC')).toBe('general');
    expect(headline('bleu', 42)).toBeCloseTo(0.42, 12);
    expect(headline('accuracy', 0.42)).toBe(0.42);
  });
});

describe('history chart', () => {
  it('labels times on a 24-hour UTC clock, whatever the time zone of the machine that builds the site', async () => {
    const history = [
      { model: 'a', started_at: '2026-12-01T02:00:00Z', overall: 0.5 },
      { model: 'a', started_at: '2026-12-01T14:30:00Z', overall: 0.55 },
      { model: 'a', started_at: '2026-12-02T18:00:00Z', overall: 0.6 },
    ];
    const svg = await renderSvg(historySpec({ history } as unknown as LeaderboardData)!);
    const labels = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    expect(labels).toContain('UTC');
    expect(labels.some((l) => /^12-01 1[5-9]:00$|^12-01 2\d:00$/.test(l))).toBe(true); // an afternoon hour, 24-hour
    expect(labels.some((l) => /AM|PM/.test(l))).toBe(false);
  });
});
