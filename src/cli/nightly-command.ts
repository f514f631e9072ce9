import { appendFile, readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadNightlyConfig } from '../nightly/config.js';
import { runNightly } from '../nightly/nightly.js';

interface NightlyFlags {
  config: string;
  failOnRegression?: boolean;
  progress: boolean;
}

export function registerNightlyCommand(program: Command, io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream }, setExit: (code: number) => void): void {
  program
    .command('nightly')
    .description('run the nightly models × suites, append to the history, flag regressions against the last comparable night, publish the site')
    .requiredOption('-c, --config <file>', 'nightly config (YAML): models, suites, history, site, regression margin, throughput band, canary')
    .option('--fail-on-regression', 'exit 1 when a regression (or canary drift) is flagged, or the run did not complete')
    .option('--no-progress', 'no progress lines on stderr')
    .action(async (flags: NightlyFlags) => {
      const cfg = await loadNightlyConfig(flags.config);
      const warn = (m: string): void => void io.stderr.write(`jpeval: ${m}\n`);
      const report = await runNightly(cfg, flags.progress ? { progress: io.stderr, warn } : { warn });
      const canary = report.canary ? `, canary ${report.canary.drift ? 'DRIFT' : 'ok'}` : '';
      const lines: string[] = [];
      lines.push(`nightly ${report.run_id}: ${report.comparisons.length} comparison(s), ${report.regressions.length} regression(s), ${report.improvements.length} improvement(s), ${report.throughput.length} throughput flag(s)${canary}`);
      for (const r of report.regressions) {
        lines.push(`REGRESSION ${r.model} × ${r.suite}: ${r.metric} ${String(r.baseline)} → ${String(r.current)} (Δ ${r.difference.toFixed(4)}, p_holm ${r.p_holm.toPrecision(3)}, ${r.lost} items lost)`);
      }
      lines.push(`wrote ${cfg.reportDir}/regressions.json, ${cfg.reportDir}/summary.md; site ${cfg.site}/index.html; history ${cfg.history}`);
      io.stdout.write(`${lines.join('\n')}\n`);
      // In GitHub Actions the summary also goes to the job page.
      const stepSummary = process.env.GITHUB_STEP_SUMMARY;
      if (stepSummary) {
        await appendFile(stepSummary, await readFile(`${cfg.reportDir}/summary.md`, 'utf8'));
      }
      // An incomplete night (a model failed, items errored) fails too: its missing results hide regressions.
      setExit((report.regression || report.status !== 'completed') && flags.failOnRegression ? 1 : 0);
    });
}
