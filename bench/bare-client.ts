/**
 * The baseline of the remote benchmark: a bare client that replays prompts to an
 * OpenAI-compatible server at a fixed concurrency with plain fetch, streaming and reading every
 * reply to its end, and does nothing else (no suites, no scoring, no files).
 *   node dist/bench/bare-client.js URL MODEL PROMPTS.json CONCURRENCY MAX_TOKENS
 */
import { readFileSync } from 'node:fs';

const [url, model, promptsFile, concurrencyArg, maxTokensArg] = process.argv.slice(2);
const prompts = JSON.parse(readFileSync(promptsFile!, 'utf8')) as string[];
const concurrency = Number(concurrencyArg);
let next = 0;
let chars = 0;

async function worker(): Promise<void> {
  while (next < prompts.length) {
    const prompt = prompts[next++]!;
    const response = await fetch(`${url}/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sk-no-key-required' },
      body: JSON.stringify({ model, prompt, max_tokens: Number(maxTokensArg), temperature: 0, stream: true, stream_options: { include_usage: true } }),
    });
    const text = await response.text();
    chars += text.length;
  }
}

await Promise.all(Array.from({ length: concurrency }, worker));
process.stdout.write(`${JSON.stringify({ requests: prompts.length, chars })}\n`);
