import {
  MAX_MARKDOWN_CHARS,
  MAX_MARKDOWN_CONTAINER_WORK,
  MAX_MARKDOWN_INLINE_WORK,
  MAX_MARKDOWN_NESTING,
} from '../limits.ts';

// The run of block-quote markers, list markers and indentation that opens a line.
const CONTAINER_PREFIX = /^(?:[ \t]|>|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t]))*/;
const BLANK = /^[ \t]*$/;

function containerDepth(prefix: string): number {
  let depth = 0;
  let spaces = 0;
  for (const char of prefix) {
    if (char === ' ') spaces++;
    else if (char === '\t') spaces += 4;
    else if (char === '>' || char === '*' || char === '+' || char === '-' || char === ')') depth++;
    else if (char === '.') depth++;
  }
  // A nested list is indented by at least two columns per level.
  return depth + Math.floor(spaces / 2);
}

function isDelimiter(code: number): boolean {
  // * _ [ ]
  return code === 0x2a || code === 0x5f || code === 0x5b || code === 0x5d;
}

/**
 * Why parsing this Markdown would cost too much time or stack (the reason,
 * for a warning), or null when it is safe to parse: too long
 * (`MAX_MARKDOWN_CHARS`), containers nested too deep
 * (`MAX_MARKDOWN_NESTING`) or re-checked on too many lines
 * (`MAX_MARKDOWN_CONTAINER_WORK`), or blocks holding so many emphasis and
 * link delimiters that matching them is quadratic
 * (`MAX_MARKDOWN_INLINE_WORK`). One linear pass; the estimates err high.
 */
export function markdownCost(markdown: string): string | null {
  if (markdown.length > MAX_MARKDOWN_CHARS) {
    return `it is ${markdown.length} characters long, more than the ${MAX_MARKDOWN_CHARS} parsed as Markdown`;
  }
  let containerWork = 0;
  let inlineWork = 0;
  let delimiters = 0;
  for (const line of markdown.split('\n')) {
    if (BLANK.test(line)) {
      inlineWork += delimiters * delimiters;
      delimiters = 0;
      continue;
    }
    const prefix = CONTAINER_PREFIX.exec(line)?.[0] ?? '';
    const depth = containerDepth(prefix);
    if (depth > MAX_MARKDOWN_NESTING) {
      return `a line opens ${depth} nested quotes or lists, more than the ${MAX_MARKDOWN_NESTING} parsed as Markdown`;
    }
    containerWork += depth;
    // List markers (`* item`) open containers; only what follows them is inline.
    for (let i = prefix.length; i < line.length; i++) {
      if (isDelimiter(line.charCodeAt(i))) delimiters++;
    }
  }
  inlineWork += delimiters * delimiters;
  if (containerWork > MAX_MARKDOWN_CONTAINER_WORK) {
    return `its quotes and lists nest ${containerWork} levels in all, more than the ${MAX_MARKDOWN_CONTAINER_WORK} parsed as Markdown`;
  }
  if (inlineWork > MAX_MARKDOWN_INLINE_WORK) {
    return 'its paragraphs hold too many emphasis and link marks (* _ [ ]) to match in reasonable time';
  }
  return null;
}
