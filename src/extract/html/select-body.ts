import type { RemovalReason } from '../../model/index.ts';
import type { TextBlock } from './blocks.ts';
import type { ElementHint } from './class-hints.ts';
import type { DomElement } from './dom.ts';
import { textVerdict } from './text-rules.ts';
import { dropIntroducedLists, trimTail } from './trim-tail.ts';

/** The verdict on one block. */
export interface BlockDecision {
  keep: boolean;
  reason: RemovalReason;
  detail: string;
}

/** Inputs besides the blocks. */
export interface SelectInput {
  blocks: TextBlock[];
  /** Per block, characters Readability kept. */
  keptChars: Int32Array;
  /** Normalised headline candidates (og:title, JSON-LD headline, <title>, h1). */
  titles: string[];
}

/**
 * A block counts as kept by Readability when at least this share of its
 * characters is in Readability's article (it sometimes keeps part of a
 * block, e.g. the text of a paragraph but not a trailing link). Dev split
 * of the Zyte benchmark: F1 is the same for 0.3, 0.5 and 0.7.
 */
const KEPT_SHARE = 0.5;

/**
 * A furniture container (class "related", "caption", …) inside the article
 * is trusted only while it holds less than this share of the article's
 * characters: a wrapper such as `<div class="story-body has-share-bar">`
 * around the whole text is not furniture. Dev split: F1 0.9877 at 0.15,
 * 0.9889 at 0.3 and at 0.5; 0.3 is the lower end of the plateau.
 */
const MAX_FURNITURE_SHARE = 0.3;

/**
 * A block whose text is (almost) all link is a pointer to another page
 * ("Who will make the Rock Hall in 2020?" under a list of links), not a
 * paragraph. 0.9 leaves room for brackets and punctuation around a lone
 * link; cited sources like "[Engadget]" (0.8) stay under it. Longer than
 * 400 characters it is a paragraph whose words happen to be linked. Dev
 * split: share 0.8 / 0.9 / 0.95 give F1 0.9887 / 0.9889 / 0.9889; length
 * 200 / 400 / 800 give 0.9886 / 0.9889 / 0.9889.
 */
const LINK_ONLY_SHARE = 0.9;
const LINK_ONLY_MAX_LENGTH = 400;

/** "Tags", "Filed under" and the like, followed by links. */
const TAGS_PREFIX = /^(?:tags?|tagged(?: with)?|categor\w*|topics?|filed under|related topics)\b/i;

/** An unlinked URL on its own line: the print-only header of news sites. */
const BARE_URL = /^(?:https?:\/\/|www\.)\S+$/i;

/**
 * Link-only blocks that are still article text: table cells (ticker
 * symbols) and headings outside lists (product names in a buying guide,
 * each followed by its paragraphs).
 */
function isLinkOnly(b: TextBlock): boolean {
  if (b.linkChars < LINK_ONLY_SHARE * b.text.length || b.text.length > LINK_ONLY_MAX_LENGTH) {
    return false;
  }
  let inList = false;
  for (const el of b.ancestors) {
    const name = el.localName;
    if (name === 'td' || name === 'th') return false;
    if (name === 'li') inList = true;
  }
  return b.heading === 0 || inList;
}

/**
 * Fallback when Readability returns no article (never on the benchmark,
 * so untuned): a block of at least 80 characters (a sentence; longer than
 * menu entries and most teaser titles), under a quarter links, with a
 * sentence end and no furniture hint (nav, aside, figcaption, …) around it.
 */
const PROSE_MIN_LENGTH = 80;
const PROSE_MAX_LINK_SHARE = 0.25;

function readsLikeProse(b: TextBlock): boolean {
  return (
    b.text.length >= PROSE_MIN_LENGTH &&
    b.linkChars <= PROSE_MAX_LINK_SHARE * b.text.length &&
    /[.!?。！？]/.test(b.text) &&
    innermostHint(b, 0) === null
  );
}

function inQuote(b: TextBlock, fromDepth: number): boolean {
  for (let d = b.ancestors.length - 1; d >= fromDepth; d--) {
    if (b.ancestors[d]?.localName === 'blockquote') return true;
  }
  return false;
}

