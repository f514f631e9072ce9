import type { StStep, StTest } from '../plc/run-vectors.js';
import type { PlcParams, PlcTemplate } from './plc-templates.js';
import { decl, grid, SCAN, t } from './plc-templates.js';

/** Timer, counter and sequence templates of ind-plc-st (see plc-templates.ts for the shape). */

const sec = (ms: number): string => `${ms / 1000}秒`;
const n = (p: PlcParams, k: string): number => p[k] as number;

const onDelay: PlcTemplate = {
  id: 'on_delay',
  space: { ms: [500, 1000, 1500, 2000, 3000, 5000, 8000, 10000], names: [0, 1] },
  fresh: { ms: grid(300, 12000, 100) },
  spec: (p) => {
    const [i, o] = n(p, 'names') === 0 ? ['SENSOR', 'ALARM_LAMP'] : ['DOOR_OPEN', 'BUZZER'];
    return `入力${i}が${sec(n(p, 'ms'))}以上続けてONになったら出力${o}をONにする。${i}がOFFになったら${o}はすぐにOFFにし、経過時間はリセットする（${sec(n(p, 'ms'))}未満のONでは${o}はONにならない）。`;
  },
  io: (p) => {
    const [i, o] = n(p, 'names') === 0 ? ['SENSOR', 'ALARM_LAMP'] : ['DOOR_OPEN', 'BUZZER'];
    return { inputs: [[i, 'BOOL', '監視する入力']], outputs: [[o, 'BOOL', '遅れてONする出力']] };
  },
  program: (p) => {
    const io = onDelay.io(p);
    const [i, o] = [io.inputs[0]![0], io.outputs[0]![0]];
    return `PROGRAM OnDelay\n${decl(io, '  T1 : TON;')}T1(IN := ${i}, PT := ${t(n(p, 'ms'))});\n${o} := T1.Q;\nEND_PROGRAM`;
  },
  test: (p): StTest => {
    const io = onDelay.io(p);
    const [i, o] = [io.inputs[0]![0], io.outputs[0]![0]];
    const ms = n(p, 'ms');
    return {
      scan_ms: SCAN,
      interface: { inputs: [i], outputs: [o] },
      vectors: [
        { name: '短いONでは出力しない', steps: [{ set: { [i]: true }, ms: ms - 3 * SCAN, expect_always: { [o]: false } }, { set: { [i]: false }, scans: 5, expect_always: { [o]: false } }, { set: { [i]: true }, ms: ms - 3 * SCAN, expect_always: { [o]: false } }] },
        { name: '設定時間後にON、OFFで即OFF', steps: [{ set: { [i]: true }, ms: ms + 3 * SCAN, expect: { [o]: true } }, { set: { [i]: false }, expect: { [o]: false } }] },
      ],
    };
  },
};

const offDelay: PlcTemplate = {
  id: 'off_delay',
  space: { ms: [1000, 2000, 3000, 4000, 5000, 6000, 8000, 10000] },
  fresh: { ms: grid(1000, 12000, 100) },
  spec: (p) => `集じん機の運転指令RUN_CMDがONの間、集じんファンFANを運転する。RUN_CMDがOFFになってもFANはすぐに止めず、${sec(n(p, 'ms'))}後にOFFにする（残留粉じんの排出）。その${sec(n(p, 'ms'))}の間にRUN_CMDが再びONになったら、FANは運転を続ける。`,
  io: () => ({ inputs: [['RUN_CMD', 'BOOL', '運転指令']], outputs: [['FAN', 'BOOL', '集じんファン']] }),
  program: (p) => `PROGRAM OffDelay\n${decl(offDelay.io(p), '  T_OFF : TOF;')}T_OFF(IN := RUN_CMD, PT := ${t(n(p, 'ms'))});\nFAN := T_OFF.Q;\nEND_PROGRAM`,
  test: (p): StTest => {
    const ms = n(p, 'ms');
    return {
      scan_ms: SCAN,
      interface: { inputs: ['RUN_CMD'], outputs: ['FAN'] },
      vectors: [
        { name: '停止後しばらく運転', steps: [{ scans: 3, expect_always: { FAN: false } }, { set: { RUN_CMD: true }, scans: 10, expect: { FAN: true } }, { set: { RUN_CMD: false }, ms: ms - 3 * SCAN, expect_always: { FAN: true } }, { ms: 6 * SCAN, expect: { FAN: false } }] },
        { name: '途中で再起動', steps: [{ set: { RUN_CMD: true }, scans: 5 }, { set: { RUN_CMD: false }, ms: ms / 2 }, { set: { RUN_CMD: true }, scans: 2 }, { set: { RUN_CMD: false }, ms: ms - 3 * SCAN, expect_always: { FAN: true } }] },
      ],
    };
  },
};

