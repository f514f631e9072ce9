import type { CollectedEntry } from './collect.js';

/** Everything that must be equal for two results on a suite to be ranked together. */
export interface ComparabilityKey {
  suite_version: number;
  suite_file_sha256: string;
  dataset_sha256: string[];
  item_set_sha256: string;
  items: number;
  shots: number;
  choice_mode: string;
  decoding: Record<string, unknown>;
}

/** Model settings that change what is generated (as opposed to how fast). */
const DECODING_SETTING = /^(temperature|top_p|top_k|min_p|max_tokens|max_new_tokens|repetition_penalty|presence_penalty|frequency_penalty|stop|seed|do_sample)$/;

export function comparabilityKey(c: CollectedEntry, suite: string): ComparabilityKey | undefined {
  const result = c.run.results.find((r) => r.model === c.entry.model && r.suite === suite);
  if (!result) return undefined;
  const dataset = c.run.datasets.find((d) => d.suite === suite);
  const model = c.run.models.find((m) => (m.name ?? m.id) === c.entry.model);
  const decoding = Object.fromEntries(Object.entries(model?.settings ?? {}).filter(([k]) => DECODING_SETTING.test(k)).sort(([a], [b]) => a.localeCompare(b)));
  const items = c.perSuite.get(suite);
  return {
    suite_version: result.suite_version,
    suite_file_sha256: dataset?.suite_file_sha256 ?? '',
    dataset_sha256: [...(dataset?.file_hashes ?? [])].sort(),
    item_set_sha256: items?.itemSetHash ?? '',
    items: items?.values.size ?? 0,
    shots: result.shots,
    choice_mode: result.mode,
    decoding,
  };
}

/** Why `key` cannot be ranked with `main`, in words; undefined when they compare. */
export function incomparabilityReason(key: ComparabilityKey, main: ComparabilityKey): string | undefined {
  const reasons: string[] = [];
  if (key.suite_version !== main.suite_version) reasons.push(`suite version ${key.suite_version} vs ${main.suite_version}`);
  else if (key.suite_file_sha256 !== main.suite_file_sha256) reasons.push('suite file differs (same version, different sha256)');
  if (JSON.stringify(key.dataset_sha256) !== JSON.stringify(main.dataset_sha256)) reasons.push('dataset files differ (sha256)');
  if (key.item_set_sha256 !== main.item_set_sha256) reasons.push(`item set differs (${key.items} vs ${main.items} items)`);
  if (key.shots !== main.shots) reasons.push(`shots ${key.shots} vs ${main.shots}`);
  if (key.choice_mode !== main.choice_mode) reasons.push(`choice mode ${key.choice_mode} vs ${main.choice_mode}`);
  const dk = JSON.stringify(key.decoding);
  const dm = JSON.stringify(main.decoding);
  if (dk !== dm) {
    const names = [...new Set([...Object.keys(key.decoding), ...Object.keys(main.decoding)])].filter((k) => JSON.stringify(key.decoding[k]) !== JSON.stringify(main.decoding[k]));
    reasons.push(`decoding differs (${names.join(', ')})`);
  }
  return reasons.length ? reasons.join('; ') : undefined;
}

export interface KeyGroup {
  key: ComparabilityKey;
  members: CollectedEntry[];
  reason?: string;
}

/**
 * Splits the entries that ran `suite` into comparability groups. Group 0 is the largest (ties: the
 * one holding the earliest entry); the others carry the reason they differ from it.
 */
export function groupByComparability(entries: CollectedEntry[], suite: string): KeyGroup[] {
  const groups = new Map<string, KeyGroup>();
  for (const c of entries) {
    const key = comparabilityKey(c, suite);
    if (!key) continue;
    const id = JSON.stringify(key);
    const g = groups.get(id);
    if (g) g.members.push(c);
    else groups.set(id, { key, members: [c] });
  }
  const ordered = [...groups.values()].sort((a, b) => b.members.length - a.members.length);
  const main = ordered[0];
  for (const g of ordered.slice(1)) {
    const reason = incomparabilityReason(g.key, main!.key);
    if (reason) g.reason = reason;
  }
  return ordered;
}
