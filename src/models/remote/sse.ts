/**
 * A minimal server-sent-events reader for streamed completions: yields each event's `data`.
 * Written here rather than using the SDK's Stream so that a malformed chunk becomes our
 * ModelError with an excerpt (the SDK prints to console.error and throws a bare SyntaxError).
 */
export async function* readSseData(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  const reader = body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      // Lines end at the first \r\n, \r or \n; found with indexOf (no regex, no re-slicing of
      // the rest of the buffer per line).
      let pos = 0;
      let cr = buffer.indexOf('\r');
      for (;;) {
        let end = buffer.indexOf('\n', pos);
        if (cr !== -1 && cr < pos) cr = buffer.indexOf('\r', pos);
        if (cr !== -1 && (end === -1 || cr < end)) end = cr;
        if (end === -1) break;
        const line = buffer.slice(pos, end);
        pos = end + (buffer.charCodeAt(end) === 13 && buffer.charCodeAt(end + 1) === 10 ? 2 : 1);
        if (line === '') {
          if (data.length > 0) yield data.join('\n');
          data = [];
        } else if (line.startsWith('data:')) {
          data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
        }
        // `event:`, `id:`, `retry:` and `:` comments carry nothing we use.
      }
      if (pos > 0) buffer = buffer.slice(pos);
      if (done) break;
    }
    if (buffer.startsWith('data:')) data.push(buffer.slice(buffer.startsWith('data: ') ? 6 : 5));
    if (data.length > 0) yield data.join('\n');
  } finally {
    reader.releaseLock();
  }
}
