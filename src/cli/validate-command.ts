import type { Command } from 'commander';
import { validateBuiltinDatasets } from '../suites/validate-builtin.js';
import { validateGeneratedSuites } from '../suites/validate-generated.js';
import type { Suite } from '../suites/schema.js';
import { validateHallucinationItems } from '../suites/validate-halluc.js';
import { validateIndustrial } from '../suites/validate-industrial.js';
import { checkSuiteComponents } from '../suites/check.js';
import { findSuiteFiles, loadSuiteFile } from '../suites/load-suite.js';
import { builtinDatasetsDir, builtinSuitesDir } from '../util/paths.js';
import { errorMessage } from '../util/errors.js';

export function registerValidateCommand(program: Command, io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream }, setExit: (code: number) => void): void {
  program
    .command('validate')
    .description("check every suite file and jpeval's own items (schema, unique ids, gold among choices, duplicates, kuromoji; hallucination golds pass their own grader, fabricated names absent from the real list and the corpus)")
    .option('--datasets-dir <dir>', 'built-in item files to check', builtinDatasetsDir)
    .option('--suites-dir <dir>', 'extra directory of suite files')
    .action(async (flags: { datasetsDir: string; suitesDir?: string }) => {
      const problems: string[] = [];
      let suiteCount = 0;
      // Every suite file on its own, so one broken file does not hide the problems of the others.
      const names = new Map<string, string>();
      const loaded: Suite[] = [];
      for (const dir of [builtinSuitesDir, ...(flags.suitesDir ? [flags.suitesDir] : [])]) {
        for (const file of await findSuiteFiles(dir)) {
          try {
            const suite = await loadSuiteFile(file);
            suiteCount += 1;
            checkSuiteComponents(suite);
            const other = names.get(suite.name);
            if (other) problems.push(`suite name "${suite.name}" is defined twice: ${other} and ${suite.file}`);
            names.set(suite.name, suite.file);
            loaded.push(suite);
          } catch (err) {
            problems.push(errorMessage(err));
          }
        }
      }
      const report = await validateBuiltinDatasets(flags.datasetsDir);
      problems.push(...report.errors);
      const generated = await validateGeneratedSuites(loaded);
      problems.push(...generated.errors);
      const halluc = await validateHallucinationItems(flags.datasetsDir);
      problems.push(...halluc.errors);
      // The industrial suites: gold programs pass their vectors, gold numbers match their parameters.
      const industrial = await validateIndustrial(flags.datasetsDir);
      problems.push(...industrial.errors);
      if (problems.length) {
        io.stderr.write(`${problems.join('\n')}\n\n${problems.length} problem(s) found\n`);
        setExit(1);
        return;
      }
      const stats = { builtin: report.stats, generated: generated.stats, hallucination: halluc.stats, industrial: industrial.stats };
      io.stdout.write(
        `ok: ${suiteCount} suite files valid; built-in items: ${JSON.stringify(stats.builtin)}; generator suites: ${JSON.stringify(stats.generated)}; hallucination items: ${JSON.stringify(stats.hallucination)}; industrial items: ${JSON.stringify(stats.industrial)}\n`,
      );
    });
}
