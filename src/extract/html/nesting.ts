import { tokenizeHtml } from './html-tokenizer.ts';

/** How deep a page nests, and the work its parse will take, as `scanNesting` estimates them. */
export interface Nesting {
  /** Most elements open at once (an upper bound of the parsed tree's depth). */
  depth: number;
  /** Sum over every tag of the elements open at it: the parser's stack work. */
  work: number;
  /** True when the scan stopped early, past one of the limits. */
  exceeded: boolean;
}

/** Elements htmlparser2 never puts on its stack (its `voidElements`). */
const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const FOREIGN = new Set(['math', 'svg']);
const INTEGRATION = new Set([
  'mi',
  'mo',
  'mn',
  'ms',
  'mtext',
  'annotation-xml',
  'foreignobject',
  'desc',
  'title',
]);

/**
 * Estimate, in one linear pass and without building a tree, how deep the
 * HTML parser's element stack will grow on a page and how much stack work
 * the parse takes; stop once either passes its limit. The estimate never
 * falls below the real depth: tags, comments and raw text come from the
 * parser's own tokenizer, every open tag pushes and a closing tag pops one
 * element only when one of that name is open (the parser may pop more, and
 * also closes elements implicitly, so it only ever holds fewer).
 */
export function scanNesting(html: string, limits: { depth: number; work: number }): Nesting {
  const open = new Map<string, number>();
  // htmlparser2 recognises `<x/>` only inside SVG and MathML; it tracks that
  // context by tag names alone, so this mirrors it exactly.
  const foreign: boolean[] = [false];
  let depth = 0;
  let max = 0;
  let work = 0;
  let exceeded = false;
  let name = '';
  tokenizeHtml(html, (pause) => {
    const stop = (): void => {
      exceeded = true;
      pause();
    };
    return {
      onopentagname(start, end) {
        name = html.slice(start, end).toLowerCase();
        work += depth;
        if (VOID.has(name)) return;
        depth++;
        open.set(name, (open.get(name) ?? 0) + 1);
        if (FOREIGN.has(name)) foreign.push(true);
        else if (INTEGRATION.has(name)) foreign.push(false);
        if (depth > max) max = depth;
        if (max > limits.depth || work > limits.work) stop();
      },
      onselfclosingtag() {
        // In foreign content the parser pops the element it just pushed.
        if (!foreign[foreign.length - 1] || VOID.has(name)) return;
        const count = open.get(name) ?? 0;
        if (count > 0) {
          open.set(name, count - 1);
          depth--;
        }
      },
      onclosetag(start, end) {
        const closing = html.slice(start, end).toLowerCase();
        work += depth;
        if (FOREIGN.has(closing) || INTEGRATION.has(closing)) {
          if (foreign.length > 0) foreign.pop();
        }
        const count = open.get(closing) ?? 0;
        if (count > 0) {
          open.set(closing, count - 1);
          depth--;
        }
        if (work > limits.work) stop();
      },
    };
  });
  return { depth: max, work, exceeded };
}
