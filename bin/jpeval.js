#!/usr/bin/env node
// Thin launcher: the CLI lives in the compiled dist/ tree (built by `npm install` via `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// `jpeval list | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

// React (under the TUI) runs its development build unless told otherwise: several times slower.
process.env.NODE_ENV ??= 'production';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('jpeval: dist/ is missing. Run `npm install` (or `npm run build`) in the jpeval checkout first.');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