const counter: PlcTemplate = {
  id: 'counter',
  space: { pv: [2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20] },
  fresh: { pv: grid(2, 30, 1) },
  spec: (p) => `コンベヤ上のワークを光電センサWORK_SENで数える。センサがOFFからONに変わるたびに1個と数え、${n(p, 'pv')}個に達したら箱詰め完了ランプFULL_LAMPをONにし、コンベヤ運転出力CONV_RUNをOFFにする。リセットボタンRESET_PBを押すと計数を0に戻し、FULL_LAMPをOFF、CONV_RUNをONに戻す。計数値はCOUNT（INT）に出力する。${n(p, 'pv')}個に達するまではCONV_RUNはONである。`,
  io: () => ({
    inputs: [['WORK_SEN', 'BOOL', 'ワーク検出センサ'], ['RESET_PB', 'BOOL', 'リセットボタン']],
    outputs: [['FULL_LAMP', 'BOOL', '箱詰め完了ランプ'], ['CONV_RUN', 'BOOL', 'コンベヤ運転'], ['COUNT', 'INT', '計数値']],
  }),
  program: (p) => `PROGRAM Counter\n${decl(counter.io(p), '  C1 : CTU;')}C1(CU := WORK_SEN, R := RESET_PB, PV := ${n(p, 'pv')});\nFULL_LAMP := C1.Q;\nCONV_RUN := NOT C1.Q;\nCOUNT := C1.CV;\nEND_PROGRAM`,
  test: (p): StTest => {
    const pv = n(p, 'pv');
    const pulse = (k: number): StStep[] => [
      { set: { WORK_SEN: true }, scans: 3, expect: { COUNT: k } },
      { set: { WORK_SEN: false }, scans: 2 },
    ];
    const steps: StStep[] = [];
    for (let k = 1; k < pv; k++) steps.push(...pulse(k));
    return {
      scan_ms: SCAN,
      interface: { inputs: ['WORK_SEN', 'RESET_PB'], outputs: ['FULL_LAMP', 'CONV_RUN', 'COUNT'] },
      vectors: [
        { name: '規定数で完了', steps: [{ scans: 2, expect: { CONV_RUN: true, FULL_LAMP: false, COUNT: 0 } }, ...steps, { set: { WORK_SEN: true }, scans: 1, expect: { FULL_LAMP: true, CONV_RUN: false, COUNT: pv } }, { set: { WORK_SEN: false }, scans: 5, expect_always: { FULL_LAMP: true } }, { set: { RESET_PB: true }, expect: { FULL_LAMP: false, CONV_RUN: true, COUNT: 0 } }] },
        { name: 'ONし続けても1個', steps: [{ set: { WORK_SEN: true }, scans: 30, expect: { COUNT: 1 } }] },
      ],
    };
  },
};

