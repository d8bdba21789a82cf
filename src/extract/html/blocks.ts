import type { ElementHint } from './class-hints.ts';
import { elementHint } from './class-hints.ts';
import type { DomElement, DomNode, DomText } from './dom.ts';
import { isElement, isText } from './dom.ts';
import { type ElementSignal, elementSignal } from './element-signals.ts';
import { normalizeSpace } from './normalize-space.ts';

/**
 * One visible text block of a page: the inline text of one block-level
 * element between its block-level children (a paragraph, a heading, a list
 * item, a caption, a menu entry). Blocks are the unit every later decision
 * keeps or removes.
 */
export interface TextBlock {
  /** Position in page order. */
  index: number;
  /** White-space-normalised text. */
  text: string;
  /** The block-level element that holds the text. */
  element: DomElement;
  /** Every element from `<html>` down to the innermost element open when the block started. */
  ancestors: DomElement[];
  /** `elementHint` of each of `ancestors`, read before anything mutated the page. */
  hints: (ElementHint | null)[];
  /** `elementSignal` of each of `ancestors`, read with the hints: they name removed blocks. */
  signals: (ElementSignal | null)[];
  /** Characters of `text` that sit inside links. */
  linkChars: number;
  /** Characters of `text` inside emphasis (`<em>`, `<i>`, `<strong>`, `<b>`). */
  emphasisChars: number;
  /** Characters of `text` neither in a link nor in emphasis. */
  plainChars: number;
  /** Heading level 1-6 when the block is inside `<h1>`..`<h6>`, else 0. */
  heading: number;
  /** The text nodes that make up the block, in order. */
  textNodes: DomText[];
}

/** Elements that start a new block (HTML block-level and table/list structure). */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Elements whose content is never visible page text. */
const SKIP_TAGS = new Set([
  'audio',
  'canvas',
  'datalist',
  'embed',
  'head',
  'iframe',
  'input',
  'link',
  'map',
  'math',
  'meta',
  'noscript',
  'object',
  'option',
  'script',
  'select',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
  'video',
]);

const EMPHASIS_TAGS = new Set(['em', 'i', 'strong', 'b']);

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/**
 * Inline elements with these class words hold a card shown only on hover
 * (The Hill's `rollover-people-block` repeats a name and three headlines
 * inside the sentence that mentions the person). Inline only: a block such
 * as `div.modal-enabled` can wrap a whole article.
 */
const HOVER_WORDS = /(?:^|[^a-z])(?:rollover|tooltip|popover|hovercard|popup)(?:$|[^a-z])/i;

/** Readability's `_isProbablyVisible`, so both see the same page, and hover cards. */
function isHidden(el: DomElement): boolean {
  if (!BLOCK_TAGS.has(el.localName)) {
    const cls = el.getAttribute('class');
    if (cls !== null && HOVER_WORDS.test(cls)) return true;
  }
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') {
    const cls = el.getAttribute('class') ?? '';
    if (!cls.includes('fallback-image')) return true;
  }
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/** True for the elements `collectBlocks` treats as block-level. */
export function isBlockTag(localName: string): boolean {
  return BLOCK_TAGS.has(localName);
}

interface Pending {
  parts: string[];
  nodes: DomText[];
  linkChars: number;
  emphasisChars: number;
  plainChars: number;
  ancestors: DomElement[] | null;
  hints: (ElementHint | null)[] | null;
  signals: (ElementSignal | null)[] | null;
  /** `<br>` seen since the last text; two in a row end the block. */
  breaks: number;
}

function emptyPending(): Pending {
  return {
    parts: [],
    nodes: [],
    linkChars: 0,
    emphasisChars: 0,
    plainChars: 0,
    ancestors: null,
    hints: null,
    signals: null,
    breaks: 0,
  };
}

/**
 * Split a page into its visible text blocks, in page order. Hidden
 * elements (`hidden`, `aria-hidden`, inline `display:none`) and non-text
 * elements (scripts, styles, forms' inputs, media) are skipped. Two or more
 * `<br>` in a row split a block, as Readability does.
 */
