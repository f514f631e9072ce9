import { describe, expect, it } from 'vitest';
import { groundingMentions } from '../../../src/scoring/hallucination/grounding.js';

const SOURCE = '卓上ボール盤 KD-350 の取扱説明：刃は最大13 mmまで差し込みます。鉄鋼材には毎分620回転以下を使用し、異常があれば職長の山崎に報告してください。';
const unsupported = async (output: string) => (await groundingMentions(output, SOURCE)).filter((m) => !m.supported).map((m) => m.text);

describe('grounding mentions (numbers, quantities, proper nouns absent from the source)', () => {
  it('a faithful answer has no unsupported mentions, whatever the spelling of the number', async () => {
    expect(await unsupported('最大13ミリメートルです。')).toEqual([]);
    // A bare ミリ is not read as a unit (mm or mg?); the number 13 itself is in the source.
    expect(await unsupported('十三ミリです')).toEqual([]);
    expect(await unsupported('毎分620回転以下です')).toEqual([]);
    expect(await unsupported('KD-350では山崎に報告します')).toEqual([]);
  });

  it('an invented quantity, number, code or name is unsupported', async () => {
    expect(await unsupported('最大16 mmです')).toEqual(['16mm']);
    expect(await unsupported('13 cmまで')).toEqual(['13cm']);
    expect(await unsupported('KD-360の場合は700回転')).toEqual(['kd-360', '700回転']);
    expect(await unsupported('職長の田中に報告します')).toEqual(['田中']);
  });

  it('counts each distinct mention once', async () => {
    const m = await groundingMentions('13 mm、13 mm、山崎、山崎', SOURCE);
    expect(m.length).toBe(2);
  });
});