const starDelta: PlcTemplate = {
  id: 'star_delta',
  space: { ms: [2000, 3000, 4000, 5000, 8000], gap: [50, 100, 200] },
  fresh: { ms: grid(2000, 10000, 100), gap: grid(50, 300, 10) },
  spec: (p) => `スターデルタ始動回路を作る。起動ボタンSTART（押すとTRUE）で主接触器MC_MAINとスター接触器MC_STARをONにし、起動ボタンを離しても運転を保持する。${sec(n(p, 'ms'))}後にMC_STARをOFFにし、さらに${n(p, 'gap')}ミリ秒後にデルタ接触器MC_DELTAをONにする。MC_STARとMC_DELTAは絶対に同時にONにしてはならない。停止ボタンSTOP（押すとTRUE）で全出力をOFFにする。`,
  io: () => ({
    inputs: [['START', 'BOOL', '起動ボタン'], ['STOP', 'BOOL', '停止ボタン、押すとTRUE']],
    outputs: [['MC_MAIN', 'BOOL', '主接触器'], ['MC_STAR', 'BOOL', 'スター接触器'], ['MC_DELTA', 'BOOL', 'デルタ接触器']],
  }),
  program: (p) =>
    `PROGRAM StarDelta\n${decl(starDelta.io(p), '  T_STAR : TON;\n  T_GAP : TON;')}MC_MAIN := (START OR MC_MAIN) AND NOT STOP;\nT_STAR(IN := MC_MAIN, PT := ${t(n(p, 'ms'))});\nT_GAP(IN := T_STAR.Q, PT := ${t(n(p, 'gap'))});\nMC_STAR := MC_MAIN AND NOT T_STAR.Q AND NOT MC_DELTA;\nMC_DELTA := MC_MAIN AND T_GAP.Q AND NOT MC_STAR;\nEND_PROGRAM`,
  test: (p): StTest => {
    const ms = n(p, 'ms');
    const gap = n(p, 'gap');
    return {
      scan_ms: SCAN,
      interface: { inputs: ['START', 'STOP'], outputs: ['MC_MAIN', 'MC_STAR', 'MC_DELTA'] },
      invariants: [{ expr: 'NOT (MC_STAR AND MC_DELTA)', label: 'スターとデルタが同時にONしない' }, { expr: 'NOT (MC_DELTA AND NOT MC_MAIN)', label: 'デルタは主接触器ON中のみ' }],
      vectors: [
        { name: '始動から運転', steps: [
          { set: { START: true }, scans: 2, expect: { MC_MAIN: true, MC_STAR: true, MC_DELTA: false } },
          { set: { START: false }, ms: ms - 5 * SCAN, expect_always: { MC_MAIN: true, MC_STAR: true, MC_DELTA: false } },
          { ms: 8 * SCAN, expect: { MC_STAR: false, MC_DELTA: false } },
          { ms: gap + 5 * SCAN, expect: { MC_STAR: false, MC_DELTA: true, MC_MAIN: true } },
          { set: { STOP: true }, expect: { MC_MAIN: false, MC_STAR: false, MC_DELTA: false } },
        ] },
        { name: '再始動もスターから', steps: [
          { set: { START: true }, scans: 2 },
          { set: { START: false }, ms: ms + gap + 10 * SCAN, expect: { MC_DELTA: true } },
          { set: { STOP: true }, scans: 2 },
          { set: { STOP: false, START: true }, scans: 2, expect: { MC_STAR: true, MC_DELTA: false } },
        ] },
      ],
    };
  },
};

const cascade: PlcTemplate = {
  id: 'conveyor_cascade',
  space: { ms: [1000, 2000, 3000, 4000, 5000, 6000] },
  fresh: { ms: grid(1000, 8000, 100) },
  spec: (p) => `2台のコンベヤを順に起動・停止する。起動ボタンSTART_PB（押すとTRUE）を押すと下流側コンベヤCV2をすぐに起動し、その${sec(n(p, 'ms'))}後に上流側コンベヤCV1を起動する（起動ボタンは押してすぐ離してよい）。停止ボタンSTOP_PB（押すとTRUE）を押すとCV1をすぐに停止し、CV2は${sec(n(p, 'ms'))}後に停止する（ベルト上のワークを送り切るため）。CV1がONでCV2がOFFという状態には決してならないこと。`,
  io: () => ({ inputs: [['START_PB', 'BOOL', '起動ボタン'], ['STOP_PB', 'BOOL', '停止ボタン、押すとTRUE']], outputs: [['CV1', 'BOOL', '上流側コンベヤ'], ['CV2', 'BOOL', '下流側コンベヤ']] }),
  program: (p) =>
    `PROGRAM Cascade\n${decl(cascade.io(p), '  RUN : BOOL;\n  T_ON : TON;\n  T_OFF : TOF;')}RUN := (START_PB OR RUN) AND NOT STOP_PB;\nT_ON(IN := RUN, PT := ${t(n(p, 'ms'))});\nT_OFF(IN := RUN, PT := ${t(n(p, 'ms'))});\nCV2 := T_OFF.Q;\nCV1 := T_ON.Q AND CV2;\nEND_PROGRAM`,
  test: (p): StTest => {
    const ms = n(p, 'ms');
    return {
      scan_ms: SCAN,
      interface: { inputs: ['START_PB', 'STOP_PB'], outputs: ['CV1', 'CV2'] },
      invariants: [{ expr: 'NOT (CV1 AND NOT CV2)', label: '上流だけが動く状態にしない' }],
      vectors: [
        { name: '順次起動・順次停止', steps: [
          { set: { START_PB: true }, scans: 2, expect: { CV2: true, CV1: false } },
          { set: { START_PB: false }, ms: ms - 5 * SCAN, expect_always: { CV2: true, CV1: false } },
          { ms: 8 * SCAN, expect: { CV1: true, CV2: true } },
          { set: { STOP_PB: true }, scans: 2, expect: { CV1: false, CV2: true } },
          { set: { STOP_PB: false }, ms: ms - 5 * SCAN, expect_always: { CV1: false, CV2: true } },
          { ms: 8 * SCAN, expect: { CV1: false, CV2: false } },
        ] },
      ],
    };
  },
};