export function collectBlocks(root: DomElement): TextBlock[] {
  const blocks: TextBlock[] = [];
  const stack: DomElement[] = [];
  const hintStack: (ElementHint | null)[] = [];
  const signalStack: (ElementSignal | null)[] = [];
  const blockStack: DomElement[] = [];
  let heading = 0;
  let linkDepth = 0;
  let emphasisDepth = 0;
  let pending: Pending = emptyPending();

  const flush = (): void => {
    if (pending.nodes.length > 0) {
      const text = normalizeSpace(pending.parts.join(''));
      const element = blockStack[blockStack.length - 1];
      if (text !== '' && element !== undefined) {
        blocks.push({
          index: blocks.length,
          text,
          element,
          ancestors: pending.ancestors ?? stack.slice(),
          hints: pending.hints ?? hintStack.slice(),
          signals: pending.signals ?? signalStack.slice(),
          linkChars: Math.min(pending.linkChars, text.length),
          emphasisChars: Math.min(pending.emphasisChars, text.length),
          plainChars: Math.min(pending.plainChars, text.length),
          heading,
          textNodes: pending.nodes,
        });
      }
    }
    pending = emptyPending();
  };

  // An explicit stack instead of recursion: malformed pages nest
  // thousands of unclosed elements.
  interface Frame {
    el: DomElement;
    children: ArrayLike<DomNode>;
    next: number;
    block: boolean;
    emphasis: boolean;
    outerHeading: number;
  }
  const frames: Frame[] = [];

  const visit = (node: DomNode): void => {
    if (isText(node)) {
      const data = node.data;
      const blank = data.trim() === '';
      if (pending.breaks >= 2 && !blank) flush();
      if (!blank) pending.breaks = 0;
      // Where the block's words start, not where its leading white space does.
      if (pending.ancestors === null && !blank) {
        pending.ancestors = stack.slice();
        pending.hints = hintStack.slice();
        pending.signals = signalStack.slice();
      }
      pending.parts.push(data);
      pending.nodes.push(node);
      const n = normalizeSpace(data).length;
      if (linkDepth > 0) pending.linkChars += n;
      if (emphasisDepth > 0) pending.emphasisChars += n;
      if (linkDepth === 0 && emphasisDepth === 0) pending.plainChars += n;
      return;
    }
    if (!isElement(node)) return;
    const name = node.localName;
    if (SKIP_TAGS.has(name) || isHidden(node)) return;
    if (name === 'br') {
      pending.breaks++;
      pending.parts.push('\n');
      return;
    }
    const block = BLOCK_TAGS.has(name);
    const level = name.length === 2 && name[0] === 'h' ? Number(name[1]) : 0;
    const frame: Frame = {
      el: node,
      children: node.childNodes,
      next: 0,
      block,
      emphasis: EMPHASIS_TAGS.has(name),
      outerHeading: heading,
    };
    if (block) {
      flush();
      blockStack.push(node);
      if (level >= 1 && level <= 6) heading = level;
    }
    stack.push(node);
    hintStack.push(elementHint(node));
    signalStack.push(elementSignal(node));
    if (name === 'a') linkDepth++;
    if (frame.emphasis) emphasisDepth++;
    frames.push(frame);
  };

  const leave = (frame: Frame): void => {
    if (frame.el.localName === 'a') linkDepth--;
    if (frame.emphasis) emphasisDepth--;
    stack.pop();
    hintStack.pop();
    signalStack.pop();
    if (frame.block) {
      flush();
      blockStack.pop();
      heading = frame.outerHeading;
    }
  };

  visit(root);
  while (frames.length > 0) {
    const frame = frames[frames.length - 1] as Frame;
    if (frame.next < frame.children.length) {
      const child = frame.children[frame.next++];
      if (child !== undefined) visit(child);
    } else {
      frames.pop();
      leave(frame);
    }
  }
  flush();
  return blocks;
}
