import { Readability } from '@mozilla/readability';
import type { TextBlock } from './blocks.ts';
import type { DomDocument, DomNode, DomText } from './dom.ts';
import { isElement, isText } from './dom.ts';

/** What Readability found, mapped back onto the page's blocks. */
export interface ReadabilityResult {
  /** Per block: how many of its characters Readability kept in the article (0 when dropped). */
  keptChars: Int32Array;
  title: string | null;
  byline: string | null;
  excerpt: string | null;
  siteName: string | null;
  lang: string | null;
  publishedTime: string | null;
}

function collectTexts(node: DomNode, out: DomText[]): void {
  if (isText(node)) {
    out.push(node);
    return;
  }
  const children = node.childNodes;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child !== undefined) collectTexts(child, out);
  }
}

/** Below this share of characters matched by identity, Readability worked on a re-parsed copy. */
const REPARSED_SHARE = 0.5;

function matchByContent(texts: DomText[], blocks: TextBlock[], keptChars: Int32Array): void {
  const byContent = new Map<string, number[]>();
  for (const block of blocks) {
    for (const node of block.textNodes) {
      const key = node.data.trim();
      if (key === '') continue;
      const list = byContent.get(key);
      if (list) list.push(block.index);
      else byContent.set(key, [block.index]);
    }
  }
  const cursor = new Map<string, number>();
  for (const t of texts) {
    const key = t.data.trim();
    const list = byContent.get(key);
    const at = cursor.get(key) ?? 0;
    const index = list?.[at];
    if (index === undefined) continue;
    cursor.set(key, at + 1);
    keptChars[index] = (keptChars[index] ?? 0) + key.length;
  }
}

/**
 * Run Mozilla Readability on the document (which it mutates: parse a fresh
 * one for it) and report, per block of `blocks` (collected from the same
 * document beforehand), how many characters it kept. Readability moves the
 * page's own text nodes into its article, so identity maps them back; when
 * it had to re-parse the page (its retry with relaxed flags), the text
 * nodes are new and are matched by content, in page order.
 */
export function runReadability(document: DomDocument, blocks: TextBlock[]): ReadabilityResult {
  const owner = new Map<DomText, number>();
  for (const block of blocks) for (const node of block.textNodes) owner.set(node, block.index);

  const reader = new Readability<DomNode>(document as never, {
    serializer: (node) => node as unknown as DomNode,
  });
  let article: ReturnType<typeof reader.parse> = null;
  try {
    article = reader.parse();
  } catch (error) {
    // Readability recurses over the tree; a page nested thousands of
    // levels deep overflows it. Carry on without it (prose fallback).
    if (!(error instanceof RangeError)) throw error;
  }
  const keptChars = new Int32Array(blocks.length);
  const content = article?.content;
  if (content && isElement(content)) {
    const texts: DomText[] = [];
    collectTexts(content, texts);
    const unmatched: DomText[] = [];
    let matchedChars = 0;
    let allChars = 0;
    for (const t of texts) {
      const len = t.data.trim().length;
      if (len === 0) continue;
      allChars += len;
      const index = owner.get(t);
      if (index === undefined) {
        unmatched.push(t);
        continue;
      }
      matchedChars += len;
      keptChars[index] = (keptChars[index] ?? 0) + len;
    }
    // Mostly new nodes: Readability re-parsed the page (its retry with
    // relaxed flags). Match them by content, in page order. A few
    // unmatched nodes are text parallax treats as hidden; leave them.
    if (matchedChars < REPARSED_SHARE * allChars) matchByContent(unmatched, blocks, keptChars);
  }
  return {
    keptChars,
    title: article?.title ?? null,
    byline: article?.byline ?? null,
    excerpt: article?.excerpt ?? null,
    siteName: article?.siteName ?? null,
    lang: article?.lang ?? null,
    publishedTime: article?.publishedTime ?? null,
  };
}
