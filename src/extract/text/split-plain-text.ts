import type { Unit } from './unit.ts';

/**
 * Widest line still read as hard-wrapped prose. Plain-text mail, RFCs and
 * Project Gutenberg texts wrap at 64 to 80 columns; 100 leaves room for
 * wider editors without joining the 130-to-400-character one-line
 * paragraphs of scraped pages (seed 002 puts one paragraph per line).
 */
export const WRAP_MAX_WIDTH = 100;

/**
 * Narrowest widest-line of a hard-wrapped block: nobody wraps prose under 40
 * columns, while stacked header lines are short ("Tyler Durden's Photo" /
 * "by Tyler Durden", 20 and 15 characters in seed 004, would otherwise be
 * joined, as the second starts in lower case).
 */
export const WRAP_MIN_WIDTH = 40;

/**
 * Shortest share of the block's widest line that a wrapped line (every line
 * but the last) reaches: wrapping fills lines to near the width, while a
 * stack of header lines ("Tyler Durden's Photo" / "by Tyler Durden" / a
 * date, seed 004) varies freely.
 */
export const WRAP_MIN_FILL = 0.5;

// A line break inside a sentence: the next line starts in lower case, or
// the line ends with a comma, hyphen or conjunction-like lower-case word
// that cannot end a sentence.
const CONTINUES_BELOW =
  /(?:[,;\-–]|\b(?:and|or|the|a|an|of|to|in|on|for|with|by|that|as|at|from))$/;
const CONTINUES_FROM_ABOVE = /^[\p{Ll}(]/u;

const clean = (line: string): string =>
  line
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

function isHardWrapped(lines: string[]): boolean {
  if (lines.length < 2) return false;
  // A loop, not Math.max(...spread): a block of a few hundred thousand lines overflows the stack.
  let widest = 0;
  for (const line of lines) widest = Math.max(widest, line.length);
  if (widest > WRAP_MAX_WIDTH || widest < WRAP_MIN_WIDTH) return false;
  for (let i = 0; i < lines.length - 1; i++) {
    if ((lines[i] ?? '').length < widest * WRAP_MIN_FILL) return false;
  }
  for (let i = 0; i < lines.length - 1; i++) {
    if (CONTINUES_BELOW.test(lines[i] ?? '') || CONTINUES_FROM_ABOVE.test(lines[i + 1] ?? '')) {
      return true;
    }
  }
  return false;
}

/**
 * Lines of one block as paragraphs: the lines joined into one paragraph when
 * they read as hard-wrapped prose, each line on its own otherwise.
 */
export function joinWrappedLines(lines: string[]): string[] {
  if (!isHardWrapped(lines)) return lines;
  return [lines.join(' ').replace(/(\p{L})- (\p{Ll})/gu, '$1-$2')];
}

/**
 * Split plain text into units. Blocks are separated by blank lines; inside a
 * block each line is its own unit (scraped pages put one paragraph or one
 * widget label per line), unless the block reads as one hard-wrapped
 * paragraph, whose lines are joined with spaces.
 *
 * @example splitPlainText('Headline\n\nFirst paragraph.\nSecond paragraph.').length // 3
 */
export function splitPlainText(text: string): Unit[] {
  const units: Unit[] = [];
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n[ \t\u00a0]*\n/);
  for (const block of blocks) {
    const lines = block
      .split('\n')
      .map(clean)
      .filter((l) => l !== '');
    if (lines.length === 0) continue;
    for (const paragraph of joinWrappedLines(lines)) units.push({ text: paragraph, kind: 'text' });
  }
  return units;
}
