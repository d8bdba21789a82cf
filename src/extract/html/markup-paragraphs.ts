import { isBlockTag } from './blocks.ts';
import { tokenizeHtml } from './html-tokenizer.ts';
import { normalizeSpace } from './normalize-space.ts';

/** Elements whose content is never page text (raw text, templates, media). */
const SKIP = new Set([
  'head',
  'math',
  'noscript',
  'script',
  'select',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
  'xmp',
]);

/**
 * The visible text of a page as paragraphs, read without building a tree:
 * block-level tags and two `<br>` in a row end a paragraph, scripts, styles
 * and other non-text elements are left out. Linear in the page's length,
 * whatever its nesting: the fallback for pages too deep to parse as a tree.
 *
 * @example markupParagraphs('<div><p>One <b>two</b></p><p>Three</p>') // ['One two', 'Three']
 */
export function markupParagraphs(html: string): string[] {
  const parts: string[] = [];
  const skipping = new Map<string, number>();
  let skipped = 0;
  tokenizeHtml(html, () => ({
    onopentagname(start, end) {
      const name = html.slice(start, end).toLowerCase();
      if (SKIP.has(name)) {
        skipping.set(name, (skipping.get(name) ?? 0) + 1);
        skipped++;
      } else if (name === 'br') parts.push('\n');
      else if (isBlockTag(name)) parts.push('\n\n');
    },
    onclosetag(start, end) {
      const name = html.slice(start, end).toLowerCase();
      const count = skipping.get(name) ?? 0;
      if (count > 0) {
        skipping.set(name, count - 1);
        skipped--;
      } else if (isBlockTag(name)) parts.push('\n\n');
    },
    ontext(start, end) {
      if (skipped === 0) parts.push(html.slice(start, end));
    },
    ontextentity(codepoint) {
      if (skipped === 0) parts.push(String.fromCodePoint(codepoint));
    },
  }));
  return parts
    .join('')
    .split(/\n[^\S\n]*\n/)
    .map(normalizeSpace)
    .filter((paragraph) => paragraph !== '');
}
