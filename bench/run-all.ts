/**
 * `npm run bench`: runs the local scoring benchmark on the embedded default model (whose forward
 * pass is almost free, so it shows the harness's fixed cost) and on the bench model (a seeded
 * random Llama-style decoder whose forward pass costs what a small real model's does; built at
 * bench time into the cache), and ends with one JSON line. See bench/README.md.
 *   node dist/bench/run-all.js [--model DIR] [--items N] [--bench-items N] [--threads N] [--batch-size N] [--remote-items N] [--memory-items N]
 * --model DIR benchmarks that model instead of the bench model (the default model still runs).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultModelCacheDir, ensureDefaultModel } from '../src/models/default-model/index.js';
import { BENCH_MODEL_SIZE, ensureBenchModel } from '../src/models/default-model/bench-model.js';
import { parameterCount } from '../src/models/default-model/bench-graph.js';
import { runAggregateBench } from './aggregate.js';
import { runLocalScoringBench, type BenchOptions, type BenchResult } from './local-scoring.js';
import { runRemoteOverheadBench } from './remote-overhead.js';
import { runStartupBench } from './startup.js';
import { runStreamingMemoryBench } from './streaming-memory.js';
import { runTuiBench } from './tui-store.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const int = (name: string) => (arg(name) === undefined ? undefined : Number.parseInt(arg(name)!, 10));

const common: BenchOptions = {};
if (int('--threads')) common.threads = int('--threads')!;
if (int('--batch-size')) common.batchSize = int('--batch-size')!;

const vocabOf = (dir: string) => (JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as { vocab_size: number }).vocab_size;
const log = (l: string) => process.stdout.write(l + '\n');
const defaultDir = await ensureDefaultModel({ log });
const userDir = arg('--model');
const benchDir = userDir ? path.resolve(userDir) : ensureBenchModel(defaultDir, defaultModelCacheDir());
if (!userDir) {
  const s = BENCH_MODEL_SIZE;
  log(
    `bench model: hidden ${s.hidden}, ${s.layers} layers, ${s.heads} heads, SwiGLU ${s.intermediate}, ` +
      `~${(parameterCount(vocabOf(benchDir), s) / 1e6).toFixed(1)}M parameters (${benchDir})`,
  );
}

// Fewer items on the bench model: its forward passes are ~50x dearer and naive scoring runs ~3x more tokens.
const real: BenchResult = await runLocalScoringBench({
  ...common,
  modelDir: benchDir,
  label: userDir ? `local:${benchDir}` : 'bench',
  items: int('--bench-items') ?? 64,
  repeats: 5,
});
log('');
// The default model runs second: process peak RSS only grows, and the bench model's is the headline.
const def: BenchResult = await runLocalScoringBench({ ...common, modelDir: defaultDir, label: 'default', items: int('--items') ?? 200 });

log('');
log('TUI attached vs --progress none (10,000 items, instant fake backend):');
const tui = await runTuiBench({ items: int('--tui-items') ?? 10_000, log });

const pick = (r: BenchResult) => ({
  model: r.model,
  items: r.items,
  raw_forward_items_per_s: r.raw_forward_items_per_s,
  jpeval_items_per_s: r.jpeval_items_per_s,
  naive_items_per_s: r.naive_items_per_s,
  overhead_ratio: r.overhead_ratio,
  prefix_vs_naive_speedup: r.prefix_vs_naive_speedup,
  overhead_ms_per_item: r.overhead_ms_per_item,
  forward_calls: r.forward_calls,
  scoring_peak_rss_mb: r.scoring_peak_rss_mb,
});
log('');
const aggregate = runAggregateBench();
log(`aggregate: summarizeSuite over ${aggregate.items} items (accuracy + bleu, 1000 resamples) in ${aggregate.ms} ms (target < ${aggregate.target_ms} ms)`);
const startup = await runStartupBench();
log(`start-up: --help ${startup.help_s} s, list ${startup.list_s} s, --version ${startup.version_s} s (median)`);
const remote = await runRemoteOverheadBench({ log, ...(int('--remote-items') ? { items: int('--remote-items')! } : {}) });
log(`remote: jpeval ${remote.jpeval_items_per_s} items/s vs bare client ${remote.bare_items_per_s} items/s: ratio ${remote.remote_overhead_ratio}`);
const memory = await runStreamingMemoryBench({ log, ...(int('--memory-items') ? { items: int('--memory-items')! } : {}) });

process.stdout.write(
  JSON.stringify({
    bench: 'local-scoring',
    ...pick(real),
    choices: real.choices,
    batch_size: real.batch_size,
    threads: real.threads,
    default_model: pick(def),
    tui,
    aggregate,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
    startup,
    remote,
    memory_100k: memory,
  }) + '\n',
);
