/**
 * Unit spellings → one symbol each, so 「キロメートル」 ≡ 「km」 and 「パーセント」 ≡ 「%」.
 * Longest spellings first (平方キロメートル before キロメートル before メートル). Katakana unit
 * names are replaced only right after a digit, so words that merely contain them (グラム in
 * プログラム) stay as they are; symbols (km, kg, %) are canonical already. Runs after numeral
 * normalisation and before kana folding. A bare 「キロ」 (km or kg?) is left alone, not guessed.
 */
const UNITS: [string[], string][] = [
  [['平方キロメートル', '平方キロ', 'km²', 'km2'], 'km2'],
  [['平方メートル', 'm²', 'm2', '㎡'], 'm2'],
  [['立方メートル', 'm³', 'm3'], 'm3'],
  [['キロメートル', 'キロメーター', 'km', 'Km', 'KM'], 'km'],
  [['センチメートル', 'センチ', 'cm'], 'cm'],
  [['ミリメートル', 'mm'], 'mm'],
  [['メートル', 'メーター', 'm'], 'm'],
  [['キログラム', 'kg', 'Kg', 'KG'], 'kg'],
  [['ミリグラム', 'mg'], 'mg'],
  [['グラム', 'g'], 'g'],
  [['トン', 't'], 't'],
  [['リットル', 'l', 'L', 'ℓ'], 'l'],
  [['ミリリットル', 'ml', 'mL'], 'ml'],
  [['パーセント', '%'], '%'],
  [['キロワット', 'kW', 'kw'], 'kw'],
  [['ワット', 'W'], 'w'],
  [['ボルト', 'V'], 'v'],
  [['アンペア', 'A'], 'a'],
  [['ヘルツ', 'Hz', 'hz'], 'hz'],
  [['摂氏', '℃', '°C', '度C'], '℃'],
];

const ESCAPE = /[.*+?^${}()|[\]\\]/g;
const rules = UNITS.flatMap(([spellings, symbol]) =>
  spellings.map((s) => ({ re: new RegExp(`(\\d)\\s*${s.replace(ESCAPE, '\\$&')}(?![A-Za-z])`, 'g'), symbol })),
).sort((a, b) => b.re.source.length - a.re.source.length);

/** 摂氏30度 → 30℃ (the prefix form). */
const CELSIUS_PREFIX = /摂氏\s*(\d+(?:\.\d+)?)\s*度/g;

export function normaliseUnits(text: string): string {
  let out = text.replace(CELSIUS_PREFIX, '$1℃');
  for (const { re, symbol } of rules) {
    out = out.replace(re, `$1${symbol}`);
  }
  return out;
}
