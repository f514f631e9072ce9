import { describe, expect, it } from 'vitest';
import { whyNotInteractive } from '../../src/tui/start.js';
import { runCli } from '../helpers/run-cli.js';

describe('jpeval tui outside a terminal', () => {
  it('says why and exits 2 under CI', async () => {
    const r = await runCli(['tui'], { env: { CI: 'true' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('jpeval tui: needs an interactive terminal, but CI is set (CI=true)');
    expect(r.stderr).toContain('jpeval run');
    expect(r.stdout).toBe('');
  });

  it('says why and exits 2 when stdin is not a terminal', async () => {
    const r = await runCli(['tui'], { env: { CI: undefined } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('stdin is not a terminal');
  });

  it('needs both streams to be terminals and CI unset', () => {
    const tty = { isTTY: true } as never;
    const pipe = { isTTY: false } as never;
    expect(whyNotInteractive({ stdin: tty, stdout: tty, env: {} })).toBeUndefined();
    expect(whyNotInteractive({ stdin: tty, stdout: tty, env: { CI: 'false' } })).toBeUndefined();
    expect(whyNotInteractive({ stdin: tty, stdout: pipe, env: {} })).toBe('stdout is not a terminal');
    expect(whyNotInteractive({ stdin: tty, stdout: tty, env: { CI: '1' } })).toBe('CI is set (CI=1)');
  });
});
