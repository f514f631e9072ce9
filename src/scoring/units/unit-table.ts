/**
 * The units the dimension checker knows. A unit is a scale to SI, a dimension vector over the
 * base quantities [length, mass, time, current, temperature, amount, luminosity], an optional
 * offset (°C, °F: affine, so only convertible as absolute temperatures or as intervals — never
 * silently mixed) and an optional kind that separates quantities of equal dimension that a
 * technician must not confuse (W / VA / var; J vs N·m torque).
 */

export type Dim = readonly [number, number, number, number, number, number, number];

export interface UnitDef {
  scale: number;
  dim: Dim;
  /** value_SI = value × scale + offset (°C: offset 273.15). */
  offset?: number;
  kind?: 'real_power' | 'apparent_power' | 'reactive_power' | 'energy' | 'temperature';
  /** Whether SI prefixes (k, M, m, μ …) may be put in front of this symbol. */
  prefixable?: boolean;
}

const d = (L = 0, M = 0, T = 0, I = 0, K = 0, N = 0, J = 0): Dim => [L, M, T, I, K, N, J];
const NONE = d();

export const PREFIXES: Record<string, number> = {
  G: 1e9, M: 1e6, k: 1e3, h: 1e2, c: 1e-2, m: 1e-3, μ: 1e-6, u: 1e-6, n: 1e-9,
};

/** Symbols as they appear after NFKC (㎜ → mm, ℃ → °C, ㎾ → kW, Ω stays Ω). */
export const UNITS: Record<string, UnitDef> = {
  m: { scale: 1, dim: d(1), prefixable: true },
  g: { scale: 1e-3, dim: d(0, 1), prefixable: true },
  t: { scale: 1000, dim: d(0, 1) },
  s: { scale: 1, dim: d(0, 0, 1), prefixable: true },
  sec: { scale: 1, dim: d(0, 0, 1) },
  min: { scale: 60, dim: d(0, 0, 1) },
  h: { scale: 3600, dim: d(0, 0, 1) },
  A: { scale: 1, dim: d(0, 0, 0, 1), prefixable: true },
  K: { scale: 1, dim: d(0, 0, 0, 0, 1), kind: 'temperature' },
  '°C': { scale: 1, offset: 273.15, dim: d(0, 0, 0, 0, 1), kind: 'temperature' },
  '°F': { scale: 5 / 9, offset: 273.15 - (32 * 5) / 9, dim: d(0, 0, 0, 0, 1), kind: 'temperature' },
  mol: { scale: 1, dim: d(0, 0, 0, 0, 0, 1), prefixable: true },
  N: { scale: 1, dim: d(1, 1, -2), prefixable: true },
  Pa: { scale: 1, dim: d(-1, 1, -2), prefixable: true },
  bar: { scale: 1e5, dim: d(-1, 1, -2), prefixable: true },
  J: { scale: 1, dim: d(2, 1, -2), kind: 'energy', prefixable: true },
  Wh: { scale: 3600, dim: d(2, 1, -2), kind: 'energy', prefixable: true },
  cal: { scale: 4.184, dim: d(2, 1, -2), kind: 'energy', prefixable: true },
  W: { scale: 1, dim: d(2, 1, -3), kind: 'real_power', prefixable: true },
  VA: { scale: 1, dim: d(2, 1, -3), kind: 'apparent_power', prefixable: true },
  var: { scale: 1, dim: d(2, 1, -3), kind: 'reactive_power', prefixable: true },
  V: { scale: 1, dim: d(2, 1, -3, -1), prefixable: true },
  Ω: { scale: 1, dim: d(2, 1, -3, -2), prefixable: true },
  ohm: { scale: 1, dim: d(2, 1, -3, -2) },
  F: { scale: 1, dim: d(-2, -1, 4, 2), prefixable: true },
  H: { scale: 1, dim: d(2, 1, -2, -2), prefixable: true },
  C: { scale: 1, dim: d(0, 0, 1, 1), prefixable: true },
  Hz: { scale: 1, dim: d(0, 0, -1), prefixable: true },
  rpm: { scale: 1 / 60, dim: d(0, 0, -1) },
  'r/min': { scale: 1 / 60, dim: d(0, 0, -1) },
  L: { scale: 1e-3, dim: d(3), prefixable: true },
  ℓ: { scale: 1e-3, dim: d(3) },
  '%': { scale: 0.01, dim: NONE },
  rad: { scale: 1, dim: NONE },
  '°': { scale: Math.PI / 180, dim: NONE },
};

/** Japanese and spelled-out names, longest first when matched. */
export const UNIT_ALIASES: Record<string, string> = {
  キロワット時: 'kWh', キロワットアワー: 'kWh', キロワット: 'kW', ワット: 'W', キロボルトアンペア: 'kVA', ボルトアンペア: 'VA',
  キロボルト: 'kV', ボルト: 'V', ミリアンペア: 'mA', アンペア: 'A', オーム: 'Ω', キロニュートン: 'kN', ニュートンメートル: 'N·m',
  ニュートン: 'N', キロジュール: 'kJ', ジュール: 'J', メガパスカル: 'MPa', キロパスカル: 'kPa', パスカル: 'Pa',
  ミリメートル: 'mm', センチメートル: 'cm', メートル: 'm', キログラム: 'kg', グラム: 'g', トン: 't', ミリ秒: 'ms', 秒: 's',
  分間: 'min', 分: 'min', 時間: 'h', ヘルツ: 'Hz', 回転毎分: 'rpm', リットル: 'L', 度C: '°C', 摂氏: '°C', ケルビン: 'K',
  パーセント: '%', 倍: 'x1',
  'r/min': 'r/min', 'kgf': 'kgf', ohms: 'Ω', deg: '°',
};

/** Units only reachable through aliases (gravitational kilogram-force, a bare ratio "倍"). */
export const EXTRA_UNITS: Record<string, UnitDef> = {
  kgf: { scale: 9.80665, dim: d(1, 1, -2) },
  x1: { scale: 1, dim: NONE },
};

export function dimEqual(a: Dim, b: Dim): boolean {
  return a.every((v, i) => Math.abs(v - (b[i] as number)) < 1e-9);
}

export const DIMENSIONLESS = NONE;
