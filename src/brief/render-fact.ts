import type { Article, BriefSentence, FactUnit, Span } from '../model/index.ts';
import { words } from '../text/tokenize.ts';

/**
 * A dateline at the start of an article ("KESTREL BAY, Arvelia, March 5
 * (MPA) - ", "MOSCOW, Aug 26: "): place in capitals, optional date and
 * agency, then a dash or colon, then the sentence proper (capitalised).
 * Only stripped from a sentence that opens the article.
 */
const DATELINE =
  /^\p{Lu}[\p{Lu}\s.'’-]{2,40}(?:,[^\n:–—]{1,60}?)?\s*(?:\([^()\n]{1,40}\))?\s*(?:[-–—]{1,2}|:)\s+(?=[\p{Lu}"“‘'])/u;

/** Sentence-final punctuation, allowing a closing quote or bracket after it. */
const COMPLETE_END = /[.!?…]["”’')\]]?$|["”’']$/u;
/** A sentence that starts like one: a capital, a digit or an opening quote. */
const COMPLETE_START = /^["“‘'(\p{Lu}\p{N}]/u;

/** Where loaded terms were swapped, per article id (see `framingSpans`). */
export type FramingSpans = ReadonlyMap<string, readonly Span[]>;

interface Candidate {
  article: string;
  start: number;
  end: number;
  text: string;
  words: Set<string>;
  order: number;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size + b.size === 0) return 1;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return (2 * shared) / (a.size + b.size);
}

function overlaps(span: Span, spans: readonly Span[] | undefined): boolean {
  if (spans === undefined) return false;
  return spans.some((s) =>
    s.start === s.end
      ? s.start > span.start && s.start < span.end
      : s.start < span.end && s.end > span.start,
  );
}

/** Trim white space and, at the very start of an article, a dateline: the excerpt's exact span. */
function excerpt(article: Article, start: number, end: number): Span {
  let s = start;
  let e = end;
  const text = article.text;
  while (s < e && /\s/u.test(text.charAt(s))) s++;
  while (e > s && /\s/u.test(text.charAt(e - 1))) e--;
  if (text.slice(0, s).trim() === '') {
    const m = DATELINE.exec(text.slice(s, e));
    if (m !== null && m[0].length < e - s) s += m[0].length;
  }
  return { start: s, end: e };
}

/**
 * Render a fact unit as one sentence of the brief: its clearest member
 * sentence, taken word for word from its article, cited by every article
 * that carries the fact. Clearest: free of swapped loaded terms, a complete
 * sentence, then the wording closest to all the other members (the medoid,
 * so the majority wording wins over one outlet's edits), then the earliest
 * article in narrative order.
 *
 * @param narrative article ids in the story's narrative order
 */
export function renderFact(
  fact: FactUnit,
  articles: ReadonlyMap<string, Article>,
  narrative: readonly string[],
  framing: FramingSpans = new Map(),
): BriefSentence {
  const order = new Map(narrative.map((id, i) => [id, i]));
  const candidates: Candidate[] = [];
  for (const m of fact.members) {
    const article = articles.get(m.article);
    if (article === undefined || m.end > article.text.length || m.start >= m.end) continue;
    const span = excerpt(article, m.start, m.end);
    const text = article.text.slice(span.start, span.end);
    if (text === '') continue;
    candidates.push({
      article: m.article,
      start: span.start,
      end: span.end,
      text,
      words: new Set(words(text)),
      order: order.get(m.article) ?? narrative.length,
    });
  }
  const cites = [...new Set(fact.articles)].sort(
    (a, b) => (order.get(a) ?? narrative.length) - (order.get(b) ?? narrative.length),
  );
  if (candidates.length === 0) {
    // No member could be read back from its article: fall back on the unit's own text.
    const first = fact.members[0];
    return {
      text: fact.text,
      cites,
      fact: fact.id,
      from: { article: first?.article ?? '', start: first?.start ?? 0, end: first?.end ?? 0 },
    };
  }
  const scored = candidates.map((c) => {
    let sum = 0;
    for (const other of candidates) if (other !== c) sum += dice(c.words, other.words);
    const consensus = candidates.length > 1 ? sum / (candidates.length - 1) : 1;
    return {
      c,
      loaded: overlaps(c, framing.get(c.article)) ? 1 : 0,
      complete: COMPLETE_START.test(c.text) && COMPLETE_END.test(c.text) ? 0 : 1,
      // Rounded so float noise never decides between equal wordings.
      consensus: Math.round(consensus * 1e6),
    };
  });
  scored.sort(
    (x, y) =>
      x.loaded - y.loaded ||
      x.complete - y.complete ||
      y.consensus - x.consensus ||
      x.c.order - y.c.order ||
      x.c.start - y.c.start,
  );
  const best = (scored[0] as (typeof scored)[number]).c;
  return {
    text: best.text,
    cites,
    fact: fact.id,
    from: { article: best.article, start: best.start, end: best.end },
  };
}