const guard: PlcTemplate = {
  id: 'press_guard',
  space: { ms: [200, 300, 400, 500] },
  fresh: { ms: grid(150, 600, 10) },
  spec: (p) => `プレスの起動条件を作る。左右の起動ボタンBTN_L、BTN_Rの両方が押され、かつ安全ガードが閉じている（GUARD_OKがTRUE）ときだけ、プレス下降出力PRESS_DOWNをONにする。両ボタンの押し始めのずれが${n(p, 'ms')}ミリ秒を超えた場合は起動しない（一度両方を離すまで起動できない）。どちらかのボタンを離すか、ガードが開いたら、PRESS_DOWNは直ちにOFFにする。`,
  io: () => ({ inputs: [['BTN_L', 'BOOL', '左起動ボタン'], ['BTN_R', 'BOOL', '右起動ボタン'], ['GUARD_OK', 'BOOL', '安全ガード、閉じているときTRUE']], outputs: [['PRESS_DOWN', 'BOOL', 'プレス下降']] }),
  program: (p) =>
    `PROGRAM TwoHand\n${decl(guard.io(p), '  T_SYNC : TON;\n  LOCKED : BOOL;')}T_SYNC(IN := BTN_L OR BTN_R, PT := ${t(n(p, 'ms'))});\nIF NOT BTN_L AND NOT BTN_R THEN\n  LOCKED := FALSE;\nELSIF T_SYNC.Q AND NOT PRESS_DOWN THEN\n  LOCKED := TRUE;\nEND_IF;\nPRESS_DOWN := BTN_L AND BTN_R AND GUARD_OK AND NOT LOCKED;\nEND_PROGRAM`,
  test: (p): StTest => {
    const ms = n(p, 'ms');
    return {
      scan_ms: SCAN,
      interface: { inputs: ['BTN_L', 'BTN_R', 'GUARD_OK'], outputs: ['PRESS_DOWN'] },
      invariants: [{ expr: 'NOT (PRESS_DOWN AND NOT GUARD_OK)', label: 'ガード開で下降しない' }, { expr: 'NOT (PRESS_DOWN AND NOT (BTN_L AND BTN_R))', label: '両手押し以外で下降しない' }],
      vectors: [
        { name: '同時押しで下降', steps: [{ set: { GUARD_OK: true, BTN_L: true }, scans: 2 }, { set: { BTN_R: true }, scans: 2, expect: { PRESS_DOWN: true } }, { ms: 2 * ms, expect: { PRESS_DOWN: true } }, { set: { BTN_R: false }, expect: { PRESS_DOWN: false } }] },
        { name: 'ガード開では動かない', steps: [{ set: { BTN_L: true, BTN_R: true }, scans: 10, expect_always: { PRESS_DOWN: false } }, { set: { GUARD_OK: true, BTN_L: false, BTN_R: false }, scans: 2 }, { set: { BTN_L: true, BTN_R: true }, scans: 2, expect: { PRESS_DOWN: true } }, { set: { GUARD_OK: false }, expect: { PRESS_DOWN: false } }] },
        { name: '押し始めのずれが大きい', steps: [{ set: { GUARD_OK: true, BTN_L: true }, ms: ms + 10 * SCAN }, { set: { BTN_R: true }, scans: 20, expect_always: { PRESS_DOWN: false } }, { set: { BTN_L: false, BTN_R: false }, scans: 2 }, { set: { BTN_L: true, BTN_R: true }, scans: 2, expect: { PRESS_DOWN: true } }] },
      ],
    };
  },
};

