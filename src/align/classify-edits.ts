import type { WordEdit, WordEditKind } from '../model/alignment.ts';
import type { Span } from '../model/span.ts';
import type { Token } from '../text/tokenize.ts';
import { loadedIn } from './loaded-terms.ts';
import type { PreparedText } from './prepare-text.ts';
import type { AlignedRange, Block } from './word-blocks.ts';
import { isFunctionWord, isSpellingVariant, numberKey } from './word-classes.ts';

/**
 * Word cost of an edit, for a passage's similarity. Punctuation, spelling
 * and format edits keep the words a reader sees, so they cost little; a
 * function word a little more; content words a full word each. With these
 * weights the seed wire copies (a dozen such edits and two swapped terms in
 * 250 words) score 0.94-0.99 and the student paper's rewritten sentences
 * 0.34-0.81, either side of EDITED_MIN_SIMILARITY.
 */
const EDIT_COST: Record<WordEditKind, number> = {
  punctuation: 0.1,
  spelling: 0.25,
  'number-format': 0.25,
  'function-word': 0.5,
  substitution: 1,
  insertion: 1,
  deletion: 1,
};

/** The edits of one aligned passage and its similarity. */
export interface PassageEdits {
  a: Span;
  b: Span;
  edits: WordEdit[];
  similarity: number;
}

/** Edits found so far and their summed word cost (see EDIT_COST). */
interface EditSink {
  edits: WordEdit[];
  cost: number;
}

/** Record an edit with its cost: words on the longer side for substitutions and function words, one unit otherwise. */
function record(out: EditSink, e: WordEdit, wordsA: number, wordsB: number): void {
  out.edits.push(e);
  const words =
    e.kind === 'insertion'
      ? wordsB
      : e.kind === 'deletion'
        ? wordsA
        : e.kind === 'function-word' || e.kind === 'substitution'
          ? Math.max(wordsA, wordsB)
          : 1;
  out.cost += words * EDIT_COST[e.kind];
}

const ATTACHED = /[^\s\p{L}\p{N}]/u;

/** Extend a span over punctuation glued to its first and last word ("“We", "agency."). */
function withAttached(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s > 0 && ATTACHED.test(text[s - 1] as string)) s--;
  while (e < text.length && ATTACHED.test(text[e] as string)) e++;
  return { start: s, end: e };
}

function tokenSpan(p: PreparedText, t0: number, t1: number, floor: number): Span {
  if (t1 > t0)
    return { start: (p.tokens[t0] as Token).start, end: (p.tokens[t1 - 1] as Token).end };
  // An empty side: the point right after the previous word of the passage.
  const at = t0 > floor ? (p.tokens[t0 - 1] as Token).end : (p.tokens[t0]?.start ?? p.text.length);
  return { start: at, end: at };
}

function trimmed(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  return { start: s, end: e };
}

function edit(
  kind: WordEditKind,
  a: PreparedText,
  aSpan: Span,
  b: PreparedText,
  bSpan: Span,
  loaded?: { a: ReadonlySet<string>; b: ReadonlySet<string> },
): WordEdit {
  const out: WordEdit = {
    kind,
    a: a.text.slice(aSpan.start, aSpan.end),
    b: b.text.slice(bSpan.start, bSpan.end),
    aSpan,
    bSpan,
    framing: false,
  };
  if (loaded !== undefined && (loaded.a.size > 0 || loaded.b.size > 0)) {
    const all = [...new Set([...loaded.a, ...loaded.b])].sort();
    out.loaded = all;
    out.framing =
      kind !== 'spelling' &&
      (loaded.a.size !== loaded.b.size || [...loaded.a].some((t) => !loaded.b.has(t)));
  }
  return out;
}

function numberKeys(keys: readonly string[]): string[] | null {
  const out: string[] = [];
  for (const k of keys) {
    const v = numberKey(k);
    if (v === null) return null;
    if (v !== '') out.push(v);
  }
  return out.sort();
}

function charCount(words: readonly string[]): number {
  let n = 0;
  for (const w of words) n += w.length;
  return n;
}

/** Kind of one word replaced by one word (the common case, without arrays). */
function pairKind(x: string, y: string): WordEditKind {
  if (isSpellingVariant(x, y)) return 'spelling';
  const nx = numberKey(x);
  if (nx !== null && nx === numberKey(y)) return 'number-format';
  if (isFunctionWord(x) && isFunctionWord(y)) return 'function-word';
  return 'substitution';
}

