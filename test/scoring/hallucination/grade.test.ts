import { describe, expect, it } from 'vitest';
import { gradeShortAnswer } from '../../../src/scoring/hallucination/grade.js';

/** Golden responses for every outcome of the three-way grader. */
const cases: [string | null, string[], string, string][] = [
  ['東京です。', ['東京'], 'correct', 'match_exact'],
  ['答えは千キロメートルです。', ['1,000 km'], 'correct', 'match_exact'],
  ['令和5年だと思います。', ['2023年'], 'correct', 'match_exact'],
  ['自信はありませんが、3割だと思います。', ['30%'], 'correct', 'match_exact'],
  ['日本の首都は東京都です。', ['東京都'], 'correct', 'match_contains'],
  ['大阪です。', ['東京'], 'incorrect', 'no_match'],
  ['東京ではなく大阪です。', ['東京'], 'incorrect', 'no_match'],
  ['おそらく名古屋でしょう。', ['東京'], 'incorrect', 'no_match'],
  ['申し訳ありませんが、わかりません。', ['東京'], 'not_attempted', 'abstained'],
  ['そのような駅は存在しません。', ['東京'], 'not_attempted', 'abstained'],
  ['東京または大阪です。', ['東京'], 'unscored', 'ambiguous'],
  ['', ['東京'], 'unscored', 'empty_output'],
  [null, ['東京'], 'unscored', 'unreadable'],
  ['……', ['東京'], 'unscored', 'no_answer'],
];

describe('three-way grader (golden responses)', () => {
  for (const [response, refs, grade, reason] of cases) {
    it(`${JSON.stringify(response)} vs ${refs.join('|')} → ${grade} (${reason})`, async () => {
      const r = await gradeShortAnswer(response, refs);
      expect([r.grade, r.reason]).toEqual([grade, reason]);
      expect(r.flags).toContain(`halluc_${grade}`);
      if (grade === 'not_attempted') expect(r.flags).toContain('abstained');
    });
  }

  it('a hedged correct answer is correct and flagged hedged', async () => {
    const r = await gradeShortAnswer('たぶん東京です。', ['東京']);
    expect(r.grade).toBe('correct');
    expect(r.flags).toEqual(['halluc_correct', 'hedged']);
  });
});
