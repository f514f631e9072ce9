import { describe, expect, it } from 'vitest';
import { auditItems, formatAudit, MAX_EXCESS_OVER_CHANCE } from '../../../src/suites/audit/audit.js';
import { BASELINES, type AuditItem } from '../../../src/suites/audit/baselines.js';
import { choiceLength, endingClass, scriptProfile } from '../../../src/suites/audit/features.js';

/** A deterministic shuffle of answer positions so that only the feature under test gives the gold away. */
function place(gold: string, distractors: string[], i: number): AuditItem {
  const pos = i % (distractors.length + 1);
  const choices = [...distractors];
  choices.splice(pos, 0, gold);
  return { id: `t-${i}`, choices, gold: pos };
}

const WORDS = ['りんご', 'みかん', 'ぶどう', 'もも', 'なし', 'かき', 'くり', 'うめ', 'すもも', 'いちご', 'びわ', 'ゆず'];

function suite(make: (i: number) => AuditItem, n = 40): AuditItem[] {
  return Array.from({ length: n }, (_, i) => make(i));
}

function baseline(name: string, items: AuditItem[]) {
  const report = auditItems(items);
  const b = report.baselines.find((r) => r.name === name);
  if (!b) throw new Error(`no baseline ${name}`);
  return { report, b };
}

// Distractors of equal length (3 kana), varied texts: no feature but the one under test separates the gold.
const same3 = (i: number) => [WORDS[i % 12]!, WORDS[(i + 3) % 12]!, WORDS[(i + 7) % 12]!].map((w) => w.padEnd(3, 'の').slice(0, 3));

describe('features', () => {
  it('length ignores width, spaces and final punctuation', () => {
    expect(choiceLength('ＡＢ　c。')).toBe(3);
  });
  it('script profile counts hiragana, katakana, kanji', () => {
    expect(scriptProfile('あア漢x')).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(scriptProfile('')).toEqual([0, 0, 0, 0]);
  });
  it('ending class separates polite and plain register and honorific verbs', () => {
    expect(endingClass('帰りました。')).toBe('polite');
    expect(endingClass('帰った。')).toBe('plain');
    expect(endingClass('申し上げます')).toBe('polite+keigo');
  });
});

describe('artifact audit: a suite built to fail each baseline', () => {
  it('longest: the gold is always the longest choice', () => {
    const { report, b } = baseline('longest', suite((i) => place('とても長い正解の選択肢', same3(i), i)));
    expect(b.accuracy).toBe(1);
    expect(report.failed).toBe(true);
  });
  it('shortest: the gold is always the shortest choice', () => {
    const { report, b } = baseline('shortest', suite((i) => place('あ', same3(i), i)));
    expect(b.accuracy).toBe(1);
    expect(report.failed).toBe(true);
  });
  it('odd_length: the gold is the one choice whose length differs from the three others', () => {
    const items = suite((i) => place('ながいながいせいかい', ['あい', 'うえ', 'おか'], i));
    const { b } = baseline('odd_length', items);
    expect(b.accuracy).toBe(1);
  });
  it('odd_script: the gold is the only katakana choice among hiragana ones of the same length', () => {
    const items = suite((i) => place(['リンゴ', 'ミカン', 'ブドウ', 'ナシナ'][i % 4]!, same3(i), i));
    const { report, b } = baseline('odd_script', items);
    expect(b.accuracy).toBe(1);
    // Lengths are equal, so the length baselines are undecided (at chance).
    expect(report.baselines.find((r) => r.name === 'longest')!.accuracy).toBeCloseTo(0.25, 9);
    expect(report.failed).toBe(true);
  });
  it('odd_ending: the gold is the only polite sentence among plain ones', () => {
    const items = suite((i) => place('行きます', ['行った', '行こう', '行くな'], i));
    const { report, b } = baseline('odd_ending', items);
    expect(b.accuracy).toBe(1);
    expect(report.failed).toBe(true);
  });
  it('gold_text_prior: one text is the answer wherever it is offered', () => {
    // Every item offers に (always gold) and three other particles that rotate.
    const others = ['を', 'で', 'が', 'と', 'へ', 'や'];
    const items = suite((i) => place('に', [others[i % 6]!, others[(i + 1) % 6]!, others[(i + 2) % 6]!], i));
    const { report, b } = baseline('gold_text_prior', items);
    expect(b.accuracy).toBe(1);
    expect(report.failed).toBe(true);
  });
  it('position: the gold is always the first choice', () => {
    const items = suite((i) => ({ ...place(`${WORDS[i % 12]}`, same3(i + 1), 0), gold: 0 }));
    const { report, b } = baseline('position', items);
    expect(b.accuracy).toBe(1);
    expect(report.failed).toBe(true);
  });
});

describe('artifact audit: balanced suites pass', () => {
  it('a suite with equal-length, rotating, position-balanced choices stays near chance on every baseline', () => {
    // Each item: four 2-kana words from one pool, the gold rotating through the pool and the positions.
    const pool = ['あか', 'あお', 'きい', 'しろ', 'くろ', 'みど', 'もも', 'ちゃ'];
    const items = suite((i) => {
      const words = [0, 1, 2, 3].map((k) => pool[(i + k * 2) % 8]!);
      return place(words[0]!, words.slice(1), i);
    }, 64);
    const report = auditItems(items);
    for (const b of report.baselines) expect(b.excess).toBeLessThanOrEqual(MAX_EXCESS_OVER_CHANCE);
    expect(report.failed).toBe(false);
    expect(report.chance).toBeCloseTo(0.25, 9);
  });
  it('ties are split: with two equally long longest choices, one of them gold, credit is 1/2', () => {
    const b = BASELINES.find((x) => x.name === 'longest')!;
    expect(b.credits([{ id: 'a', choices: ['ああ', 'いい', 'う', 'え'], gold: 1 }])).toEqual([0.5]);
  });
  it('reports an interval around each accuracy and formats the worst baseline', () => {
    const report = auditItems(suite((i) => place('あ', same3(i), i)));
    const b = report.baselines.find((r) => r.name === 'shortest')!;
    expect(b.interval[0]).toBeGreaterThan(0.9);
    expect(b.interval[1]).toBe(1);
    expect(formatAudit('x', report)).toMatch(/^x: 40 items, chance 25\.0%; worst baseline .* FAILS the artifact audit$/);
  });
  it('exactly 10 points above chance does not fail; a bit more does', () => {
    // 2-choice items, chance 50 %: position right in 60 % = +10 points exactly.
    const mk = (gold0: number, n: number) => Array.from({ length: n }, (_, i) => ({ id: `p${i}`, choices: [`あ${i}`, `い${i}`], gold: i < gold0 ? 0 : 1 }));
    const atLine = auditItems(mk(60, 100));
    expect(atLine.baselines.find((b) => b.name === 'position')!.accuracy).toBeCloseTo(0.6, 9);
    expect(atLine.failed).toBe(false);
    expect(auditItems(mk(80, 100)).failed).toBe(true);
  });
});