const alarm: PlcTemplate = {
  id: 'alarm_latch',
  space: { names: [0, 1, 2] },
  spec: (p) => {
    const what = ['モータ過負荷', '油圧低下', '非常停止'][n(p, 'names')]!;
    return `${what}の異常信号FAULTがONになったら異常ランプALM_LAMPを点灯し、運転許可RUN_OKをOFFにする。FAULTがOFFに戻っても、ALM_LAMPは点灯したまま、RUN_OKはOFFのままとする。リセットボタンRESET（押すとTRUE）が押されたときにFAULTがOFFであれば、ALM_LAMPを消灯してRUN_OKをONに戻す。FAULTがONのままならリセットは効かない。異常がなければRUN_OKはONである。`;
  },
  io: () => ({ inputs: [['FAULT', 'BOOL', '異常信号'], ['RESET', 'BOOL', 'リセットボタン']], outputs: [['ALM_LAMP', 'BOOL', '異常ランプ'], ['RUN_OK', 'BOOL', '運転許可']] }),
  program: (p) => `PROGRAM Alarm\n${decl(alarm.io(p))}IF FAULT THEN\n  ALM_LAMP := TRUE;\nELSIF RESET THEN\n  ALM_LAMP := FALSE;\nEND_IF;\nRUN_OK := NOT ALM_LAMP;\nEND_PROGRAM`,
  test: (): StTest => ({
    scan_ms: SCAN,
    interface: { inputs: ['FAULT', 'RESET'], outputs: ['ALM_LAMP', 'RUN_OK'] },
    invariants: [{ expr: 'NOT (RUN_OK AND ALM_LAMP)', label: '異常表示中は運転許可を出さない' }],
    vectors: [
      { name: '異常の保持とリセット', steps: [{ scans: 2, expect: { RUN_OK: true, ALM_LAMP: false } }, { set: { FAULT: true }, expect: { ALM_LAMP: true, RUN_OK: false } }, { set: { FAULT: false }, scans: 10, expect_always: { ALM_LAMP: true, RUN_OK: false } }, { set: { RESET: true }, expect: { ALM_LAMP: false, RUN_OK: true } }] },
      { name: '異常中のリセットは無効', steps: [{ set: { FAULT: true }, scans: 2 }, { set: { RESET: true }, scans: 5, expect_always: { ALM_LAMP: true, RUN_OK: false } }, { set: { FAULT: false, RESET: false }, scans: 3, expect: { ALM_LAMP: true } }] },
    ],
  }),
};

const level: PlcTemplate = {
  id: 'level_control',
  space: { names: [0, 1] },
  spec: (p) => {
    const tank = n(p, 'names') === 0 ? '受水槽' : '切削油タンク';
    return `${tank}の水位制御。下限フロートスイッチLS_LOWがOFF（水位が下限より下）になったら給水ポンプPUMPを起動し、上限フロートスイッチLS_HIGHがON（水位が上限に達した）になったら停止する。その間（下限と上限の間）は直前の状態を保つ。LS_HIGHがONの間はPUMPを起動しない。`;
  },
  io: () => ({ inputs: [['LS_LOW', 'BOOL', '下限フロートスイッチ、水位が下限以上でTRUE'], ['LS_HIGH', 'BOOL', '上限フロートスイッチ、水位が上限以上でTRUE']], outputs: [['PUMP', 'BOOL', '給水ポンプ']] }),
  program: (p) => `PROGRAM Level\n${decl(level.io(p))}PUMP := (NOT LS_LOW OR PUMP) AND NOT LS_HIGH;\nEND_PROGRAM`,
  test: (): StTest => ({
    scan_ms: SCAN,
    interface: { inputs: ['LS_LOW', 'LS_HIGH'], outputs: ['PUMP'] },
    invariants: [{ expr: 'NOT (PUMP AND LS_HIGH)', label: '上限で給水しない' }],
    vectors: [
      { name: '給水サイクル', steps: [{ set: { LS_LOW: true }, scans: 3, expect: { PUMP: false } }, { set: { LS_LOW: false }, expect: { PUMP: true } }, { set: { LS_LOW: true }, scans: 10, expect_always: { PUMP: true } }, { set: { LS_HIGH: true }, expect: { PUMP: false } }, { set: { LS_HIGH: false }, scans: 10, expect_always: { PUMP: false } }, { set: { LS_LOW: false }, expect: { PUMP: true } }] },
    ],
  }),
};

export const PLC_TEMPLATES_B: PlcTemplate[] = [onDelay, offDelay, counter, starDelta, cascade, guard, alarm, level];
