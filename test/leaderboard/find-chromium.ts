import { existsSync } from 'node:fs';

/** A Chromium to drive with puppeteer-core (Debian's package; puppeteer's own download is not reachable). */
export function findChromium(): string | undefined {
  const candidates = [process.env.JPEVAL_CHROMIUM, process.env.PUPPETEER_EXECUTABLE_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
