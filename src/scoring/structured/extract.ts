/**
 * Reading a JSON answer out of free model output: code fences (```json … ```), leading or trailing
 * prose, several candidate blocks. Strict JSON only (no comments, no trailing commas): an answer a
 * program could not read is reported as such, with the reason.
 */
export type JsonExtraction = { ok: true; value: unknown; text: string } | { ok: false; reason: 'empty' | 'no_json' | 'invalid_json' };

/** End index (inclusive) of the balanced bracket starting at `start`, honouring JSON strings; -1 if none. */
export function balancedEnd(text: string, start: number): number {
  const open = text[start];
  const close = open === '{' ? '}' : ']';
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth += ch === open ? 1 : 0;
    else if (ch === close) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** The first outermost object or array in the text that parses (blocks that do not parse are skipped whole). */
function firstBalanced(text: string): { value: unknown; text: string } | null {
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '{' && ch !== '[') continue;
    const end = balancedEnd(text, i);
    if (end === -1) continue;
    const candidate = text.slice(i, end + 1);
    const parsed = tryParse(candidate);
    if (parsed.ok && parsed.value !== null && typeof parsed.value === 'object') return { value: parsed.value, text: candidate };
    // A block that does not parse (a trailing comma, a comment) is skipped whole: an object nested in
    // it is a fragment of the answer, not the answer (it would be misreported as a schema mismatch).
    i = end;
  }
  return null;
}

const FENCE = /```[a-zA-Z]*[ \t]*\r?\n?([\s\S]*?)```/g;

/**
 * The answer's JSON: the contents of the first code fence that parse (whole, or its first balanced
 * block), else the first balanced `{…}` / `[…]` in the text that parses. Reasons when there is none:
 * `empty` (blank output), `no_json` (no brace or bracket at all), `invalid_json` (something that
 * looks like JSON but does not parse).
 */
export function extractJson(raw: string): JsonExtraction {
  if (raw.trim() === '') return { ok: false, reason: 'empty' };
  for (const m of raw.matchAll(FENCE)) {
    const body = m[1]!.trim();
    const whole = tryParse(body);
    if (whole.ok && whole.value !== null && typeof whole.value === 'object') return { ok: true, value: whole.value, text: body };
    const inner = firstBalanced(body);
    if (inner) return { ok: true, ...inner };
  }
  const found = firstBalanced(raw);
  if (found) return { ok: true, ...found };
  return { ok: false, reason: /[{[]/.test(raw) ? 'invalid_json' : 'no_json' };
}
