/** Escaping for the static site: model output and names are untrusted text. */

/** Text for HTML element content and quoted attribute values. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * JSON that is safe inside a <script> element (or a script file): `<`, `>` and `&` become \u escapes,
 * so no `</script>` or `<!--` can end or change the script, and U+2028/2029 (line terminators in
 * older JS) are escaped too. JSON.parse and JS literals read the escapes back as the same text.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
