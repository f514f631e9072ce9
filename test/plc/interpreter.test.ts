import { describe, expect, it } from 'vitest';
import { checkStAnswer, type StTest } from '../../src/plc/run-vectors.js';
import { parseProgram } from '../../src/plc/parser.js';
import { Machine } from '../../src/plc/interpreter.js';
import { StError } from '../../src/plc/errors.js';

const SEAL_IN = `PROGRAM SealIn
VAR_INPUT START : BOOL; STOP : BOOL; END_VAR
VAR_OUTPUT MOTOR : BOOL; END_VAR
MOTOR := (START OR MOTOR) AND NOT STOP;
END_PROGRAM`;

const sealTest: StTest = {
  scan_ms: 10,
  interface: { inputs: ['START', 'STOP'], outputs: ['MOTOR'] },
  vectors: [
    { name: 'start-hold-stop', steps: [
      { set: { START: true }, expect: { MOTOR: true } },
      { set: { START: false }, scans: 5, expect_always: { MOTOR: true } },
      { set: { STOP: true }, expect: { MOTOR: false } },
      { set: { STOP: false }, scans: 3, expect_always: { MOTOR: false } },
    ] },
    { name: 'stop-wins', steps: [{ set: { START: true, STOP: true }, expect: { MOTOR: false } }] },
  ],
};

function run(source: string, steps = 1, setup?: (m: Machine) => void): Machine {
  const m = new Machine(parseProgram(source));
  setup?.(m);
  for (let i = 0; i < steps; i++) {
    m.scan();
    m.now += 10;
  }
  return m;
}

describe('ST checker', () => {
  it('passes a correct self-holding circuit', () => {
    expect(checkStAnswer(SEAL_IN, sealTest)).toMatchObject({ pass: true, code: 'pass', vectors_passed: 2 });
  });

  it('fails a latch that is never reset, naming the vector and scan', () => {
    const never = SEAL_IN.replace('MOTOR := (START OR MOTOR) AND NOT STOP;', 'IF START THEN MOTOR := TRUE; END_IF;');
    const v = checkStAnswer(never, sealTest);
    expect(v).toMatchObject({ pass: false, code: 'wrong_output', vectors_passed: 0, failure: { vector: 'start-hold-stop', variable: 'MOTOR', expected: false, actual: true, scan: 6 } });
  });

  it('reads programs wrapped in markdown fences and prose', () => {
    const answer = `以下が自己保持回路のプログラムです。\n\n\`\`\`iecst\n${SEAL_IN}\n\`\`\`\n\nSTOPを優先しています。`;
    expect(checkStAnswer(answer, sealTest).code).toBe('pass');
    expect(checkStAnswer(`説明：\n${SEAL_IN}\n以上です。`, sealTest).code).toBe('pass');
    expect(checkStAnswer('申し訳ありませんが書けません。', sealTest).code).toBe('no_program');
  });

  it('reports syntax errors with the line and column in the answer', () => {
    const broken = `はい。\n\`\`\`\nPROGRAM P\nVAR_INPUT START : BOOL; STOP : BOOL; END_VAR\nVAR_OUTPUT MOTOR : BOOL; END_VAR\nMOTOR = START;\nEND_PROGRAM\n\`\`\``;
    const v = checkStAnswer(broken, sealTest);
    expect(v.code).toBe('syntax_error');
    expect(v.line).toBe(6);
    expect(v.col).toBe(7);
    expect(v.message).toContain(':=');
    const unclosed = checkStAnswer('PROGRAM P\nVAR x : BOOL; END_VAR\nIF x THEN x := FALSE;\nEND_PROGRAM', sealTest);
    expect(unclosed).toMatchObject({ code: 'syntax_error', line: 4, col: 1 });
  });

  it('reports undeclared names and missing interface variables', () => {
    expect(checkStAnswer(SEAL_IN.replace('NOT STOP', 'NOT STP'), sealTest)).toMatchObject({ code: 'semantic_error', line: 4 });
    expect(checkStAnswer(SEAL_IN.replace(/STOP/g, 'HALT'), sealTest)).toMatchObject({ code: 'missing_variable' });
  });

  it('stops an endless loop with the step budget', () => {
    const loop = `PROGRAM P\nVAR_INPUT START : BOOL; STOP : BOOL; END_VAR\nVAR_OUTPUT MOTOR : BOOL; END_VAR\nVAR i : INT; END_VAR\nWHILE TRUE DO\n  i := i + 1;\nEND_WHILE;\nEND_PROGRAM`;
    const v = checkStAnswer(loop, sealTest, { stepBudget: 5000 });
    expect(v).toMatchObject({ code: 'budget_exceeded', line: 5 });
  });

  it('checks invariants at every scan (never FWD and REV together)', () => {
    const test: StTest = {
      scan_ms: 10,
      interface: { inputs: ['F_BTN', 'R_BTN', 'STOP'], outputs: ['FWD', 'REV'] },
      invariants: [{ expr: 'NOT (FWD AND REV)', label: 'FWD and REV never together' }],
      vectors: [{ name: 'both', steps: [{ set: { F_BTN: true }, expect: { FWD: true } }, { set: { F_BTN: false, R_BTN: true }, scans: 2, expect: { FWD: true, REV: false } }] }],
    };
    const noInterlock = `PROGRAM P\nVAR_INPUT F_BTN, R_BTN, STOP : BOOL; END_VAR\nVAR_OUTPUT FWD, REV : BOOL; END_VAR\nFWD := (F_BTN OR FWD) AND NOT STOP;\nREV := (R_BTN OR REV) AND NOT STOP;\nEND_PROGRAM`;
    expect(checkStAnswer(noInterlock, test)).toMatchObject({ code: 'invariant_violated', failure: { vector: 'both', scan: 1, invariant: 'NOT (FWD AND REV)' } });
    const interlocked = noInterlock.replace('AND NOT STOP;\nREV', 'AND NOT STOP AND NOT REV;\nREV').replace('REV) AND NOT STOP;', 'REV) AND NOT STOP AND NOT FWD;');
    expect(checkStAnswer(interlocked, test).code).toBe('pass');
  });
});

