/**
 * A judge-scored generation suite (MT-Bench style) over `judged/questions.jsonl` under the data
 * dir; `scoring` is the YAML after its prompt: a `judge:` block or a `metrics:` list.
 */
export const miniJudgeSuite = (scoring: string): string => `name: mini-judge
version: 1
title: Mini judge
source: { kind: upstream, benchmark: MINI }
category: GEN
task: generation
dataset:
  loader: jsonl
  splits: { test: judged/questions.jsonl }
  split: test
  fields: { id: id, gold: reference, gold_type: text }
prompt:
  format: chat
  template: "{{question}}"
${scoring}`;