/** Kind of a replaced stretch taken as a whole. */
function blockKind(ak: readonly string[], bk: readonly string[]): WordEditKind {
  if (ak.length === 1 && bk.length === 1) return pairKind(ak[0] as string, bk[0] as string);
  if (ak.length === 0 || bk.length === 0) {
    const words = ak.length === 0 ? bk : ak;
    if (words.every(isFunctionWord)) return 'function-word';
    return ak.length === 0 ? 'insertion' : 'deletion';
  }
  if (ak.length + bk.length > 2 && charCount(ak) === charCount(bk) && ak.join('') === bk.join('')) {
    return 'spelling';
  }
  if (ak.length === 1 && bk.length === 1 && isSpellingVariant(ak[0] as string, bk[0] as string)) {
    return 'spelling';
  }
  if (numberKey(ak[0] as string) !== null && numberKey(bk[0] as string) !== null) {
    const na = numberKeys(ak);
    const nb = numberKeys(bk);
    if (na !== null && nb !== null && na.join(' ') === nb.join(' ')) return 'number-format';
  }
  if (ak.every(isFunctionWord) && bk.every(isFunctionWord)) return 'function-word';
  return 'substitution';
}

// "Sept." written out as "September": the abbreviation's dot belongs to the edit.
function withAbbreviationDot(p: PreparedText, s: Span, t1: number): Span {
  const last = p.tokens[t1 - 1];
  if (last !== undefined && last.end === s.end && p.text[s.end] === '.' && last.text.length <= 4) {
    if (numberKey(last.norm) !== null && /\p{L}/u.test(last.text)) {
      return { start: s.start, end: s.end + 1 };
    }
  }
  return s;
}

function replaceEdits(
  a: PreparedText,
  b: PreparedText,
  blk: Block,
  range: AlignedRange,
  out: EditSink,
): void {
  const ak = a.keys.slice(blk.a0, blk.a1);
  const bk = b.keys.slice(blk.b0, blk.b1);
  const push = (kind: WordEditKind, a0: number, a1: number, b0: number, b1: number): void => {
    let aSpan = tokenSpan(a, a0, a1, range.a0);
    let bSpan = tokenSpan(b, b0, b1, range.b0);
    if (kind === 'number-format') {
      aSpan = withAbbreviationDot(a, aSpan, a1);
      bSpan = withAbbreviationDot(b, bSpan, b1);
    }
    const loaded =
      kind === 'substitution' || kind === 'insertion' || kind === 'deletion' || kind === 'spelling'
        ? { a: loadedIn(a, a0, a1), b: loadedIn(b, b0, b1) }
        : undefined;
    record(out, edit(kind, a, aSpan, b, bSpan, loaded), a1 - a0, b1 - b0);
  };
  const whole = blockKind(ak, bk);
  if (ak.length !== bk.length || ak.length === 1 || whole !== 'substitution') {
    push(whole, blk.a0, blk.a1, blk.b0, blk.b1);
    return;
  }
  // As many words on both sides: classify word by word, merging neighbours of one kind.
  let from = 0;
  let kind = pairKind(ak[0] as string, bk[0] as string);
  for (let i = 1; i <= ak.length; i++) {
    const next = i < ak.length ? pairKind(ak[i] as string, bk[i] as string) : null;
    if (next !== kind) {
      push(kind, blk.a0 + from, blk.a0 + i, blk.b0 + from, blk.b0 + i);
      from = i;
      if (next !== null) kind = next;
    }
  }
}

function equalEdits(a: PreparedText, b: PreparedText, blk: Block, out: EditSink): void {
  const len = blk.a1 - blk.a0;
  for (let k = 0; k < len; k++) {
    const ta = a.tokens[blk.a0 + k] as Token;
    const tb = b.tokens[blk.b0 + k] as Token;
    if (ta.text !== tb.text) {
      const quotes = ta.text.replace(/’/g, "'") === tb.text.replace(/’/g, "'");
      const kind = quotes ? 'punctuation' : 'spelling';
      const aSpan = { start: ta.start, end: ta.end };
      record(out, edit(kind, a, aSpan, b, { start: tb.start, end: tb.end }), 1, 1);
    }
    if (k + 1 < len && a.punctAfter[blk.a0 + k] !== b.punctAfter[blk.b0 + k]) {
      const na = a.tokens[blk.a0 + k + 1] as Token;
      const nb = b.tokens[blk.b0 + k + 1] as Token;
      separatorEdit(a, ta.end, na.start, b, tb.end, nb.start, out);
    }
  }
}

