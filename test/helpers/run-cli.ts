import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(projectRoot, 'bin/jpeval.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI (bin/jpeval.js → dist/) as a subprocess, asynchronously so that an in-process
 * fake server can answer it. `onStderr` sees progress as it arrives (e.g. to send SIGINT mid-run).
 */
function freshCacheDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'jpeval-test-cache-'));
}

export function runCli(
  args: string[],
  options: {
    cwd?: string;
    env?: Record<string, string | undefined>;
    timeoutMs?: number;
    onStderr?: (chunk: string, kill: (sig: NodeJS.Signals) => void) => void;
    /** Called as soon as the process is started (e.g. to kill it at a chosen moment). */
    onSpawn?: (kill: (sig: NodeJS.Signals) => void) => void;
  } = {},
): Promise<CliResult> {
  if (!existsSync(path.join(projectRoot, 'dist/src/cli/main.js'))) {
    throw new Error('dist/ is missing: run `npm run build` (npm test does it) before the CLI tests');
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd ?? projectRoot,
      // The response cache is on by default for local models: without a cache directory of the test's
      // own, a run would be answered from another test's (or the user's) entries and learn nothing.
      env: { ...process.env, CI: 'true', NO_COLOR: '1', JPEVAL_CACHE_DIR: freshCacheDir(), ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    options.onSpawn?.((sig) => child.kill(sig));
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      const chunk = d.toString();
      stderr += chunk;
      options.onStderr?.(chunk, (sig) => child.kill(sig));
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
