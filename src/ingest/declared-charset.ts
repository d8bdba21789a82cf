import { CHARSET_PRESCAN_BYTES } from './limits.ts';

const XML_ENCODING = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;
// Matches both `<meta charset="x">` and `<meta http-equiv="Content-Type" content="text/html; charset=x">`.
const META_CHARSET = /<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;

// windows-1252 maps every byte to one character, so ASCII markup reads the same in any ASCII-compatible encoding.
const asciiView = new TextDecoder('windows-1252');

/**
 * The charset a document declares about itself: the XML declaration's
 * `encoding`, or for HTML a `<meta charset>` / `http-equiv` tag within the
 * first `CHARSET_PRESCAN_BYTES`. Returns the label as written, or undefined.
 */
export function findDeclaredCharset(bytes: Uint8Array, markup: 'html' | 'xml'): string | undefined {
  const head = asciiView.decode(bytes.subarray(0, CHARSET_PRESCAN_BYTES));
  const fromXml = XML_ENCODING.exec(head)?.[1];
  if (markup === 'xml') return fromXml;
  return META_CHARSET.exec(head)?.[1] ?? fromXml;
}
