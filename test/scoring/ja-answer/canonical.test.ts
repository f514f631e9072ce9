import { describe, expect, it } from 'vitest';
import { canonicalAnswer, eraToGregorian, foldKana, normaliseNumerals, normaliseUnits, stripWrapping } from '../../../src/scoring/ja-answer/index.js';

const same = (a: string, b: string) => expect(canonicalAnswer(a), `${a} ≡ ${b}`).toBe(canonicalAnswer(b));
const differ = (a: string, b: string) => expect(canonicalAnswer(a), `${a} ≢ ${b}`).not.toBe(canonicalAnswer(b));

describe('Japanese short-answer canonical form', () => {
  it("the issue's equivalences", () => {
    same('1,000 km', '千キロメートル');
    same('令和5年', '2023年');
    same('3割', '30 %');
  });

  it('numbers: kanji numerals, 万/億/兆, commas, full-width digits, 割', () => {
    expect(normaliseNumerals('二千二十三')).toBe('2023');
    expect(normaliseNumerals('二〇二三')).toBe('2023');
    expect(normaliseNumerals('3万5000')).toBe('35000');
    expect(normaliseNumerals('1.5億')).toBe('150000000');
    expect(normaliseNumerals('1億2000万')).toBe('120000000');
    expect(normaliseNumerals('2千')).toBe('2000');
    expect(normaliseNumerals('3割5分')).toBe('35%');
    expect(normaliseNumerals('1,234,567人')).toBe('1234567人');
    same('１２３４', '1234');
    same('三万五千人', '35,000人');
    same('約1億2000万人', '約120000000人');
    same('十二', '12');
    same('3776メートル', '三千七百七十六m');
    differ('12', '120');
  });

  it('和暦 ↔ 西暦, 元年, out-of-range era years left alone', () => {
    expect(eraToGregorian('平成元年')).toBe('1989年');
    expect(eraToGregorian('昭和64年')).toBe('1989年');
    expect(eraToGregorian('明治1年')).toBe('1868年');
    expect(eraToGregorian('大正15年')).toBe('1926年');
    expect(eraToGregorian('平成40年')).toBe('平成40年');
    same('令和元年', '2019年');
    same('昭和三十九年', '1964');
    same('平成7年', '1995年です');
  });

  it('units: one symbol per unit, only after a number', () => {
    expect(normaliseUnits('100キログラム')).toBe('100kg');
    expect(normaliseUnits('50 パーセント')).toBe('50%');
    expect(normaliseUnits('プログラム')).toBe('プログラム');
    same('2平方キロメートル', '2km²');
    same('500ミリリットル', '500 mL');
    same('摂氏100度', '100℃');
    same('100ボルト', '100V');
    differ('5km', '5m');
  });

  it('kana and case folding, NFKC width', () => {
    expect(foldKana('リンゴ')).toBe('りんご');
    same('リンゴ', 'りんご');
    same('ｶﾀｶﾅ', 'カタカナ');
    same('ＪＩＳ', 'jis');
    same('Ｔｏｙｏｔａ', 'TOYOTA');
    same('コーヒー', 'こーひー');
  });

  it('sentence-final and honorific wrapping', () => {
    expect(stripWrapping('答えは東京です。')).toBe('東京');
    expect(stripWrapping('東京だと思います')).toBe('東京');
    expect(stripWrapping('「東京」です')).toBe('東京');
    expect(stripWrapping('おそらく、東京でしょう。')).toBe('東京');
    expect(stripWrapping('自信はありませんが、東京だと思います。')).toBe('東京');
    expect(stripWrapping('正解は富士山でございます。')).toBe('富士山');
    expect(stripWrapping('東京ではありません')).toBe('東京ではありません');
    same('答え：1868年', '明治元年');
    same('信濃川です。', '信濃川');
    same('『源氏物語』', '源氏物語');
  });

  it('punctuation, spaces and 中黒 do not matter; the first line is the answer', () => {
    same('JIS Z 8301', 'JISZ8301');
    same('ダイ・ハード', 'ダイハード');
    same('東京\n首都だからです。', '東京');
    same('3.14', '3.14');
    differ('3.14', '314');
  });
});
