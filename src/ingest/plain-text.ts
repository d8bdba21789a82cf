import { tokenizeMarkup } from './tokenize-markup.ts';

const TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/;
const ENTITY = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;

/** True when a string carries HTML markup: a tag or an escaped entity (`&amp;`, `&#8217;`). */
export function looksLikeHtml(text: string): boolean {
  return TAG.test(text) || ENTITY.test(text);
}

/**
 * A short field (title, author, summary) as one line of plain text: markup
 * dropped and entities decoded when `isHtml` (or when it holds an entity and
 * no tag), whitespace collapsed.
 */
export function plainText(text: string, isHtml = false): string {
  const html = isHtml || (ENTITY.test(text) && !text.includes('<'));
  const flat = html ? markupText(text) : text;
  return flat.replace(/\s+/g, ' ').trim();
}

/**
 * The text of an HTML fragment, tags and comments dropped and entities
 * decoded, read with the tokenizer alone: linear however deep the tags
 * nest (building a tree first is quadratic in depth, and walking it
 * recursive).
 */
function markupText(html: string): string {
  const parts: string[] = [];
  tokenizeMarkup(html, false, () => ({
    ontext(start, end) {
      parts.push(html.slice(start, end));
    },
    ontextentity(codepoint) {
      parts.push(String.fromCodePoint(codepoint));
    },
  }));
  return parts.join('');
}
