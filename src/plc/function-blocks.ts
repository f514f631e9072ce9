import type { FbType } from './ast.js';

/**
 * The IEC 61131-3 standard function blocks the subset supports. Each instance is a record of its
 * inputs, outputs and hidden state; `run` executes one call at the current time (ms). Times are
 * milliseconds, as TIME values are everywhere in the interpreter.
 */

export type FbField = boolean | number;
export interface FbInstance {
  type: FbType;
  fields: Record<string, FbField>;
  /** Which fields are inputs (assignable in a call), with their types. */
  inputs: Record<string, 'BOOL' | 'INT' | 'TIME'>;
  outputs: Record<string, 'BOOL' | 'INT' | 'TIME'>;
  state: Record<string, FbField>;
}

const SPECS: Record<FbType, { inputs: FbInstance['inputs']; outputs: FbInstance['outputs'] }> = {
  TON: { inputs: { IN: 'BOOL', PT: 'TIME' }, outputs: { Q: 'BOOL', ET: 'TIME' } },
  TOF: { inputs: { IN: 'BOOL', PT: 'TIME' }, outputs: { Q: 'BOOL', ET: 'TIME' } },
  TP: { inputs: { IN: 'BOOL', PT: 'TIME' }, outputs: { Q: 'BOOL', ET: 'TIME' } },
  CTU: { inputs: { CU: 'BOOL', R: 'BOOL', PV: 'INT' }, outputs: { Q: 'BOOL', CV: 'INT' } },
  CTD: { inputs: { CD: 'BOOL', LD: 'BOOL', PV: 'INT' }, outputs: { Q: 'BOOL', CV: 'INT' } },
  R_TRIG: { inputs: { CLK: 'BOOL' }, outputs: { Q: 'BOOL' } },
  F_TRIG: { inputs: { CLK: 'BOOL' }, outputs: { Q: 'BOOL' } },
  SR: { inputs: { S1: 'BOOL', R: 'BOOL' }, outputs: { Q1: 'BOOL' } },
  RS: { inputs: { S: 'BOOL', R1: 'BOOL' }, outputs: { Q1: 'BOOL' } },
};

export function createFb(type: FbType): FbInstance {
  const spec = SPECS[type];
  const fields: Record<string, FbField> = {};
  for (const [k, t] of Object.entries({ ...spec.inputs, ...spec.outputs })) fields[k] = t === 'BOOL' ? false : 0;
  return { type, fields, inputs: spec.inputs, outputs: spec.outputs, state: { running: false, start: 0, prev: false } };
}

const INT_MAX = 32767;

/** Executes one call of the instance with its current input fields at time `now` (ms). */
export function runFb(fb: FbInstance, now: number): void {
  const f = fb.fields;
  const s = fb.state;
  switch (fb.type) {
    case 'TON':
      if (!f.IN) {
        f.Q = false;
        f.ET = 0;
        s.running = false;
      } else {
        if (!s.running) {
          s.running = true;
          s.start = now;
        }
        f.ET = Math.min(now - (s.start as number), f.PT as number);
        f.Q = (f.ET as number) >= (f.PT as number);
      }
      break;
    case 'TOF':
      if (f.IN) {
        f.Q = true;
        f.ET = 0;
        s.running = false;
      } else if (f.Q) {
        if (!s.running) {
          s.running = true;
          s.start = now;
        }
        f.ET = Math.min(now - (s.start as number), f.PT as number);
        if ((f.ET as number) >= (f.PT as number)) {
          f.Q = false;
          s.running = false;
        }
      }
      break;
    case 'TP':
      if (!s.running && f.IN && !s.prev) {
        s.running = true;
        s.start = now;
      }
      if (s.running) {
        f.ET = Math.min(now - (s.start as number), f.PT as number);
        f.Q = (f.ET as number) < (f.PT as number);
        if (!f.Q) s.running = false;
      } else if (!f.IN) {
        f.ET = 0;
        f.Q = false;
      }
      s.prev = f.IN as boolean;
      break;
    case 'CTU':
      if (f.R) f.CV = 0;
      else if (f.CU && !s.prev && (f.CV as number) < INT_MAX) f.CV = (f.CV as number) + 1;
      s.prev = f.CU as boolean;
      f.Q = (f.CV as number) >= (f.PV as number);
      break;
    case 'CTD':
      if (f.LD) f.CV = f.PV as number;
      else if (f.CD && !s.prev && (f.CV as number) > -INT_MAX - 1) f.CV = (f.CV as number) - 1;
      s.prev = f.CD as boolean;
      f.Q = (f.CV as number) <= 0;
      break;
    case 'R_TRIG':
      f.Q = (f.CLK as boolean) && !s.prev;
      s.prev = f.CLK as boolean;
      break;
    case 'F_TRIG':
      f.Q = !f.CLK && (s.prev as boolean);
      s.prev = f.CLK as boolean;
      break;
    case 'SR':
      f.Q1 = (f.S1 as boolean) || (!f.R && (f.Q1 as boolean));
      break;
    case 'RS':
      f.Q1 = !f.R1 && ((f.S as boolean) || (f.Q1 as boolean));
      break;
  }
}