describe('ST interpreter', () => {
  it('runs TON on scan time', () => {
    const src = `PROGRAM P\nVAR START : BOOL; T1 : TON; LAMP : BOOL; END_VAR\nT1(IN := START, PT := T#50ms);\nLAMP := T1.Q;\nEND_PROGRAM`;
    const m = run(src, 5, (mm) => mm.write('START', true));
    expect(m.read('LAMP')).toBe(false); // scans at 0..40 ms
    m.scan();
    expect(m.read('LAMP')).toBe(true); // at 50 ms
  });

  it('runs TOF, CTU with reset, R_TRIG/F_TRIG and SR/RS', () => {
    const src = `PROGRAM P
VAR IN1 : BOOL; T2 : TOF; C : CTU; RT : R_TRIG; FT : F_TRIG; L1 : SR; L2 : RS;
  OUT1, DONE, UP, DOWN, Q1, Q2, RST : BOOL; N : INT; END_VAR
T2(IN := IN1, PT := T#30ms); OUT1 := T2.Q;
RT(CLK := IN1); UP := RT.Q; FT(CLK := IN1); DOWN := FT.Q;
C(CU := IN1, R := RST, PV := 2, Q => DONE, CV => N);
L1(S1 := IN1, R := TRUE); Q1 := L1.Q1; L2(S := IN1, R1 := TRUE); Q2 := L2.Q1;
END_PROGRAM`;
    const m = new Machine(parseProgram(src));
    const scan = (in1: boolean): void => {
      m.write('IN1', in1);
      m.scan();
      m.now += 10;
    };
    scan(true);
    expect([m.read('OUT1'), m.read('UP'), m.read('N'), m.read('Q1'), m.read('Q2')]).toEqual([true, true, 1, true, false]);
    scan(false);
    expect([m.read('OUT1'), m.read('DOWN'), m.read('UP')]).toEqual([true, true, false]);
    scan(true);
    expect([m.read('N'), m.read('DONE')]).toEqual([2, true]);
    scan(false);
    scan(false);
    scan(false);
    scan(false);
    expect(m.read('OUT1')).toBe(false);
    m.write('RST', true);
    scan(false);
    expect([m.read('N'), m.read('DONE')]).toEqual([0, false]);
  });

  it('runs CASE, FOR with EXIT, integer arithmetic and conversions', () => {
    const src = `PROGRAM P
VAR STEP : INT := 2; OUT : INT; SUM : INT; I : INT; R : REAL; K : INT; END_VAR
CASE STEP OF
  1: OUT := 10;
  2, 3: OUT := 20;
  4..6: OUT := 30;
ELSE OUT := 0;
END_CASE;
SUM := 0;
FOR I := 1 TO 10 BY 1 DO
  IF I > 4 THEN EXIT; END_IF;
  SUM := SUM + I;
END_FOR;
R := INT_TO_REAL(7) / 2.0;
K := 7 / 2 + 7 MOD 3 + REAL_TO_INT(2.5);
END_PROGRAM`;
    const m = run(src);
    expect([m.read('OUT'), m.read('SUM'), m.read('R'), m.read('K')]).toEqual([20, 10, 3.5, 7]);
  });

  it('rejects a REAL assigned to an INT and assignment to a timer output', () => {
    expect(() => run('PROGRAM P\nVAR K : INT; END_VAR\nK := 2.5;\nEND_PROGRAM')).toThrow(StError);
    expect(() => run('PROGRAM P\nVAR T1 : TON; END_VAR\nT1.Q := TRUE;\nEND_PROGRAM')).toThrow(/not an input/);
  });

  it('wraps INT overflow and reports division by zero as a runtime error', () => {
    const m = run('PROGRAM P\nVAR K : INT := 32767; END_VAR\nK := K + 1;\nEND_PROGRAM');
    expect(m.read('K')).toBe(-32768);
    expect(() => run('PROGRAM P\nVAR K : INT; Z : INT; END_VAR\nK := 5 / Z;\nEND_PROGRAM')).toThrow(/division by zero/);
  });

  it('accepts variables bound to direct addresses (AT %IX0.0)', () => {
    const src = 'PROGRAM P\nVAR_INPUT START AT %IX0.0 : BOOL; STOP AT %IX0.1 : BOOL; END_VAR\nVAR_OUTPUT MOTOR AT %QX0.0 : BOOL; END_VAR\nMOTOR := (START OR MOTOR) AND NOT STOP;\nEND_PROGRAM';
    expect(checkStAnswer(src, sealTest).code).toBe('pass');
  });

  it('is case-insensitive and accepts comments of all three kinds', () => {
    const m = run('program p\n(* (* nested *) *)\nvar k : int; end_var // line\n/* block */ K := k + 1;\nend_program');
    expect(m.read('K')).toBe(1);
  });
});
