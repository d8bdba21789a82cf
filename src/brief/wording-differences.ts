import type {
  Alignment,
  BriefExcerpt,
  FactUnit,
  Passage,
  QuoteGroup,
  Span,
  WordEdit,
  WordingDifference,
} from '../model/index.ts';

type QuoteSpans = ReadonlyMap<string, readonly Span[]>;

function inside(span: Span, spans: readonly Span[] | undefined): boolean {
  return (spans ?? []).some((q) => span.start >= q.start && span.end <= q.end);
}

/**
 * Which edits change meaning: a loaded term touched, or content words
 * swapped. Inside a paraphrase nearly every word differs, so there only
 * swaps inside a direct quote count (a quote should not change at all).
 */
function meaningful(edit: WordEdit, passage: Passage, al: Alignment, quotes: QuoteSpans): boolean {
  if (edit.framing) return true;
  if (edit.kind !== 'substitution') return false;
  if (passage.kind !== 'paraphrase') return true;
  return inside(edit.aSpan, quotes.get(al.a)) || inside(edit.bSpan, quotes.get(al.b));
}

function normalize(text: string): string {
  return text.replace(/\s+/gu, ' ').trim().toLowerCase();
}

interface Side {
  article: string;
  text: string;
  span: Span;
}

interface Group {
  framing: boolean;
  loaded: Set<string>;
  fact: string | null;
  /** normalised text -> variant */
  variants: Map<string, { text: string; articles: Map<string, Span> }>;
  firstSeen: number;
}

/** Index of fact members by article, to find which fact a span belongs to. */
function factLocator(facts: readonly FactUnit[]): (article: string, span: Span) => string | null {
  const byArticle = new Map<string, { start: number; end: number; fact: string }[]>();
  for (const f of facts) {
    for (const m of f.members) {
      let list = byArticle.get(m.article);
      if (list === undefined) {
        list = [];
        byArticle.set(m.article, list);
      }
      list.push({ start: m.start, end: m.end, fact: f.id });
    }
  }
  return (article, span) => {
    for (const m of byArticle.get(article) ?? []) {
      if (span.start >= m.start && span.start <= m.end && span.end <= m.end) return m.fact;
    }
    return null;
  };
}

/**
 * Where the story's articles word the same passage differently in a way
 * that changes meaning: loaded-term swaps (edits with `framing: true`) and
 * other content-word substitutions, each with the articles on every side.
 * Pairwise edits are merged: "rioters" in one article against "protesters"
 * in two others is one difference with two variants.
 *
 * @param articleIds the story's article ids in narrative order; alignments
 *   with any other end (a reconstructed source) are skipped
 * @param quotes the story's quotes: swaps inside them count even in a paraphrase
 */
export function wordingDifferences(
  alignments: readonly Alignment[],
  facts: readonly FactUnit[],
  articleIds: readonly string[],
  quotes: readonly QuoteGroup[] = [],
): WordingDifference[] {
  const quoteSpans = new Map<string, Span[]>();
  for (const q of quotes) {
    for (const v of q.variants) {
      let list = quoteSpans.get(v.article);
      if (list === undefined) {
        list = [];
        quoteSpans.set(v.article, list);
      }
      list.push({ start: v.start, end: v.end });
    }
  }
  const order = new Map(articleIds.map((id, i) => [id, i]));
  const factOrder = new Map(facts.map((f, i) => [f.id, i]));
  const locate = factLocator(facts);
  const groups = new Map<string, Group>();
  let seen = 0;
  for (const al of alignments) {
    if (!order.has(al.a) || !order.has(al.b)) continue;
    for (const passage of al.passages) {
      for (const edit of passage.edits) {
        if (!meaningful(edit, passage, al, quoteSpans)) continue;
        const a: Side = { article: al.a, text: edit.a, span: edit.aSpan };
        const b: Side = { article: al.b, text: edit.b, span: edit.bSpan };
        const na = normalize(a.text);
        const nb = normalize(b.text);
        if (na === nb) continue;
        const fact = locate(a.article, a.span) ?? locate(b.article, b.span);
        const key = `${na < nb ? `${na}\u0000${nb}` : `${nb}\u0000${na}`}\u0000${fact ?? ''}`;
        let group = groups.get(key);
        if (group === undefined) {
          group = {
            framing: false,
            loaded: new Set(),
            fact,
            variants: new Map(),
            firstSeen: seen++,
          };
          groups.set(key, group);
        }
        if (edit.framing) group.framing = true;
        for (const term of edit.loaded ?? []) group.loaded.add(term);
        for (const [side, norm] of [
          [a, na],
          [b, nb],
        ] as const) {
          let variant = group.variants.get(norm);
          if (variant === undefined) {
            variant = { text: side.text.replace(/\s+/gu, ' ').trim(), articles: new Map() };
            group.variants.set(norm, variant);
          }
          if (!variant.articles.has(side.article)) variant.articles.set(side.article, side.span);
        }
      }
    }
  }

  const rank = (id: string): number => order.get(id) ?? articleIds.length;
  const out: { diff: WordingDifference; firstSeen: number; at: number }[] = [];
  for (const group of groups.values()) {
    const variants = [...group.variants.values()].map((v) => ({
      text: v.text,
      articles: [...v.articles.keys()].sort((x, y) => rank(x) - rank(y)),
      spans: v.articles,
    }));
    variants.sort(
      (x, y) =>
        y.articles.length - x.articles.length ||
        rank(x.articles[0] as string) - rank(y.articles[0] as string),
    );
    // An article listed on two sides (the same words edited differently in
    // two pairs) stays with the more common wording only.
    const placed = new Set<string>();
    const spans: BriefExcerpt[] = [];
    const kept = [];
    for (const v of variants) {
      const articles = v.articles.filter((id) => !placed.has(id));
      for (const id of articles) {
        placed.add(id);
        const span = v.spans.get(id) as Span;
        spans.push({ article: id, start: span.start, end: span.end });
      }
      if (articles.length > 0) kept.push({ text: v.text, articles });
    }
    if (kept.length < 2) continue;
    spans.sort((x, y) => rank(x.article) - rank(y.article));
    const diff: WordingDifference = group.framing
      ? {
          kind: 'loaded-term',
          variants: kept,
          loaded: [...group.loaded].sort(),
          fact: group.fact,
          spans,
        }
      : { kind: 'substitution', variants: kept, fact: group.fact, spans };
    const at = group.fact === null ? facts.length : (factOrder.get(group.fact) ?? facts.length);
    out.push({ diff, firstSeen: group.firstSeen, at });
  }
  const firstSpan = (d: WordingDifference): number => d.spans[0]?.start ?? 0;
  out.sort(
    (x, y) =>
      (x.diff.kind === 'loaded-term' ? 0 : 1) - (y.diff.kind === 'loaded-term' ? 0 : 1) ||
      x.at - y.at ||
      firstSpan(x.diff) - firstSpan(y.diff) ||
      x.firstSeen - y.firstSeen,
  );
  return out.map((o) => o.diff);
}
