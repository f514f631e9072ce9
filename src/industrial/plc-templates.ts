import type { StTest } from '../plc/run-vectors.js';

/**
 * ind-plc-st templates: a Japanese specification, the variable interface, a gold program and the
 * test vectors + invariants that the checker runs. Parameters vary the names, times and counts.
 * Timing checks leave one scan of slack on each side of a timer's preset, so any correct use of
 * TON/TOF passes whatever its place in the scan.
 */

export interface PlcParams {
  [k: string]: string | number;
}
export interface PlcTemplate {
  id: string;
  space: Record<string, readonly (string | number)[]>;
  /**
   * Wider value lists for generated items: the generator draws from the values here that are not in
   * `space` (the frozen set enumerates all of `space`, so drawing from it would repeat frozen items).
   */
  fresh?: Record<string, readonly (string | number)[]>;
  spec(p: PlcParams): string;
  /** Interface lines shown to the model: name, type, meaning. */
  io(p: PlcParams): { inputs: [string, string, string][]; outputs: [string, string, string][] };
  program(p: PlcParams): string;
  test(p: PlcParams): StTest;
}

const SCAN = 10;

/** min, min + step, …, max. */
export function grid(min: number, max: number, step: number): number[] {
  return Array.from({ length: Math.floor((max - min) / step) + 1 }, (_, i) => min + i * step);
}
const s = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000}秒` : `${ms / 1000}秒`);
const t = (ms: number): string => `T#${ms}ms`;

function decl(io: ReturnType<PlcTemplate['io']>, extra = ''): string {
  const ins = io.inputs.map(([n, ty]) => `  ${n} : ${ty};`).join('\n');
  const outs = io.outputs.map(([n, ty]) => `  ${n} : ${ty};`).join('\n');
  return `VAR_INPUT\n${ins}\nEND_VAR\nVAR_OUTPUT\n${outs}\nEND_VAR\n${extra ? `VAR\n${extra}\nEND_VAR\n` : ''}`;
}

const MOTOR_NAMES = [
  { start: 'PB_START', stop: 'PB_STOP', out: 'MC_MOTOR', what: 'コンベヤ用モータ' },
  { start: 'START_PB', stop: 'STOP_PB', out: 'PUMP_RUN', what: '給水ポンプ' },
  { start: 'BTN_ON', stop: 'BTN_OFF', out: 'FAN_RUN', what: '排気ファン' },
  { start: 'ST_SW', stop: 'STP_SW', out: 'MIXER', what: '攪拌機' },
];

const selfHold: PlcTemplate = {
  id: 'self_hold',
  space: { names: [0, 1, 2, 3] },
  spec: (p) => {
    const n = MOTOR_NAMES[p.names as number]!;
    return `${n.what}の運転回路を作る。起動押しボタン${n.start}を押すと${n.out}がONになり、ボタンを離してもONを保持する（自己保持）。停止押しボタン${n.stop}を押すと${n.out}はOFFになる。${n.start}と${n.stop}が同時に押されているときは停止を優先する。停止ボタンはa接点（押すとTRUE）として扱う。`;
  },
  io: (p) => {
    const n = MOTOR_NAMES[p.names as number]!;
    return { inputs: [[n.start, 'BOOL', '起動押しボタン'], [n.stop, 'BOOL', '停止押しボタン、押すとTRUE']], outputs: [[n.out, 'BOOL', `${n.what}の運転指令`]] };
  },
  program: (p) => {
    const n = MOTOR_NAMES[p.names as number]!;
    return `PROGRAM SelfHold\n${decl(selfHold.io(p))}${n.out} := (${n.start} OR ${n.out}) AND NOT ${n.stop};\nEND_PROGRAM`;
  },
  test: (p): StTest => {
    const n = MOTOR_NAMES[p.names as number]!;
    return {
      scan_ms: SCAN,
      interface: { inputs: [n.start, n.stop], outputs: [n.out] },
      vectors: [
        { name: '起動して保持し停止する', steps: [
          { scans: 3, expect_always: { [n.out]: false } },
          { set: { [n.start]: true }, expect: { [n.out]: true } },
          { set: { [n.start]: false }, scans: 20, expect_always: { [n.out]: true } },
          { set: { [n.stop]: true }, expect: { [n.out]: false } },
          { set: { [n.stop]: false }, scans: 10, expect_always: { [n.out]: false } },
        ] },
        { name: '同時押しは停止優先', steps: [
          { set: { [n.start]: true, [n.stop]: true }, scans: 3, expect_always: { [n.out]: false } },
          { set: { [n.stop]: false }, expect: { [n.out]: true } },
          { set: { [n.start]: false, [n.stop]: true }, expect: { [n.out]: false } },
        ] },
      ],
    };
  },
};

