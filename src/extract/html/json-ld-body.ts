import { words } from '../../text/tokenize.ts';
import type { TextBlock } from './blocks.ts';
import type { BlockDecision } from './select-body.ts';

// A safety net, not a benchmark lever: on the Zyte benchmark 16 of 181
// pages carry an articleBody and the selection already holds it on every
// one, so this never fires there. The thresholds are round numbers, not
// tuned.

/** Shorter JSON-LD bodies are teasers ("articleBody": "Read the story…"), not the article. */
const MIN_BODY_CHARS = 200;

/** A block belongs to the JSON-LD body when this share of its word 4-grams is in it. */
const BLOCK_MATCH_SHARE = 0.7;

/**
 * The JSON-LD body is "on the page" when blocks matching it hold this share
 * of its characters; then the page's own blocks are used, so removed blocks
 * keep their reasons.
 */
const ON_PAGE_SHARE = 0.7;

/**
 * parallax trusts its own selection unless it holds less than this share
 * of the JSON-LD body's characters (Readability picked a side column or a
 * teaser, or nothing).
 */
const MISSED_SHARE = 0.5;

const SHINGLE = 4;

function shingles(ws: readonly string[]): string[] {
  if (ws.length < SHINGLE) return ws.length === 0 ? [] : [ws.join(' ')];
  const out: string[] = [];
  for (let i = 0; i + SHINGLE <= ws.length; i++) out.push(ws.slice(i, i + SHINGLE).join(' '));
  return out;
}

/**
 * Use the article body a page declares in JSON-LD (`articleBody`) when the
 * selection missed it: when page blocks carry that text, keep them; when
 * the text is not on the page at all (rendered by script) and nothing was
 * kept, return the JSON-LD paragraphs to use instead. Returns null when
 * the selection stands. Mutates `decisions` in the first case.
 */
export function applyJsonLdBody(
  blocks: readonly TextBlock[],
  decisions: BlockDecision[],
  articleBody: string | null,
): string[] | null {
  if (articleBody === null || articleBody.length < MIN_BODY_CHARS) return null;
  const bodyWords = words(articleBody);
  const bodySet = new Set(shingles(bodyWords));
  const joined = ` ${bodyWords.join(' ')} `;
  let keptChars = 0;
  let matchedChars = 0;
  const matches: boolean[] = blocks.map((b) => {
    if (decisions[b.index]?.keep) keptChars += b.text.length;
    const ws = words(b.text);
    let hit: boolean;
    if (ws.length < SHINGLE) {
      hit = ws.length > 0 && joined.includes(` ${ws.join(' ')} `);
    } else {
      const own = shingles(ws);
      let n = 0;
      for (const s of own) if (bodySet.has(s)) n++;
      hit = n >= BLOCK_MATCH_SHARE * own.length;
    }
    if (hit && ws.length >= SHINGLE) matchedChars += b.text.length;
    return hit;
  });
  if (keptChars >= MISSED_SHARE * articleBody.length) return null;
  if (matchedChars >= ON_PAGE_SHARE * articleBody.length) {
    for (const b of blocks) {
      if (matches[b.index] && b.text.split(/\s+/).length >= SHINGLE) {
        decisions[b.index] = { keep: true, reason: 'boilerplate', detail: '' };
      }
    }
    return null;
  }
  if (keptChars > 0) return null;
  return articleBody
    .split(/\n\s*\n|\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
}