/** A punctuation edit when the text between two word pairs differs other than in white space. */
function separatorEdit(
  a: PreparedText,
  a0: number,
  a1: number,
  b: PreparedText,
  b0: number,
  b1: number,
  out: EditSink,
): void {
  const sa = a.text.slice(a0, a1);
  const sb = b.text.slice(b0, b1);
  if (sa === sb || sa.replace(/\s+/g, '') === sb.replace(/\s+/g, '')) return;
  // Only the marks that differ: '. \n\n"' against '.\n\n“' is the quote mark.
  const ma = marks(a.text, a0, a1);
  const mb = marks(b.text, b0, b1);
  let head = 0;
  while (
    head < ma.length &&
    head < mb.length &&
    a.text[ma[head] as number] === b.text[mb[head] as number]
  ) {
    head++;
  }
  let tail = 0;
  while (
    tail < ma.length - head &&
    tail < mb.length - head &&
    a.text[ma[ma.length - 1 - tail] as number] === b.text[mb[mb.length - 1 - tail] as number]
  ) {
    tail++;
  }
  const span = (text: string, m: number[], from: number, to: number): Span => {
    if (head < m.length - tail) {
      return trimmed(text, m[head] as number, (m[m.length - 1 - tail] as number) + 1);
    }
    // Nothing differs on this side: the point after the common marks.
    const at = head > 0 ? (m[head - 1] as number) + 1 : m.length > 0 ? (m[0] as number) : from;
    return { start: Math.min(at, to), end: Math.min(at, to) };
  };
  record(out, edit('punctuation', a, span(a.text, ma, a0, a1), b, span(b.text, mb, b0, b1)), 0, 0);
}

/** Offsets of the characters of `text[from, to)` that are not white space. */
function marks(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) if (!/\s/.test(text[i] as string)) out.push(i);
  return out;
}

/**
 * Classify the edits of an aligned passage and score it: every differing
 * stretch becomes a `WordEdit` (spelling, punctuation, function word, number
 * format, substitution, insertion, deletion; loaded-term swaps flagged), and
 * the similarity is 1 minus the edits' weighted word cost over the longer side.
 */
export function classifyEdits(a: PreparedText, b: PreparedText, range: AlignedRange): PassageEdits {
  const out: EditSink = { edits: [], cost: 0 };
  const edits = out.edits;
  const blocks = range.blocks;
  for (let k = 0; k < blocks.length; k++) {
    const blk = blocks[k] as Block;
    if (blk.equal) equalEdits(a, b, blk, out);
    else replaceEdits(a, b, blk, range, out);
    // The separators between two blocks that both have words on both sides
    // ("Organization," / "Organisation;") are compared like those inside an
    // equal block; next to an insertion or deletion they cannot be paired.
    const next = blocks[k + 1];
    if (next === undefined) continue;
    if (blk.a1 === blk.a0 || blk.b1 === blk.b0 || next.a1 === next.a0 || next.b1 === next.b0) {
      continue;
    }
    const last = edits[edits.length - 1];
    let sa = (a.tokens[blk.a1 - 1] as Token).end;
    let sb = (b.tokens[blk.b1 - 1] as Token).end;
    if (last !== undefined && !blk.equal) {
      sa = Math.max(sa, last.aSpan.end);
      sb = Math.max(sb, last.bSpan.end);
    }
    separatorEdit(
      a,
      sa,
      (a.tokens[next.a0] as Token).start,
      b,
      sb,
      (b.tokens[next.b0] as Token).start,
      out,
    );
  }
  const longer = Math.max(range.a1 - range.a0, range.b1 - range.b0, 1);
  const first = (p: PreparedText, t: number) => (p.tokens[t] as Token).start;
  const last = (p: PreparedText, t: number) => (p.tokens[t - 1] as Token).end;
  return {
    a: withAttached(a.text, first(a, range.a0), last(a, range.a1)),
    b: withAttached(b.text, first(b, range.b0), last(b, range.b1)),
    edits,
    similarity: Math.max(0, 1 - out.cost / longer),
  };
}
