import path from 'node:path';
import type { Command } from 'commander';
import { validateBuiltinDatasets } from '../suites/validate-builtin.js';
import { validateGeneratedSuites } from '../suites/validate-generated.js';
import { validateHallucinationItems } from '../suites/validate-halluc.js';
import { validateIndustrial } from '../suites/validate-industrial.js';
import { categoryTable, CATEGORIES_FILE } from '../suites/categories.js';
import { checkSuiteComponents } from '../suites/check.js';
import { findSuiteFiles, loadSuiteFile } from '../suites/load-suite.js';
import type { Suite } from '../suites/schema.js';
import { auditSuites, type SuiteAudit } from '../suites/audit/audit-suites.js';
import { formatAudit, MAX_EXCESS_OVER_CHANCE } from '../suites/audit/audit.js';
import { builtinDatasetsDir, builtinSuitesDir } from '../util/paths.js';
import { errorMessage } from '../util/errors.js';

interface ValidateFlags {
  datasetsDir: string;
  suitesDir?: string;
  dataDir?: string;
  json?: boolean;
  audit: boolean;
}

/** Problems the audit adds: a failed or unreadable suite whose audit is enforced. */
function auditProblems(audits: SuiteAudit[]): string[] {
  return audits.flatMap((a) => {
    if (!a.enforced) return [];
    if (a.status === 'error') return [`${a.suite}: artifact audit could not read the items: ${a.reason ?? ''}`];
    if (a.report?.failed) {
      const w = a.report.worst;
      return [
        `${a.suite}: artifact audit failed: choice-only baseline "${w.name}" (${w.description}) scores ${(w.accuracy * 100).toFixed(1)}% against chance ${(a.report.chance * 100).toFixed(1)}% (more than ${MAX_EXCESS_OVER_CHANCE * 100} points above)`,
      ];
    }
    return [];
  });
}

export function registerValidateCommand(program: Command, io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream }, setExit: (code: number) => void): void {
  program
    .command('validate')
    .description(
      "check every suite file and jpeval's own items (schema, unique ids, gold among choices, duplicates, kuromoji; generated golds score correct; hallucination golds pass their own grader, fabricated names absent from the real list and the corpus), and audit choice suites for answers guessable from the choices alone",
    )
    .option('--datasets-dir <dir>', 'built-in item files to check', builtinDatasetsDir)
    .option('--suites-dir <dir>', 'extra directory of suite files')
    .option('--data-dir <dir>', 'upstream data, so public choice suites are audited too (default: $JPEVAL_DATA_DIR)')
    .option('--no-audit', 'skip the artifact audit')
    .option('--json', 'print the whole report as JSON')
    .action(async (flags: ValidateFlags) => {
      const problems: string[] = [];
      const suites: Suite[] = [];
      // Every suite file on its own, so one broken file does not hide the problems of the others.
      const names = new Map<string, string>();
      for (const dir of [builtinSuitesDir, ...(flags.suitesDir ? [flags.suitesDir] : [])]) {
        for (const file of await findSuiteFiles(dir)) {
          try {
            const suite = await loadSuiteFile(file);
            checkSuiteComponents(suite);
            const other = names.get(suite.name);
            if (other) problems.push(`suite name "${suite.name}" is defined twice: ${other} and ${suite.file}`);
            names.set(suite.name, suite.file);
            suites.push(suite);
          } catch (err) {
            problems.push(errorMessage(err));
          }
        }
      }
      // Every shipped suite's category is declared once (title, averaging, OVERALL); a user's own
      // suites may use new categories (they average by mean and count toward OVERALL).
      try {
        const table = categoryTable();
        for (const suite of suites) {
          if (path.resolve(suite.file).startsWith(builtinSuitesDir)) {
            if (!(suite.category in table)) problems.push(`${suite.file}: category "${suite.category}" is not declared in ${CATEGORIES_FILE}`);
          }
        }
      } catch (err) {
        problems.push(errorMessage(err));
      }
      const report = await validateBuiltinDatasets(flags.datasetsDir);
      problems.push(...report.errors);
      const generated = await validateGeneratedSuites(suites);
      problems.push(...generated.errors);
      const halluc = await validateHallucinationItems(flags.datasetsDir);
      problems.push(...halluc.errors);
      // The industrial suites: gold programs pass their vectors, gold numbers match their parameters.
      const industrial = await validateIndustrial(flags.datasetsDir);
      problems.push(...industrial.errors);

      const audits = flags.audit ? await auditSuites(suites, { dataDir: flags.dataDir }) : [];
      problems.push(...auditProblems(audits));

      if (flags.json) {
        io.stdout.write(`${JSON.stringify({ ok: problems.length === 0, suites: suites.length, problems, builtin: report.stats, generated: generated.stats, hallucination: halluc.stats, industrial: industrial.stats, audit: audits }, null, 2)}\n`);
        if (problems.length) setExit(1);
        return;
      }
      const auditLines = audits.map((a) =>
        a.report ? `  ${formatAudit(a.suite, a.report)}${a.enforced ? '' : ' (reported, not enforced)'}` : `  ${a.suite}: not audited (${a.status === 'no_data' ? 'data not present' : a.reason ?? ''})`,
      );
      if (auditLines.length) io.stdout.write(`artifact audit (choice-only baselines):\n${auditLines.join('\n')}\n`);
      if (problems.length) {
        io.stderr.write(`${problems.join('\n')}\n\n${problems.length} problem(s) found\n`);
        setExit(1);
        return;
      }
      const stats = { builtin: report.stats, generated: generated.stats, hallucination: halluc.stats, industrial: industrial.stats };
      io.stdout.write(
        `ok: ${suites.length} suite files valid; built-in items: ${JSON.stringify(stats.builtin)}; generator suites: ${JSON.stringify(stats.generated)}; hallucination items: ${JSON.stringify(stats.hallucination)}; industrial items: ${JSON.stringify(stats.industrial)}\n`,
      );
    });
}
