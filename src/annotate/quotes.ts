import type { Entity, Quote } from '../model/annotation.ts';
import type { Span } from '../model/span.ts';
import { sentenceAt } from './sentence-at.ts';
import { SPEECH_VERBS } from './speech-verbs.ts';

/** A quotation found in the text, before its speaker is known. */
interface RawQuote {
  /** First quoted character and one past the last (inner words, marks excluded). */
  start: number;
  end: number;
  /** Position of the opening mark and one past the closing mark (or the paragraph end). */
  open: number;
  close: number;
  /** Inner text of each paragraph the quote spans. */
  segments: Span[];
  single: boolean;
}

const QUOTE_CHARS = /["“”„«»'‘’]/g;
const OPEN_DOUBLE = new Set(['“', '„', '«']);
const CLOSE_DOUBLE = new Set(['”', '»']);
const LETTER = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;
// Before an opening mark: start of text, space, an opening bracket or a dash.
const OPENER_BEFORE = /[\s([{—–\-/]/u;
/**
 * Longest single-quoted stretch taken as a quote. Single marks double as
 * apostrophes ("Afghans' homes"), so a pair further apart than this is more
 * likely two apostrophes than a quote. Longer than any partial quote in the
 * seeds (the longest, 'Chechen corridor', is 16 characters) with room for a
 * British-style full sentence.
 */
const MAX_SINGLE_QUOTE = 400;
/**
 * How many paragraphs back an unattributed quote may inherit the previous
 * quote's speaker (news convention: a quote paragraph with no attribution
 * continues the last speaker). Two covers "X said: ... / <quote> / <quote>".
 */
const CONTINUATION_PARAGRAPHS = 2;
/**
 * Shortest unattributed quote that inherits the previous speaker. Shorter
 * quoted phrases are mostly scare quotes or terms ('Chechen corridor'), not
 * words anyone said.
 */
const MIN_INHERITING_WORDS = 4;
/**
 * How many words after a quote the attributing verb may come. The longest
 * attribution in the seeds ("Alexander Mikheev, the head of Russia's state
 * arms exporter Rosoboronexport, told") puts it 12 words in; 24 leaves room.
 */
const TAIL_WORDS = 24;
/** The same when the attribution is a sentence of its own (`"…?" Putin posed.`): subject and verb come first. */
const NEXT_SENTENCE_TAIL_WORDS = 5;

function paragraphsOf(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\n\r]+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].trim() !== '') out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

type Mark = 'open-double' | 'close-double' | 'open-single' | 'close-single' | null;

function classify(text: string, i: number, paraStart: number): Mark {
  const c = text[i] as string;
  const before = i > paraStart ? (text[i - 1] as string) : ' ';
  const after = text[i + 1] ?? ' ';
  const spaceBefore =
    i === paraStart || OPENER_BEFORE.test(before) || before === '"' || before === '“';
  const spaceAfter = SPACE.test(after) || /[.,;:!?)\]—–-]/u.test(after) || i + 1 >= text.length;
  if (OPEN_DOUBLE.has(c)) {
    // A sloppy “ used to close ("…end.“ he said").
    return !spaceBefore && spaceAfter && c === '“' ? 'close-double' : 'open-double';
  }
  if (CLOSE_DOUBLE.has(c)) {
    // A sloppy ” used to open.
    return spaceBefore && !spaceAfter && c === '”' ? 'open-double' : 'close-double';
  }
  if (c === '"') {
    if (spaceBefore && !SPACE.test(after)) return 'open-double';
    if (!spaceBefore) return 'close-double';
    return null;
  }
  if (c === '‘' || c === "'" || c === '’') {
    // An apostrophe inside a word ("don't", "Taliban's") is not a quote mark.
    if (LETTER.test(before) && LETTER.test(after)) return null;
    if (spaceBefore && LETTER.test(after) && c !== '’') return 'open-single';
    if (!spaceBefore && spaceAfter) return 'close-single';
    return null;
  }
  return null;
}