function commonDepth(a: DomElement[], b: DomElement[], limit: number): number {
  const n = Math.min(a.length, b.length, limit);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

const norm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Decide, block by block, what is article body and why the rest is not. */
export function selectBody(input: SelectInput): BlockDecision[] {
  const { blocks, keptChars } = input;
  const kept = blocks.map((b) => (keptChars[b.index] ?? 0) >= KEPT_SHARE * b.text.length);
  // Readability found nothing: blocks that read like prose stand in for it.
  if (!kept.includes(true)) {
    for (const b of blocks) kept[b.index] = readsLikeProse(b);
  }

  // The article root: the deepest element holding every kept block.
  let rootDepth = Number.POSITIVE_INFINITY;
  let first: TextBlock | undefined;
  let total = 0;
  for (const b of blocks) {
    if (!kept[b.index]) continue;
    total += b.text.length;
    if (first === undefined) {
      first = b;
      rootDepth = b.ancestors.length;
    } else {
      rootDepth = commonDepth(first.ancestors, b.ancestors, rootDepth);
    }
  }

  // Characters of kept text under each hinted element below the root.
  const hintedChars = new Map<DomElement, number>();
  for (const b of blocks) {
    if (!kept[b.index]) continue;
    for (let d = rootDepth; d < b.ancestors.length; d++) {
      const el = b.ancestors[d];
      const hint = b.hints[d];
      if (el !== undefined && hint) {
        hintedChars.set(el, (hintedChars.get(el) ?? 0) + b.text.length);
      }
    }
  }

  // Of the <article> elements nested in the root, the one with the most
  // text of its own (not counting articles inside it) is the story; the
  // others are teaser cards.
  const ownChars = new Map<DomElement, number>();
  for (const b of blocks) {
    if (!kept[b.index]) continue;
    for (let d = b.ancestors.length - 1; d >= rootDepth; d--) {
      const el = b.ancestors[d];
      if (el?.localName === 'article') {
        ownChars.set(el, (ownChars.get(el) ?? 0) + b.text.length);
        break;
      }
    }
  }
  let story: DomElement | undefined;
  for (const [el, chars] of ownChars)
    if (story === undefined || chars > (ownChars.get(story) ?? 0)) story = el;
  const titles = new Set(input.titles.map(norm).filter((t) => t !== ''));

  const root = first?.ancestors[rootDepth - 1];

  /** Furniture verdict for a block inside the article, or null when it is body text. */
  const furniture = (b: TextBlock): BlockDecision | null => {
    // Hints count only below the article root, and inside a quoted embed
    // (a tweet in a "social-embed" box) only below the quote.
    let top = rootDepth;
    for (let d = b.ancestors.length - 1; d >= rootDepth; d--) {
      if (b.ancestors[d]?.localName === 'blockquote') {
        top = d;
        break;
      }
    }
    for (let d = b.ancestors.length - 1; d >= top; d--) {
      const el = b.ancestors[d];
      const hint = b.hints[d];
      if (el === undefined || !hint) continue;
      const chars = hintedChars.get(el) ?? 0;
      if (el === story) continue;
      if (chars < MAX_FURNITURE_SHARE * total) {
        // The words say more than the container ("August 24, 2021" in a
        // nested <header> is a date).
        const said = textVerdict(b.text);
        return said
          ? { keep: false, ...said }
          : { keep: false, reason: hint.reason, detail: hint.detail };
      }
    }
    const text = textVerdict(b.text);
    if (text) return { keep: false, ...text };
    if (isLinkOnly(b)) return { keep: false, reason: 'related-link', detail: 'a link on its own' };
    if (TAGS_PREFIX.test(b.text) && b.linkChars >= 0.5 * b.text.length) {
      return { keep: false, reason: 'navigation', detail: "'Tags' followed by links" };
    }
    if (b.linkChars === 0 && BARE_URL.test(b.text)) {
      return { keep: false, reason: 'boilerplate', detail: 'a bare, unlinked URL (print header)' };
    }
    if (titles.has(norm(b.text))) {
      return { keep: false, reason: 'headline', detail: 'same as the page title' };
    }
    return null;
  };

  const decisions = blocks.map((b): BlockDecision => {
    if (kept[b.index]) return furniture(b) ?? { keep: true, reason: 'boilerplate', detail: '' };
    // Outside the article: name the block as precisely as possible.
    if (titles.has(norm(b.text))) {
      return { keep: false, reason: 'headline', detail: 'same as the page title' };
    }
    const text = textVerdict(b.text);
    if (text) return { keep: false, ...text };
    const hint = innermostHint(b, 0);
    if (hint) return { keep: false, reason: hint.reason, detail: hint.detail };
    return { keep: false, reason: 'boilerplate', detail: 'outside the article' };
  });

  const firstBody = decisions.findIndex((d) => d.keep);
  const lastBody = decisions.findLastIndex((d) => d.keep);
  // Take back blocks Readability dropped between the first and the last
  // body block, inside the article root, unless a furniture rule fires on
  // them: embedded tweets, lists and short paragraphs its conditional
  // cleaning removes.
  for (let i = firstBody + 1; i < lastBody; i++) {
    const b = blocks[i];
    if (b === undefined || kept[i] || b.ancestors[rootDepth - 1] !== root) continue;
    // A linked heading is a teaser's title, not a section of the story.
    if (b.heading > 0 && b.linkChars >= LINK_ONLY_SHARE * b.text.length) continue;
    if (furniture(b) === null) decisions[i] = { keep: true, reason: 'boilerplate', detail: '' };
  }
  // An embedded post (a tweet in a <blockquote>) can close the story,
  // after the last block Readability kept.
  for (let i = lastBody + 1; i < blocks.length; i++) {
    const b = blocks[i];
    if (b === undefined || !inQuote(b, rootDepth) || b.ancestors[rootDepth - 1] !== root) break;
    if (furniture(b) !== null) break;
    decisions[i] = { keep: true, reason: 'boilerplate', detail: '' };
  }
  dropIntroducedLists(blocks, decisions);
  trimTail(blocks, decisions, firstBody, lastBody);
  return decisions;
}

function innermostHint(block: TextBlock, fromDepth: number): ElementHint | null {
  for (let d = block.hints.length - 1; d >= fromDepth; d--) {
    const hint = block.hints[d];
    if (hint && !hint.nestedOnly) return hint;
  }
  return null;
}
