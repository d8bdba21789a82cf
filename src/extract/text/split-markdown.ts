import type { Nodes, Parents, PhrasingContent, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { joinWrappedLines } from './split-plain-text.ts';
import type { Unit } from './unit.ts';

// Markdown is parsed with mdast-util-from-markdown (CommonMark, micromark)
// rather than with regular expressions: emphasis, nested links, reference
// definitions, code spans and escapes have too many edge cases to strip by hand.

// CommonMark joins the lines of a paragraph, but pages scraped to Markdown
// keep one widget label or paragraph per line just as plain text does
// (seed 004's "Tyler Durden's Photo" / "by Tyler Durden"), so soft breaks
// are kept (as U+2028) and the plain-text hard-wrap test decides.
const SOFT_BREAK = '\u2028';

const clean = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * Text of inline content with the syntax gone: emphasis and strong keep
 * their words, links keep their text, code keeps its value, inline HTML tags
 * are dropped, images are cut out (and reported to `onImage`), and a hard
 * break becomes "\n" so the caller can split the paragraph into lines.
 */
function phrasing(nodes: PhrasingContent[], onImage: (alt: string) => void): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out += node.value.replace(/\n/g, SOFT_BREAK);
        break;
      case 'inlineCode':
        out += node.value.replace(/\n/g, ' ');
        break;
      case 'break':
        out += '\n';
        break;
      case 'html':
        out += node.value.replace(/<[^>]*>/g, '');
        break;
      case 'image':
        onImage(node.alt || node.title || node.url);
        break;
      case 'imageReference':
        onImage(node.alt || node.identifier);
        break;
      default:
        if ('children' in node) out += phrasing(node.children as PhrasingContent[], onImage);
    }
  }
  return out;
}

function walk(node: Nodes, units: Unit[]): void {
  switch (node.type) {
    case 'heading': {
      const images: string[] = [];
      const text = clean(phrasing(node.children, (alt) => images.push(alt)));
      for (const alt of images) units.push({ text: clean(alt), kind: 'image' });
      if (text !== '') units.push({ text, kind: 'heading' });
      return;
    }
    case 'paragraph': {
      // Images come out as their own units, where they stood, so the caption
      // they carry is reported in page order.
      let line = '';
      const flush = (): void => {
        for (const part of line.split('\n')) {
          const lines = part
            .split(SOFT_BREAK)
            .map(clean)
            .filter((l) => l !== '');
          for (const text of joinWrappedLines(lines)) units.push({ text, kind: 'text' });
        }
        line = '';
      };
      for (const child of node.children) {
        if (child.type === 'image' || child.type === 'imageReference') {
          flush();
          const alt =
            child.type === 'image'
              ? child.alt || child.title || child.url
              : child.alt || child.identifier;
          if (alt && clean(alt) !== '') units.push({ text: clean(alt), kind: 'image' });
        } else {
          line += phrasing([child], () => {});
        }
      }
      flush();
      return;
    }
    case 'thematicBreak':
      units.push({ text: '* * *', kind: 'separator' });
      return;
    case 'code': {
      const text = clean(node.value);
      if (text !== '') units.push({ text, kind: 'text' });
      return;
    }
    case 'html': {
      const text = clean(node.value.replace(/<[^>]*>/g, ' '));
      if (text !== '') units.push({ text, kind: 'text' });
      return;
    }
    case 'definition':
      return;
    default:
      if ('children' in node) for (const child of (node as Parents).children) walk(child, units);
  }
}

/**
 * Split Markdown into units with the syntax stripped: headings become
 * `heading` units (the first one is the headline candidate), emphasis is
 * dropped, links keep their text, images become `image` units holding
 * their alt text (classified as captions), thematic breaks become
 * `separator` units, and list items and block quotes give their paragraphs.
 *
 * @example splitMarkdown('# Title\n\nSome *text* with [a link](https://x.test).')
 * // [{ text: 'Title', kind: 'heading' }, { text: 'Some text with a link.', kind: 'text' }]
 */
export function splitMarkdown(markdown: string): Unit[] {
  const tree: Root = fromMarkdown(markdown);
  const units: Unit[] = [];
  walk(tree, units);
  return units;
}