/** Find quoted stretches: double quotes (with nested singles), top-level single quotes, quotes across paragraphs. */
function scan(text: string): RawQuote[] {
  const paras = paragraphsOf(text);
  const out: RawQuote[] = [];
  let open: { open: number; start: number; segments: Span[]; paraStartQuote: boolean } | null =
    null;
  for (let p = 0; p < paras.length; p++) {
    const para = paras[p] as Span;
    let i = para.start;
    if (open !== null) {
      // Continuing from the previous paragraph: skip a re-opening mark.
      while (i < para.end && SPACE.test(text[i] as string)) i++;
      if (classify(text, i, para.start) === 'open-double') i++;
      open.segments.push({ start: i, end: para.end });
    }
    let single: { open: number; start: number } | null = null;
    let nested = 0;
    QUOTE_CHARS.lastIndex = i;
    for (
      let found = QUOTE_CHARS.exec(text);
      found !== null && found.index < para.end;
      found = QUOTE_CHARS.exec(text)
    ) {
      i = found.index;
      const mark = classify(text, i, para.start);
      if (mark === null) continue;
      if (open !== null) {
        if (mark === 'close-double') {
          const seg = open.segments[open.segments.length - 1] as Span;
          seg.end = i;
          out.push({
            start: open.start,
            end: i,
            open: open.open,
            close: i + 1,
            segments: open.segments,
            single: false,
          });
          open = null;
          nested = 0;
        } else if (mark === 'open-single') nested++;
        else if (mark === 'close-single' && nested > 0) nested--;
        continue;
      }
      if (single !== null) {
        if (mark === 'close-single') {
          if (i - single.start >= 2) {
            out.push({
              start: single.start,
              end: i,
              open: single.open,
              close: i + 1,
              segments: [{ start: single.start, end: i }],
              single: true,
            });
          }
          single = null;
        } else if (mark === 'open-double') {
          single = null;
          open = {
            open: i,
            start: i + 1,
            segments: [{ start: i + 1, end: para.end }],
            paraStartQuote: false,
          };
        }
        if (single !== null && i - single.start > MAX_SINGLE_QUOTE) single = null;
        continue;
      }
      if (mark === 'open-double') {
        const atStart = text.slice(para.start, i).trim() === '';
        open = {
          open: i,
          start: i + 1,
          segments: [{ start: i + 1, end: para.end }],
          paraStartQuote: atStart,
        };
      } else if (mark === 'open-single') single = { open: i, start: i + 1 };
    }
    if (open !== null) {
      const next = paras[p + 1];
      const continues =
        next !== undefined &&
        (classify(text, firstNonSpace(text, next), next.start) === 'open-double' ||
          (open.paraStartQuote && firstMark(text, next) === 'close-double'));
      if (!continues) {
        // Unterminated: close at the paragraph end rather than run on.
        const seg = open.segments[open.segments.length - 1] as Span;
        seg.end = para.end;
        out.push({
          start: open.start,
          end: para.end,
          open: open.open,
          close: para.end,
          segments: open.segments,
          single: false,
        });
        open = null;
      }
    }
  }
  return out;
}

function firstNonSpace(text: string, para: Span): number {
  let i = para.start;
  while (i < para.end && SPACE.test(text[i] as string)) i++;
  return i;
}

