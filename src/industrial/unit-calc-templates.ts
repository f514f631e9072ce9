/**
 * ind-unit-calc templates: each turns parameters into a Japanese question and computes the gold
 * value from the same parameters (so `jpeval validate` can recompute every gold number). Values are
 * in the template's answer unit. Parameters are drawn from realistic shop-floor ranges.
 */

export type Params = Record<string, number>;

export interface UnitCalcTemplate {
  id: string;
  /** Answer unit as written in the gold (the checker accepts any equivalent unit). */
  unit: string;
  /** Relative tolerance: rounding √3, π and intermediate results must not fail a right method. */
  rel_tol: number;
  temperature?: 'absolute' | 'interval';
  /** Candidate values per parameter; one of each is drawn. */
  space: Record<string, readonly number[]>;
  question(p: Params): string;
  compute(p: Params): number;
}

const SQRT3 = Math.sqrt(3);
const range = (from: number, to: number, step: number): number[] => {
  const out: number[] = [];
  for (let v = from; v <= to + 1e-9; v += step) out.push(Math.round(v * 1000) / 1000);
  return out;
};
const fmt = (n: number): string => String(n);

export const UNIT_CALC_TEMPLATES: UnitCalcTemplate[] = [
  {
    id: 'three_phase_power',
    unit: 'kW',
    rel_tol: 0.01,
    space: { V: [200, 220, 400, 440], I: range(10, 120, 5), pf: [0.8, 0.85, 0.9, 0.95] },
    question: (p) => `三相${fmt(p.V!)} Vの電動機に${fmt(p.I!)} Aの電流が流れている。力率が${fmt(p.pf!)}のとき、この電動機の消費電力（有効電力）はいくらか。`,
    compute: (p) => (SQRT3 * p.V! * p.I! * p.pf!) / 1000,
  },
  {
    id: 'apparent_power',
    unit: 'kVA',
    rel_tol: 0.01,
    space: { V: [200, 400, 440, 6600], I: range(5, 60, 5) },
    question: (p) => `三相3線式${fmt(p.V!)} Vの回路で、線電流が${fmt(p.I!)} Aである。この回路の皮相電力はいくらか。`,
    compute: (p) => (SQRT3 * p.V! * p.I!) / 1000,
  },
  {
    id: 'single_phase_power',
    unit: 'W',
    rel_tol: 0.01,
    space: { V: [100, 200], I: range(2, 15, 0.5), pf: [0.7, 0.8, 0.9, 1] },
    question: (p) => `単相${fmt(p.V!)} Vの機器に${fmt(p.I!)} Aの電流が流れ、力率は${fmt(p.pf!)}である。この機器の消費電力はいくらか。`,
    compute: (p) => p.V! * p.I! * p.pf!,
  },
  {
    id: 'voltage_drop_single',
    unit: 'V',
    rel_tol: 0.01,
    space: { I: range(5, 40, 5), L: range(10, 60, 5), r: [1.24, 3.08, 4.61, 7.41] },
    question: (p) => `単相2線式の配線で、電線1本の抵抗が1 kmあたり${fmt(p.r!)} Ω、こう長が${fmt(p.L!)} mである。負荷電流${fmt(p.I!)} Aが流れるときの電圧降下はいくらか。リアクタンスは無視し、負荷の力率は1とする。`,
    compute: (p) => (2 * p.I! * p.r! * p.L!) / 1000,
  },
  {
    id: 'voltage_drop_three',
    unit: 'V',
    rel_tol: 0.01,
    space: { I: range(10, 80, 5), L: range(20, 100, 10), r: [0.39, 0.78, 1.24, 1.95] },
    question: (p) => `三相3線式の配線で、電線1本の抵抗が1 kmあたり${fmt(p.r!)} Ω、こう長が${fmt(p.L!)} mである。線電流${fmt(p.I!)} Aが流れるときの線間の電圧降下はいくらか。リアクタンスは無視し、負荷の力率は1とする。`,
    compute: (p) => (SQRT3 * p.I! * p.r! * p.L!) / 1000,
  },
  {
    id: 'ohm_current',
    unit: 'mA',
    rel_tol: 0.005,
    space: { V: [5, 12, 24, 48], R: [220, 470, 1000, 2200, 4700] },
    question: (p) => `${fmt(p.V!)} Vの直流電源に${fmt(p.R!)} Ωの抵抗を接続した。流れる電流はいくらか。`,
    compute: (p) => (p.V! / p.R!) * 1000,
  },
  {
    id: 'resistor_heat',
    unit: 'W',
    rel_tol: 0.005,
    space: { I: [0.5, 1, 1.5, 2, 2.5, 3, 4, 5], R: [2, 4, 5, 8, 10, 20] },
    question: (p) => `抵抗値${fmt(p.R!)} Ωのヒーター線に${fmt(p.I!)} Aの電流が流れている。ヒーター線で消費される電力はいくらか。`,
    compute: (p) => p.I! ** 2 * p.R!,
  },
  {
    id: 'energy_kwh',
    unit: 'kWh',
    rel_tol: 0.005,
    space: { P: [0.75, 1.5, 2.2, 3.7, 5.5, 7.5, 11], h: range(2, 12, 1), d: [20, 22, 25] },
    question: (p) => `定格出力で入力${fmt(p.P!)} kWを消費するポンプを、1日${fmt(p.h!)}時間、月に${fmt(p.d!)}日運転する。1か月の消費電力量はいくらか。`,
    compute: (p) => p.P! * p.h! * p.d!,
  },
  {
    id: 'torque_from_power',
    unit: 'N·m',
    rel_tol: 0.01,
    space: { P: [0.75, 1.5, 2.2, 3.7, 5.5, 7.5, 11, 15], N: [1450, 1470, 1740, 1760, 2900, 960] },
    question: (p) => `出力${fmt(p.P!)} kWの電動機が回転速度${fmt(p.N!)} min⁻¹で運転している。このときの軸トルクはいくらか。`,
    compute: (p) => (60 * p.P! * 1000) / (2 * Math.PI * p.N!),
  },
  {
    id: 'power_from_torque',
    unit: 'kW',
    rel_tol: 0.01,
    space: { T: range(10, 200, 10), N: [500, 750, 1000, 1200, 1500, 1800] },
    question: (p) => `軸トルク${fmt(p.T!)} N·m、回転速度${fmt(p.N!)} min⁻¹で回っている軸が伝える動力はいくらか。`,
    compute: (p) => (2 * Math.PI * p.N! * p.T!) / 60 / 1000,
  },
  {
    id: 'cylinder_push',
    unit: 'N',
    rel_tol: 0.01,
    space: { D: [20, 25, 32, 40, 50, 63, 80, 100], P: [0.3, 0.4, 0.5, 0.6, 0.7] },
    question: (p) => `シリンダ内径${fmt(p.D!)} mmのエアシリンダに${fmt(p.P!)} MPaの空気圧を加えた。押し出し側の理論推力はいくらか。摩擦などの損失は無視する。`,
    compute: (p) => (p.P! * Math.PI * p.D! ** 2) / 4,
  },
  {
    id: 'cylinder_pull',
    unit: 'N',
    rel_tol: 0.01,
    space: { D: [40, 50, 63, 80, 100], d: [16, 20, 25], P: [0.4, 0.5, 0.6] },
    question: (p) => `シリンダ内径${fmt(p.D!)} mm、ロッド径${fmt(p.d!)} mmのエアシリンダに${fmt(p.P!)} MPaの空気圧を加えた。引き込み側の理論推力はいくらか。損失は無視する。`,
    compute: (p) => (p.P! * Math.PI * (p.D! ** 2 - p.d! ** 2)) / 4,
  },
  {
    id: 'hydraulic_press',
    unit: 'kN',
    rel_tol: 0.01,
    space: { D: [50, 63, 80, 100, 125, 160], P: [7, 10, 14, 21] },
    question: (p) => `油圧プレスのシリンダ内径が${fmt(p.D!)} mm、作動油の圧力が${fmt(p.P!)} MPaである。このシリンダが発生する理論加圧力はいくらか。`,
    compute: (p) => (p.P! * Math.PI * p.D! ** 2) / 4 / 1000,
  },
  {
    id: 'heat_load_water',
    unit: 'kJ',
    rel_tol: 0.01,
    space: { m: range(20, 300, 20), dT: range(5, 60, 5) },
    question: (p) => `洗浄槽の水${fmt(p.m!)} kgを${fmt(p.dT!)} K温めるのに必要な熱量はいくらか。水の比熱は4.19 kJ/(kg·K)とし、熱損失は無視する。`,
    compute: (p) => p.m! * 4.19 * p.dT!,
  },
  {
    id: 'heater_time',
    unit: 'min',
    rel_tol: 0.01,
    space: { m: range(50, 400, 50), dT: range(10, 50, 5), P: [3, 5, 6, 9, 12] },
    question: (p) => `${fmt(p.P!)} kWのヒーターで、タンクの水${fmt(p.m!)} kgの温度を${fmt(p.dT!)} ℃上げたい。熱損失がなく、ヒーターの熱がすべて水に伝わるとすると、加熱に何分かかるか。水の比熱は4.19 kJ/(kg·K)とする。`,
    compute: (p) => (p.m! * 4.19 * p.dT!) / p.P! / 60,
  },
  {
    id: 'cooling_power',
    unit: 'kW',
    rel_tol: 0.01,
    space: { q: range(10, 120, 10), dT: range(3, 15, 1) },
    question: (p) => `冷却水が毎分${fmt(p.q!)} Lの流量で金型を通り、出口の水温が入口より${fmt(p.dT!)} ℃高い。冷却水が持ち去っている熱量（毎秒あたり）はいくらか。水の密度は1 kg/L、比熱は4.19 kJ/(kg·K)とする。`,
    compute: (p) => (p.q! / 60) * 4.19 * p.dT!,
  },
  {
    id: 'final_temperature',
    unit: '℃',
    rel_tol: 0.002,
    temperature: 'absolute',
    space: { m: range(20, 200, 20), T0: [10, 15, 20, 25], Q: range(2000, 20000, 1000) },
    question: (p) => `${fmt(p.T0!)} ℃の水${fmt(p.m!)} kgに${fmt(p.Q!)} kJの熱を加えた。熱損失がないとすると、水の温度は何℃になるか。水の比熱は4.19 kJ/(kg·K)とし、水は沸騰しないものとする。`,
    compute: (p) => p.T0! + p.Q! / (p.m! * 4.19),
  },
  {
    id: 'reducer_speed',
    unit: 'min⁻¹',
    rel_tol: 0.005,
    space: { N: [1450, 1750, 1800, 3000], i: [5, 10, 15, 20, 25, 30, 40, 50, 60] },
    question: (p) => `回転速度${fmt(p.N!)} min⁻¹のモータに減速比1/${fmt(p.i!)}の減速機を取り付けた。減速機の出力軸の回転速度はいくらか。`,
    compute: (p) => p.N! / p.i!,
  },
  {
    id: 'reducer_torque',
    unit: 'N·m',
    rel_tol: 0.01,
    space: { T: [2, 4, 5, 7.5, 10, 12, 20], i: [5, 10, 15, 20, 30, 50], eta: [0.85, 0.9, 0.95] },
    question: (p) => `モータ軸のトルクが${fmt(p.T!)} N·mで、減速比1/${fmt(p.i!)}、伝達効率${fmt(p.eta! * 100)} %の減速機を通す。出力軸のトルクはいくらか。`,
    compute: (p) => p.T! * p.i! * p.eta!,
  },
  {
    id: 'gear_ratio',
    unit: '',
    rel_tol: 0.001,
    space: { z1: [12, 15, 16, 18, 20, 24], z2: [36, 40, 45, 48, 60, 72, 90] },
    question: (p) => `歯数${fmt(p.z1!)}の駆動歯車が歯数${fmt(p.z2!)}の従動歯車をかみ合って回している。この歯車対の減速比（駆動側回転速度÷従動側回転速度）はいくらか。`,
    compute: (p) => p.z2! / p.z1!,
  },
  {
    id: 'pulley_speed',
    unit: 'min⁻¹',
    rel_tol: 0.005,
    space: { N: [1450, 1750, 2900], D1: [80, 100, 125, 150], D2: [200, 250, 300, 400] },
    question: (p) => `回転速度${fmt(p.N!)} min⁻¹のモータに直径${fmt(p.D1!)} mmのプーリを付け、Vベルトで直径${fmt(p.D2!)} mmのプーリを回す。ベルトの滑りを無視すると、従動プーリの回転速度はいくらか。`,
    compute: (p) => (p.N! * p.D1!) / p.D2!,
  },
  {
    id: 'conveyor_speed',
    unit: 'm/min',
    rel_tol: 0.01,
    space: { D: [100, 150, 200, 250, 300], N: [20, 30, 40, 50, 60] },
    question: (p) => `直径${fmt(p.D!)} mmの駆動プーリが${fmt(p.N!)} min⁻¹で回っているベルトコンベヤがある。ベルトの滑りと厚さを無視すると、ベルトの速度はいくらか。`,
    compute: (p) => (Math.PI * p.D! * p.N!) / 1000,
  },
  {
    id: 'thermal_expansion',
    unit: 'mm',
    rel_tol: 0.01,
    space: { L: [0.5, 1, 1.5, 2, 3, 5], dT: range(20, 100, 10), metal: [0, 1] },
    question: (p) =>
      `長さ${fmt(p.L!)} mの${p.metal === 0 ? '鋼製' : 'アルミニウム製'}のシャフトの温度が${fmt(p.dT!)} ℃上昇した。線膨張係数を${p.metal === 0 ? '11.7' : '23'}×10⁻⁶ /Kとすると、伸びはいくらか。`,
    compute: (p) => (p.metal === 0 ? 11.7e-6 : 23e-6) * p.L! * 1000 * p.dT!,
  },
  {
    id: 'lifting_load',
    unit: 'kN',
    rel_tol: 0.01,
    space: { m: range(200, 3000, 100), n: [1, 2, 4] },
    question: (p) => `質量${fmt(p.m!)} kgの金型を、${fmt(p.n!)}本のワイヤロープで均等に吊り上げる。ロープ1本にかかる張力はいくらか。重力加速度は9.8 m/s²とし、ロープは鉛直とする。`,
    compute: (p) => (p.m! * 9.8) / p.n! / 1000,
  },
];

export function findTemplate(id: string): UnitCalcTemplate | undefined {
  return UNIT_CALC_TEMPLATES.find((t) => t.id === id);
}

/** The gold written as the checker accepts it: 4 significant figures and the unit. */
export function goldText(value: number, unit: string): string {
  const rounded = Number(value.toPrecision(4));
  return unit ? `${rounded} ${unit}` : String(rounded);
}
