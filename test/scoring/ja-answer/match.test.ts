import { describe, expect, it } from 'vitest';
import { acceptedAnswers, matchAnswer } from '../../../src/scoring/ja-answer/match.js';

const kind = (response: string, refs: string[]) => matchAnswer(response, refs).kind;

describe('matchAnswer: the rule for "correct"', () => {
  it('exact after normalisation', () => {
    expect(kind('千キロメートルです', ['1,000 km'])).toBe('exact');
    expect(kind('令和5年だと思います', ['2023年'])).toBe('exact');
    expect(kind('三割', ['30%'])).toBe('exact');
    expect(kind('トヨタ', ['とよた'])).toBe('exact');
  });

  it('an accepted answer inside a sentence counts, unless negated right after', () => {
    expect(kind('日本の首都は東京都です。', ['東京都'])).toBe('contains');
    expect(kind('東京都ではなく大阪府です', ['東京都'])).toBe('none');
    expect(kind('東京じゃないと思う', ['東京'])).toBe('none');
    expect(kind('東京以外', ['東京'])).toBe('none');
  });

  it('numbers only match at a number boundary', () => {
    expect(kind('高さは3776メートルです', ['3776m'])).toBe('contains');
    expect(kind('13776', ['3776'])).toBe('none');
    expect(kind('37760', ['3776'])).toBe('none');
  });

  it('a part of the accepted answer is not correct; a one-character answer must match exactly', () => {
    expect(kind('東京', ['東京都'])).toBe('none');
    expect(kind('金曜日', ['金'])).toBe('none');
    expect(kind('金', ['金'])).toBe('exact');
  });

  it('several candidates: all accepted → several; mixed → ambiguous; none → none', () => {
    expect(kind('東京、大阪', ['東京,大阪'])).toBe('several');
    expect(kind('東京または大阪', ['東京'])).toBe('ambiguous');
    expect(kind('名古屋か、大阪', ['東京'])).toBe('none');
  });

  it('NIILC-style joined references are split on commas that are not thousands separators', () => {
    expect(acceptedAnswers(['徳川家康,家康'])).toEqual(['徳川家康', '家康']);
    expect(acceptedAnswers(['1,000人'])).toEqual(['1,000人']);
  });

  it('an empty response or no references never matches', () => {
    expect(kind('', ['東京'])).toBe('none');
    expect(kind('東京', [])).toBe('none');
  });
});