function firstMark(text: string, para: Span): Mark {
  for (let i = para.start; i < para.end; i++) {
    if (/["“”„«»]/u.test(text[i] as string)) return classify(text, i, para.start);
  }
  return null;
}

const PRONOUN = /\b(he|she|they)\b/i;
const NOMINAL_SPEAKER =
  /\bthe\s+(?:[\p{L}-]+\s+){0,3}?(leader|president|minister|spokesman|spokeswoman|spokesperson|official|chief|head|premier|chancellor|senator|governor|mayor|envoy|ambassador|secretary|general|commander|prosecutor|judge|lawyer|coach)\b/iu;
const WORD = /[\p{L}'’-]+/gu;

interface Context {
  text: string;
  entities: readonly Entity[];
  quotes: readonly RawQuote[];
}

/** The last named person before `at`, outside quotes (for "he said"). */
function lastPerson(ctx: Context, at: number): string | null {
  for (let k = ctx.entities.length - 1; k >= 0; k--) {
    const e = ctx.entities[k] as Entity;
    if (e.start >= at || e.kind !== 'person') continue;
    if (ctx.quotes.some((q) => e.start >= q.start && e.end <= q.end)) continue;
    return e.name;
  }
  return null;
}

function entitiesIn(ctx: Context, from: number, to: number): Entity[] {
  return ctx.entities.filter((e) => e.start >= from && e.end <= to);
}

/** The speaker named between `from` and `to`: a person first, else any entity, else a pronoun. */
function subjectIn(ctx: Context, from: number, to: number, nearestLast: boolean): string | null {
  const found = entitiesIn(ctx, from, to);
  const ordered = nearestLast ? [...found].reverse() : found;
  const person = ordered.find((e) => e.kind === 'person');
  if (person !== undefined) return person.name;
  const slice = ctx.text.slice(from, to);
  const pro = PRONOUN.exec(slice);
  const nom = NOMINAL_SPEAKER.exec(slice);
  const first = ordered[0];
  if (first !== undefined) return first.name;
  if (pro !== null || nom !== null) return lastPerson(ctx, from);
  return null;
}

/** Find the speech verb (or "according to") in a stretch and the speaker it names. */
function attribute(
  ctx: Context,
  from: number,
  to: number,
  side: 'head' | 'tail',
  reach = Number.POSITIVE_INFINITY,
): string | null {
  if (to <= from) return null;
  const slice = ctx.text.slice(from, to);
  const acc = /\baccording to\s+/i.exec(slice);
  if (acc !== null) {
    const after = from + acc.index + acc[0].length;
    // The speaker is what follows "according to", up to the next comma.
    const stop = ctx.text.slice(after, to).search(/[,;:]/);
    const end = stop < 0 ? to : after + stop;
    const found = entitiesIn(ctx, after, end);
    if (found.length > 0)
      return (found.find((e) => e.kind === 'person') ?? (found[0] as Entity)).name;
    const pro = PRONOUN.exec(ctx.text.slice(after, end));
    if (pro !== null) return lastPerson(ctx, after);
  }
  const verbs: number[] = [];
  WORD.lastIndex = 0;
  let words = 0;
  for (let m = WORD.exec(slice); m !== null; m = WORD.exec(slice)) {
    if (++words > reach) break;
    if (SPEECH_VERBS.has(m[0].toLowerCase())) verbs.push(from + m.index);
  }
  if (verbs.length === 0) return null;
  // In the tail the first verb attributes the quote; in the head the last.
  const verb = (side === 'tail' ? verbs[0] : verbs[verbs.length - 1]) as number;
  const before = subjectIn(ctx, from, verb, side === 'head');
  if (before !== null) return before;
  if (side === 'tail') {
    // `"…," said Putin`: the subject follows the verb.
    return subjectIn(ctx, verb, to, false);
  }
  return null;
}

/**
 * Direct quotes and partial quotes with their speakers. Quote marks may be
 * straight or curly, double or single; single quotes inside double quotes
 * are nested and stay part of the outer quote; a quote whose paragraph
 * ends without a closing mark continues when the next paragraph reopens it.
 * The speaker comes from the attribution after the quote (`"…," X said`,
 * `"…," said X`, `"…" X posed`, `according to X`) or before it (`X said:
 * "…"`, `X told Y: "…"`, `He explained … "…"`); pronouns and "the Russian
 * leader" resolve to the last named person; an unattributed quote inherits
 * the previous quote's speaker within two paragraphs. Speakers are
 * canonical entity names.
 *
 * @param entities the article's entities after coreference, in text order
 */
export function findQuotes(
  text: string,
  sentences: readonly Span[],
  entities: readonly Entity[],
): Quote[] {
  const raw = scan(text);
  const paras = paragraphsOf(text);
  const ctx: Context = { text, entities, quotes: raw };
  const out: Quote[] = [];
  let prev: { speaker: string | null; para: number; close: number } | null = null;
  for (let k = 0; k < raw.length; k++) {
    const q = raw[k] as RawQuote;
    const paraIndex = paras.findIndex((p) => q.open >= p.start && q.open < p.end);
    const lastPara = paras.findIndex((p) => q.close - 1 >= p.start && q.close - 1 < p.end);
    const para = paras[lastPara] ?? paras[paraIndex];
    const openPara = paras[paraIndex];
    const next = raw[k + 1];
    const prevQuote = raw[k - 1];

    // Tail: after the closing mark to the end of its sentence (not past the next quote).
    const sClose = sentenceAt(sentences, Math.max(q.close - 1, q.start));
    let tailEnd = Math.max(sClose?.end ?? q.close, q.close);
    // `"…?" Putin posed.`: the sentence splitter may end the sentence at the
    // closing mark; the attribution is then the next sentence.
    let tailReach = TAIL_WORDS;
    if (tailEnd <= q.close + 1) {
      const after = sentenceAt(sentences, tailEnd + 1) ?? sentenceAt(sentences, tailEnd + 2);
      if (after !== undefined) {
        tailEnd = after.end;
        tailReach = NEXT_SENTENCE_TAIL_WORDS;
      }
    }
    if (para !== undefined) tailEnd = Math.min(tailEnd, para.end);
    if (next !== undefined && next.open >= q.close) tailEnd = Math.min(tailEnd, next.open);
    // Head: from its sentence's start (not before the previous quote) to the opening mark.
    const sOpen = sentenceAt(sentences, q.open) ?? sentenceAt(sentences, q.start);
    let headStart = Math.min(sOpen?.start ?? q.open, q.open);
    if (openPara !== undefined) headStart = Math.max(headStart, openPara.start);
    if (prevQuote !== undefined && prevQuote.close <= q.open)
      headStart = Math.max(headStart, prevQuote.close);

    // The words after a quote attribute it only when the quote ends a clause
    // (`"…," X said`, `"…?" X posed`), not after a quoted word inside a
    // sentence (`a "humiliating" request and poses a threat`).
    const inner = text.slice(q.start, q.close);
    const endsClause =
      /[,.?!…—-]\s*["'”’»]?\s*$/u.test(inner) || /^\s*[,—]/u.test(text.slice(q.close, q.close + 3));
    let speaker = endsClause ? attribute(ctx, q.close, tailEnd, 'tail', tailReach) : null;
    if (speaker === null) speaker = attribute(ctx, headStart, q.open, 'head');
    const wordCount = inner.split(/\s+/).filter((w) => w !== '').length;
    if (
      speaker === null &&
      prev !== null &&
      prev.speaker !== null &&
      paraIndex - prev.para <= CONTINUATION_PARAGRAPHS &&
      wordCount >= MIN_INHERITING_WORDS
    ) {
      speaker = prev.speaker;
    }

    // Quoted words: trailing commas belong to the attribution, not the quote.
    const segments = q.segments.map((s) => trimSegment(text, s)).filter((s) => s.end > s.start);
    if (segments.length === 0) continue;
    const first = segments[0] as Span;
    const last = segments[segments.length - 1] as Span;
    const words = segments.map((s) => text.slice(s.start, s.end)).join(' ');
    const before = text.slice(headStart, q.open).trim();
    const startsSentence =
      before === '' || /[:,]$/.test(before) || /[:]\s*$/.test(text.slice(para?.start ?? 0, q.open));
    const upper = /^[\p{Lu}\p{N}]/u.test(words);
    const ends = /[.?!…]["'”’]?$/u.test(
      text.slice(last.start, q.close - (q.close > last.end ? 1 : 0)).trim(),
    );
    const partial = !(upper && (startsSentence || ends || segments.length > 1));
    out.push({ start: first.start, end: last.end, text: words, speaker, partial });
    if (!partial || speaker !== null)
      prev = { speaker, para: lastPara >= 0 ? lastPara : paraIndex, close: q.close };
  }
  return out;
}

function trimSegment(text: string, s: Span): Span {
  let start = s.start;
  let end = s.end;
  while (start < end && SPACE.test(text[start] as string)) start++;
  while (end > start && /[\s,]/u.test(text[end - 1] as string)) end--;
  return { start, end };
}
