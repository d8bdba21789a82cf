import type { TextBlock } from './blocks.ts';
import type { DomElement } from './dom.ts';
import type { BlockDecision } from './select-body.ts';
import { RELATED_HEADING_DETAIL } from './text-rules.ts';

/**
 * A list after the story whose text is at least this share links is a list
 * of links (related stories), not a list in the story. Dev split: F1
 * 0.9891 / 0.9889 / 0.9889 at 0.3 / 0.5 / 0.7; 0.5 (half the words are
 * links) is kept as the plainer rule.
 */
const LINK_LIST_SHARE = 0.5;

/** Promotion lines at the end of a story are short: 74-320 characters on the dev split. */
const TAIL_PROMO_MAX_LENGTH = 400;

/** A section heading above removed tail furniture ("More Great WIRED Stories") is short. */
const TAIL_HEADING_MAX_LENGTH = 80;

const HAS_URL = /https?:\/\/|www\.|@\w|\S@\S/;

/**
 * How promotion lines start ("Follow @BGRDeals on Twitter…", "Join our
 * Space Forums…", "Listen to Newsbeat live…"); credit lines such as
 * "Originally published on Live Science." do not, and stay.
 */
const CALL_TO_ACTION =
  /^(?:follow|join|listen|subscribe|sign up|download|watch|visit|like us|read more|check out|click|tap|email|e-mail|contact|send us|tell us|share|get the|for more)\b/i;

function enclosingList(b: TextBlock): DomElement | undefined {
  for (let d = b.ancestors.length - 1; d >= 0; d--) {
    const el = b.ancestors[d];
    if (el?.localName === 'ul' || el?.localName === 'ol') return el;
  }
  return undefined;
}

/**
 * Remove furniture that trails the story inside Readability's article, in
 * place: `first` and `last` are the first and last kept blocks. Removes
 * lists of links ("More Great WIRED Stories"), promotion lines made of
 * emphasis and links that call to action ("Join our Space Forums…",
 * "Follow @X on Twitter", "Listen: <link> Download: <link>"), and the
 * short heading above them. Walks back from the last
 * body block and stops at the first block that is plain body text.
 */
/**
 * A list right after a heading that was removed as a related-stories
 * heading ("More Great WIRED Stories", "Related coverage") is that list of
 * stories, whatever its share of links (the WIRED list is 45% links:
 * headlines with a teaser sentence). Marks its items in place.
 */
export function dropIntroducedLists(blocks: TextBlock[], decisions: BlockDecision[]): void {
  const seen = new Set<DomElement>();
  for (const b of blocks) {
    const list = enclosingList(b);
    if (list === undefined || seen.has(list)) continue;
    seen.add(list);
    const before = decisions[b.index - 1];
    if (before === undefined || before.keep || before.detail !== RELATED_HEADING_DETAIL) continue;
    for (let i = b.index; i < blocks.length; i++) {
      const item = blocks[i];
      if (item === undefined || enclosingList(item) !== list) break;
      decisions[i] = {
        keep: false,
        reason: 'related-link',
        detail: 'list under a related-stories heading',
      };
    }
  }
}

export function trimTail(
  blocks: TextBlock[],
  decisions: BlockDecision[],
  first: number,
  last: number,
): void {
  if (first < 0) return;
  const listChars = new Map<DomElement, { link: number; all: number }>();
  for (let i = first; i <= last; i++) {
    const b = blocks[i];
    const list = b === undefined ? undefined : enclosingList(b);
    if (b === undefined || list === undefined) continue;
    const entry = listChars.get(list) ?? { link: 0, all: 0 };
    entry.link += b.linkChars;
    entry.all += b.text.length;
    listChars.set(list, entry);
  }
  let removedSome = false;
  for (let i = last; i > first; i--) {
    const b = blocks[i];
    const d = decisions[i];
    if (b === undefined || d === undefined || !d.keep) continue;
    const list = enclosingList(b);
    const share = list === undefined ? undefined : listChars.get(list);
    if (share !== undefined && share.link >= LINK_LIST_SHARE * share.all) {
      decisions[i] = {
        keep: false,
        reason: 'related-link',
        detail: 'list of links after the story',
      };
    } else if (
      b.text.length <= TAIL_PROMO_MAX_LENGTH &&
      b.plainChars <= 0.1 * b.text.length &&
      (b.linkChars > 0 || HAS_URL.test(b.text)) &&
      CALL_TO_ACTION.test(b.text)
    ) {
      decisions[i] = {
        keep: false,
        reason: 'boilerplate',
        detail: 'promotion line after the story',
      };
    } else if (
      removedSome &&
      (b.heading > 0 || b.emphasisChars >= 0.9 * b.text.length) &&
      b.text.length <= TAIL_HEADING_MAX_LENGTH &&
      !/[.!?"”]$/.test(b.text)
    ) {
      decisions[i] = {
        keep: false,
        reason: 'related-link',
        detail: 'heading of furniture after the story',
      };
    } else {
      break;
    }
    removedSome = true;
  }
}
