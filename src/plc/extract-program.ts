/**
 * Finding the ST program in a model's answer: models wrap code in markdown fences and add prose
 * before and after. Order of preference: a fenced block that contains PROGRAM; otherwise the text
 * from the first `PROGRAM <name>` to the last `END_PROGRAM`. Returns null when there is no program.
 */
export interface ExtractedProgram {
  source: string;
  /** Line of the answer where the program starts (1-based), so errors can be mapped back. */
  startLine: number;
}

const FENCE = /```[^\n]*\n([\s\S]*?)```/g;

export function extractProgram(raw: string): ExtractedProgram | null {
  for (const m of raw.matchAll(FENCE)) {
    const body = m[1] as string;
    if (/\bPROGRAM\b/i.test(body)) {
      const inner = sliceProgram(body);
      const offset = raw.slice(0, (m.index as number) + m[0].indexOf('\n') + 1).split('\n').length - 1;
      if (inner) return { source: inner.source, startLine: offset + inner.startLine };
    }
  }
  return sliceProgram(raw);
}

function sliceProgram(text: string): ExtractedProgram | null {
  const start = /^[ \t]*PROGRAM\b/im.exec(text) ?? /\bPROGRAM\s+[A-Za-z_]/i.exec(text);
  if (!start) return null;
  const from = start.index + (start[0].length - start[0].trimStart().length);
  const endRe = /\bEND_PROGRAM\b;?/gi;
  let end = -1;
  for (const m of text.matchAll(endRe)) end = (m.index as number) + m[0].length;
  // No END_PROGRAM: keep the rest, so the parser reports the missing END_PROGRAM with a position.
  const source = end > from ? text.slice(from, end).replace(/;$/, '') : text.slice(from);
  return { source, startLine: text.slice(0, from).split('\n').length };
}
