const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escape text for HTML or XML (SVG), in element content and in quoted
 * attribute values alike. Every string that comes from an article passes
 * through here: article text is untrusted input.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}

/**
 * Serialise data for a `<script type="application/json">` block: `<`, `>`
 * and `&` become `\u003c`, `\u003e`, `\u0026`, so no `</script>` or
 * `<!--` can end or bend the block, and U+2028/U+2029 are escaped for
 * older JavaScript parsers. `JSON.parse` reads it back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** An `http:` or `https:` URL as written, or null for anything else (`javascript:`, `data:`, junk). */
export function safeHttpUrl(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