const fwdRev: PlcTemplate = {
  id: 'forward_reverse',
  space: { names: [0, 1, 2], dwell: [0, 500, 1000, 2000] },
  fresh: { dwell: grid(300, 3000, 100) },
  spec: (p) => {
    const [f, r, st, of, or] = FR_NAMES[p.names as number]!;
    const dwell = p.dwell as number;
    return `モータの正転・逆転回路を作る。正転ボタン${f}を押すと正転出力${of}が、逆転ボタン${r}を押すと逆転出力${or}がONになり、それぞれボタンを離しても自己保持する。停止ボタン${st}（押すとTRUE）でどちらもOFFになる。運転中に反対方向のボタンが押されても無視する（インタロック）。${of}と${or}が同時にONになることは、1スキャンたりとも許されない。${dwell > 0 ? `さらに、停止してから${s(dwell)}経過するまでは、どちらの方向にも起動できないようにする。` : ''}`;
  },
  io: (p) => {
    const [f, r, st, of, or] = FR_NAMES[p.names as number]!;
    return { inputs: [[f, 'BOOL', '正転押しボタン'], [r, 'BOOL', '逆転押しボタン'], [st, 'BOOL', '停止押しボタン、押すとTRUE']], outputs: [[of, 'BOOL', '正転出力'], [or, 'BOOL', '逆転出力']] };
  },
  program: (p) => {
    const [f, r, st, of, or] = FR_NAMES[p.names as number]!;
    const dwell = p.dwell as number;
    if (dwell === 0) {
      return `PROGRAM FwdRev\n${decl(fwdRev.io(p))}${of} := (${f} OR ${of}) AND NOT ${st} AND NOT ${or};\n${or} := (${r} OR ${or}) AND NOT ${st} AND NOT ${of};\nEND_PROGRAM`;
    }
    return `PROGRAM FwdRev\n${decl(fwdRev.io(p), '  IDLE_T : TON;\n  READY : BOOL;')}IDLE_T(IN := NOT ${of} AND NOT ${or}, PT := ${t(dwell)});\nREADY := IDLE_T.Q;\n${of} := ((${f} AND READY) OR ${of}) AND NOT ${st} AND NOT ${or};\n${or} := ((${r} AND READY) OR ${or}) AND NOT ${st} AND NOT ${of};\nEND_PROGRAM`;
  },
  test: (p): StTest => {
    const [f, r, st, of, or] = FR_NAMES[p.names as number]!;
    const dwell = p.dwell as number;
    const wait = dwell + 2 * SCAN;
    return {
      scan_ms: SCAN,
      interface: { inputs: [f, r, st], outputs: [of, or] },
      invariants: [{ expr: `NOT (${of} AND ${or})`, label: '正転と逆転が同時にONしない' }],
      vectors: [
        { name: '正転中の逆転ボタンは無視', steps: [
          { scans: Math.ceil(wait / SCAN) },
          { set: { [f]: true }, expect: { [of]: true, [or]: false } },
          { set: { [f]: false, [r]: true }, scans: 5, expect_always: { [of]: true, [or]: false } },
          { set: { [r]: false, [st]: true }, expect: { [of]: false, [or]: false } },
        ] },
        { name: '停止後に逆転', steps: [
          { scans: Math.ceil(wait / SCAN) },
          { set: { [r]: true }, expect: { [or]: true } },
          { set: { [r]: false }, scans: 5, expect_always: { [or]: true, [of]: false } },
          { set: { [st]: true }, expect: { [or]: false } },
          { set: { [st]: false }, ms: wait },
          { set: { [f]: true }, expect: { [of]: true, [or]: false } },
        ] },
        { name: '両方同時に押す', steps: [{ scans: Math.ceil(wait / SCAN) }, { set: { [f]: true, [r]: true }, scans: 5 }] },
        ...(dwell > 0
          ? [{ name: '停止直後は起動できない', steps: [
              { scans: Math.ceil(wait / SCAN) },
              { set: { [f]: true }, expect: { [of]: true } },
              { set: { [f]: false, [st]: true }, expect: { [of]: false } },
              { set: { [st]: false, [r]: true }, ms: dwell - 3 * SCAN, expect_always: { [or]: false, [of]: false } },
              { ms: 6 * SCAN, expect: { [or]: true } },
            ] }]
          : []),
      ],
    };
  },
};
const FR_NAMES: [string, string, string, string, string][] = [
  ['PB_FWD', 'PB_REV', 'PB_STOP', 'MC_F', 'MC_R'],
  ['FWD_BTN', 'REV_BTN', 'STOP_BTN', 'FWD', 'REV'],
  ['SW_CW', 'SW_CCW', 'SW_STOP', 'RUN_CW', 'RUN_CCW'],
];

export const PLC_TEMPLATES_A: PlcTemplate[] = [selfHold, fwdRev];
export { decl, SCAN, s, t };
