import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/run-cli.js';

/**
 * `jpeval tui` in a real terminal (tmux), driven by keys as a user would: pick a built-in suite
 * and the default model, run it, watch it finish, open an item, go back, resize to 60×20 and
 * back, quit with q — and the shell prompt is back. No captured line is wider than the terminal.
 * CI=true is set for the test run; only the child process gets it unset.
 */
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
// The suite's size, from its item file (it grows with suite versions).
const N = readFileSync(path.join(projectRoot, 'datasets/builtin/ja-particles.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).length;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const session = `jpeval-tui-test-${process.pid}`;
const tmux = (...args: string[]): string => execFileSync('tmux', args).toString();
const capture = (): string => tmux('capture-pane', '-p', '-t', session);
const keys = (...k: string[]): void => void tmux('send-keys', '-t', session, ...k);
const typed = (text: string): void => void tmux('send-keys', '-t', session, '-l', text);

async function waitFor(what: string | RegExp, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const screen = capture();
    if (typeof what === 'string' ? screen.includes(what) : what.test(screen)) return screen;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(what)}; screen:\n${screen}`);
    await sleep(100);
  }
}

function expectFits(screen: string, columns: number, rows: number): void {
  const lines = screen.replace(/\n+$/, '').split('\n');
  expect(lines.length).toBeLessThanOrEqual(rows);
  for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
}

describe.skipIf(!hasTmux)('jpeval tui in a real terminal', () => {
  afterAll(() => {
    spawnSync('tmux', ['kill-session', '-t', session]);
  });

  it('picks, runs, watches, browses, survives a resize, and quits back to the shell', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'jpeval-tui-tmux-'));
    const out = path.join(dir, 'out');
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', '-c', dir, 'env PS1="READY$ " bash --norc --noprofile');
    await waitFor('READY$');
    typed(`env -u CI node '${path.join(projectRoot, 'bin/jpeval.js')}' tui --out '${out}'; echo EXIT=$?`);
    keys('Enter');

    // Pick: filter the suites to ja-particles, pick it; the default model is picked already.
    await waitFor(new RegExp(`ja-particles +LING +builtin +${N} items`));
    keys('/');
    typed('particles');
    keys('Enter');
    await waitFor('filter: particles');
    keys('Space');
    await waitFor('[x] ja-particles');
    keys('Enter');

    // Watch it run to the end.
    let screen = await waitFor(/completed in \S+ · Enter: browse results/, 60_000);
    expect(screen).toMatch(new RegExp(`ja-particles × default +█+ ${N}/${N}`));
    expect(screen).toMatch(/accuracy \d\.\d{3} \[\d\.\d{3}, \d\.\d{3}\]/);
    expect(screen).toMatch(/[✓✗] particles-\d{3}/);
    expectFits(screen, 100, 30);

    // Browse: results → items → one item → back.
    keys('Enter');
    await waitFor(/sorted by suite/);
    keys('Enter');
    await waitFor(/particles-001 +\S/);
    keys('Enter');
    screen = await waitFor(new RegExp(`particles-001 \\(1/${N}\\)[^]*gold`));
    expect(screen).toMatch(/prompt\n +次の文の（　）に入る/);
    expectFits(screen, 100, 30);
    keys('Escape');
    await sleep(300);
    screen = await waitFor(new RegExp(`${N}/${N} items · filter all`));

    // Resize to 60×20: re-laid out, nothing wider or taller than the terminal; and back.
    tmux('resize-window', '-t', session, '-x', '60', '-y', '20');
    await sleep(800);
    screen = await waitFor(/particles-0\d\d/);
    expectFits(screen, 60, 20);
    expect(screen.split('\n').filter((l) => /particles-\d{3}/.test(l)).length).toBeGreaterThanOrEqual(10);
    tmux('resize-window', '-t', session, '-x', '100', '-y', '30');
    await sleep(800);
    screen = await waitFor(new RegExp(`${N}/${N} items · filter all \\(f\\) · / id · Enter: open`));
    expectFits(screen, 100, 30);

    // q quits: the alternate screen is gone and the shell prompt is back.
    keys('q');
    screen = await waitFor(/EXIT=0\nREADY\$/);
    expect(screen).not.toContain('jpeval tui ·');
    expect(screen).toMatch(/last run: .*run\.json, samples\.jsonl/);

    const [runId] = await readdir(out);
    const run = JSON.parse(await readFile(path.join(out, runId!, 'run.json'), 'utf8')) as { status: string; results: { suite: string; n: number }[] };
    expect(run.status).toBe('completed');
    expect(run.results).toMatchObject([{ suite: 'ja-particles', n: N }]);
  });
});
