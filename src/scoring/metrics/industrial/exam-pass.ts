import type { CorpusMetric, MetricInput } from '../../types.js';

/**
 * ind-exam-style pass rules, per exam, applied to the suite's items of that exam. Each exam's own
 * published rule (the style we follow; no exam text is used):
 *  - 危険物取扱者 乙種第4類: at least 60 % in each of the three sections (法令, 物理・化学, 性質・消火);
 *  - 第二種電気工事士 筆記: at least 60 % overall;
 *  - 機械保全技能士 (学科): at least 65 % overall.
 * Per-item statistics: [belongs to this exam (0/1), section index, correct (0/1)]; the value is 1
 * when the rule is met on the evaluated items, else 0 (and 0 when the run holds none of the exam's items).
 */
export const EXAM_RULES: Record<string, { title: string; sections: string[]; min: number; perSection: boolean }> = {
  otsu4: { title: '危険物取扱者乙種第4類', sections: ['法令', '物理化学', '性質消火'], min: 0.6, perSection: true },
  denko2: { title: '第二種電気工事士', sections: ['一般'], min: 0.6, perSection: false },
  hozen: { title: '機械保全技能士', sections: ['学科'], min: 0.65, perSection: false },
};

export function sectionRates(stats: number[][], sectionCount: number): { correct: number[]; total: number[] } {
  const correct = new Array<number>(sectionCount).fill(0);
  const total = new Array<number>(sectionCount).fill(0);
  for (const [mine, section, ok] of stats) {
    if (mine !== 1 || section === undefined) continue;
    total[section] = (total[section] ?? 0) + 1;
    correct[section] = (correct[section] ?? 0) + (ok ?? 0);
  }
  return { correct, total };
}

function examPass(exam: string): CorpusMetric {
  const rule = EXAM_RULES[exam]!;
  return {
    kind: 'corpus',
    name: `exam_pass_${exam}`,
    description: `${rule.title}-style items: 1 when the exam's pass rule holds (${rule.perSection ? 'each section' : 'overall'} ≥ ${rule.min * 100} %), else 0.`,
    range: [0, 1],
    stats(input: MetricInput) {
      const { item } = input;
      if (item.vars.exam !== exam) return [0, 0, 0];
      const section = rule.perSection ? rule.sections.indexOf(String(item.vars.section)) : 0;
      if (section < 0) throw new Error(`item ${item.id}: section "${String(item.vars.section)}" is not one of ${rule.sections.join(', ')}`);
      const correct = input.predictedIndex !== undefined && input.predictedIndex === item.goldIndex ? 1 : 0;
      return [1, section, correct];
    },
    reduce(stats) {
      const { correct, total } = sectionRates(stats, rule.sections.length);
      if (total.every((t) => t === 0)) return 0;
      if (rule.perSection) return total.every((t, i) => t > 0 && (correct[i] as number) / t >= rule.min - 1e-12) ? 1 : 0;
      const all = total.reduce((a, b) => a + b, 0);
      return correct.reduce((a, b) => a + b, 0) / all >= rule.min - 1e-12 ? 1 : 0;
    },
  };
}

export const examPassMetrics: CorpusMetric[] = Object.keys(EXAM_RULES).map(examPass);
