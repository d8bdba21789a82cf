import { tokenizeMarkup } from './tokenize-markup.ts';

/** What a feed holds, as `scanFeed` finds it without building a tree. */
export interface FeedScan {
  /** Most elements open at once (stops counting past the depth limit). */
  depth: number;
  /** True when `depth` passed the limit; the scan stopped there. */
  tooDeep: boolean;
  /** Items (RSS `item`, Atom `entry`) where the feed reader looks for them. */
  items: number;
  /** Offset of the item past `maxItems`, where the feed can be cut before parsing. */
  cutAt?: number;
}

const RSS_ROOTS = new Set(['rss', 'rdf:rdf', 'rdf']);

/**
 * Scan an XML feed in one linear pass with htmlparser2's tokenizer, keeping
 * the open elements exactly as its XML-mode parser does (a closing tag pops
 * up to the nearest open element of its name, and is ignored when none is
 * open). Counts the items parseFeed reads (RSS items in the root or in the
 * first channel, Atom entries in the root) and notes where item
 * `maxItems + 1` starts, so a feed of a million items is cut before its
 * tree is built; stops as soon as the nesting passes `maxDepth`.
 */
export function scanFeed(xml: string, maxItems: number, maxDepth: number): FeedScan {
  const stack: string[] = [];
  const open = new Map<string, number>();
  const scan: FeedScan = { depth: 0, tooDeep: false, items: 0 };
  let root = '';
  let channels = 0;
  let inFirstChannel = false;
  let current = '';
  const pop = (): void => {
    const name = stack.pop() ?? '';
    open.set(name, (open.get(name) ?? 1) - 1);
    if (stack.length === 1 && name.toLowerCase() === 'channel') inFirstChannel = false;
  };
  tokenizeMarkup(xml, true, (stop) => ({
    onopentagname(start, end) {
      current = xml.slice(start, end);
      const lower = current.toLowerCase();
      const level = stack.length;
      if (level === 0 && root === '') root = lower;
      const isItem =
        (level === 1 &&
          ((root === 'feed' && lower === 'entry') || (RSS_ROOTS.has(root) && lower === 'item'))) ||
        (level === 2 && inFirstChannel && lower === 'item');
      if (isItem && ++scan.items === maxItems + 1) scan.cutAt = start - 1;
      if (level === 1 && RSS_ROOTS.has(root) && lower === 'channel')
        inFirstChannel = ++channels === 1;
      stack.push(current);
      open.set(current, (open.get(current) ?? 0) + 1);
      if (stack.length > scan.depth) scan.depth = stack.length;
      if (scan.depth > maxDepth) {
        scan.tooDeep = true;
        stop();
      }
    },
    onselfclosingtag() {
      // XML mode closes `<x/>` at once: it is the element just opened.
      if (stack[stack.length - 1] === current) pop();
    },
    onclosetag(start, end) {
      const name = xml.slice(start, end);
      if ((open.get(name) ?? 0) === 0) return;
      while (stack.length > 0 && stack[stack.length - 1] !== name) pop();
      pop();
    },
  }));
  return scan;
}
