import type {
  Alignment,
  Article,
  Brief,
  BriefAdditions,
  BriefDate,
  BriefEntity,
  BriefSentence,
  CommonSource,
  Comparison,
  FactUnit,
  ProvenanceGraph,
  Span,
} from '../model/index.ts';
import { briefQuotes } from './brief-quotes.ts';
import { provenanceSummary } from './provenance-summary.ts';
import { type FramingSpans, renderFact } from './render-fact.ts';
import { wordingDifferences } from './wording-differences.ts';

/**
 * A fact belongs to the core account when more than this share of the
 * story's articles carry it ("most outlets"): 3 of 5 in the model case (the
 * wire facts its three copies carry), 2 of 2, 2 of 3.
 */
export const CORE_MIN_SHARE = 0.5;

/** People, organisations and places listed per kind in the brief. */
export const BRIEF_MAX_ENTITIES = 10;

/** What align found in a story, as `buildBrief` reads it. */
export interface BriefAlignment {
  alignments: Alignment[];
  /** Every aligned pair when `alignments` lists only some (see `StoryAlignment.allPairs`). */
  allPairs?: Alignment[];
  sources: CommonSource[];
  provenance: ProvenanceGraph;
}

function coreFacts(facts: readonly FactUnit[], articleCount: number): Set<string> {
  if (articleCount <= 1) return new Set(facts.map((f) => f.id));
  const carriers = (f: FactUnit): number => new Set(f.articles).size;
  let core = facts.filter((f) => carriers(f) >= 2 && carriers(f) > articleCount * CORE_MIN_SHARE);
  if (core.length === 0) {
    // No fact is carried by most articles: the most widely carried shared ones stand in.
    const most = Math.max(0, ...facts.map(carriers));
    if (most >= 2) core = facts.filter((f) => carriers(f) === most);
  }
  return new Set(core.map((f) => f.id));
}

/**
 * The headline of the article closest to the consensus: it carries the most
 * core facts, then lends the most sentences to the core account (its
 * wording is the majority's), then adds the fewest facts of its own; ties
 * go to the earliest article in narrative order.
 */
function chooseHeadline(
  articles: ReadonlyMap<string, Article>,
  narrative: readonly string[],
  facts: readonly FactUnit[],
  core: ReadonlySet<string>,
  sentences: readonly BriefSentence[],
): { headline: string | null; article: string | null } {
  const score = new Map<string, { core: number; lent: number; other: number }>();
  const of = (id: string) => {
    let s = score.get(id);
    if (s === undefined) {
      s = { core: 0, lent: 0, other: 0 };
      score.set(id, s);
    }
    return s;
  };
  for (const f of facts) {
    for (const id of new Set(f.articles)) {
      if (core.has(f.id)) of(id).core++;
      else of(id).other++;
    }
  }
  for (const s of sentences) of(s.from.article).lent++;
  let best: { id: string; headline: string; core: number; lent: number; other: number } | null =
    null;
  for (const id of narrative) {
    const headline = articles.get(id)?.headline?.trim();
    if (!headline) continue;
    const c = of(id);
    if (
      best === null ||
      c.core > best.core ||
      (c.core === best.core && c.lent > best.lent) ||
      (c.core === best.core && c.lent === best.lent && c.other < best.other)
    ) {
      best = { id, headline, ...c };
    }
  }
  return best === null
    ? { headline: null, article: null }
    : { headline: best.headline, article: best.id };
}

/** Where each article's loaded terms were swapped, to keep them out of the core account. */
function framingSpans(alignments: readonly Alignment[]): FramingSpans {
  const out = new Map<string, Span[]>();
  const add = (id: string, span: Span): void => {
    let list = out.get(id);
    if (list === undefined) {
      list = [];
      out.set(id, list);
    }
    list.push(span);
  };
  for (const al of alignments) {
    for (const p of al.passages) {
      for (const e of p.edits) {
        if (!e.framing) continue;
        // Only the side that has the loaded term is marked.
        const loaded = e.loaded ?? [];
        const inA = loaded.length === 0 || loaded.some((t) => e.a.toLowerCase().includes(t));
        const inB = loaded.length === 0 || loaded.some((t) => e.b.toLowerCase().includes(t));
        if (inA && e.a !== '') add(al.a, e.aSpan);
        if (inB && e.b !== '') add(al.b, e.bSpan);
      }
    }
  }
  return out;
}

function isoStart(date: string): string {
  return date.split('/')[0] ?? date;
}

/**
 * The dated events in date order, one entry per date and fact (the
 * articles that date it merged), each worded as the brief words its fact.
 */
function timelineOf(
  comparison: Comparison,
  rendered: readonly BriefSentence[],
  rank: ReadonlyMap<string, number>,
): BriefDate[] {
  const wording = new Map(rendered.map((s) => [s.fact, s.text]));
  const factOrder = new Map(comparison.facts.map((f, i) => [f.id, i]));
  const merged = new Map<string, BriefDate & { order: number }>();
  comparison.timeline.forEach((t, i) => {
    const key = `${t.date}\n${t.fact ?? `text:${t.text}`}`;
    const entry = merged.get(key);
    if (entry === undefined) {
      merged.set(key, {
        date: t.date,
        text: (t.fact === null ? undefined : wording.get(t.fact)) ?? t.text,
        fact: t.fact,
        cites: [...t.articles],
        order: t.fact === null ? comparison.facts.length + i : (factOrder.get(t.fact) ?? i),
      });
    } else {
      for (const id of t.articles) if (!entry.cites.includes(id)) entry.cites.push(id);
    }
  });
  const byRank = (a: string, b: string): number => (rank.get(a) ?? 1e9) - (rank.get(b) ?? 1e9);
  return [...merged.values()]
    .sort((x, y) => {
      const a = isoStart(x.date);
      const b = isoStart(y.date);
      if (a !== b) return a < b ? -1 : 1;
      if (x.date !== y.date) return x.date < y.date ? -1 : 1;
      return x.order - y.order;
    })
    .map(({ date, text, fact, cites }) => ({ date, text, fact, cites: cites.sort(byRank) }));
}

function entitiesOf(comparison: Comparison, articleCount: number): BriefEntity[] {
  const minArticles = Math.min(2, articleCount);
  const out: BriefEntity[] = [];
  for (const kind of ['person', 'organization', 'place'] as const) {
    const list = comparison.entities
      .filter((e) => e.kind === kind && e.articles.length >= minArticles)
      .sort(
        (a, b) =>
          b.articles.length - a.articles.length ||
          b.mentions - a.mentions ||
          (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
      )
      .slice(0, BRIEF_MAX_ENTITIES);
    for (const e of list) {
      out.push({ name: e.name, kind: e.kind, mentions: e.mentions, cites: [...e.articles] });
    }
  }
  return out;
}

/**
 * Write the merged, cited brief of one story from what align and compare
 * found: a headline (the article closest to the consensus), the core
 * account (facts most articles carry, in narrative order, each rendered
 * from its clearest member sentence and cited by every article carrying
 * it), what only some report (grouped by the articles that carry it), how
 * the wording differs, each quote's fidelity, where the text came from
 * (one templated paragraph), the timeline, and who and where. Extractive:
 * every sentence but the provenance paragraph is an article's sentence.
 * Pure and deterministic.
 *
 * @param articles the story's articles (others are ignored)
 * @example
 * const brief = buildBrief(articles, alignStory(articles, story), comparison);
 * brief.sentences[0].cites // ['a10cca1b9e765077', ...]
 */
export function buildBrief(
  articles: readonly Article[],
  alignment: BriefAlignment,
  comparison: Comparison,
): Brief {
  if (!Array.isArray(articles)) {
    throw new TypeError(`Expected articles to be an array, got ${typeof articles}`);
  }
  if (typeof comparison !== 'object' || comparison === null || !Array.isArray(comparison.facts)) {
    throw new TypeError('Expected a Comparison with `facts`, as compareStory returns');
  }
  if (typeof alignment !== 'object' || alignment === null || !Array.isArray(alignment.alignments)) {
    throw new TypeError('Expected a story alignment with `alignments`, as alignStory returns');
  }
  const byId = new Map<string, Article>();
  for (const a of articles) if (!byId.has(a.id)) byId.set(a.id, a);
  const narrative = comparison.coverage.articles.filter((id) => byId.has(id));
  for (const a of byId.keys()) if (!narrative.includes(a)) narrative.push(a);

  const core = coreFacts(comparison.facts, narrative.length);
  // Wording is judged on every aligned pair, listed or not (see `allPairs`).
  const pairs = alignment.allPairs ?? alignment.alignments;
  const framing = framingSpans(pairs);
  const render = (f: FactUnit) => renderFact(f, byId, narrative, framing);
  const sentences = comparison.facts.filter((f) => core.has(f.id)).map(render);

  const groups = new Map<string, BriefAdditions>();
  const rank = new Map(narrative.map((id, i) => [id, i]));
  for (const f of comparison.facts) {
    if (core.has(f.id)) continue;
    const sentence = render(f);
    if (sentence.cites.length === 0) continue;
    const key = sentence.cites.join('\n');
    let group = groups.get(key);
    if (group === undefined) {
      group = { articles: sentence.cites, sentences: [] };
      groups.set(key, group);
    }
    group.sentences.push(sentence);
  }
  const onlySome = [...groups.values()].sort((x, y) => {
    if (x.articles.length !== y.articles.length) return y.articles.length - x.articles.length;
    for (let i = 0; i < x.articles.length; i++) {
      const d = (rank.get(x.articles[i] as string) ?? 0) - (rank.get(y.articles[i] as string) ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  });

  const timeline = timelineOf(
    comparison,
    [...sentences, ...onlySome.flatMap((g) => g.sentences)],
    rank,
  );

  const { headline, article } = chooseHeadline(byId, narrative, comparison.facts, core, sentences);
  return {
    headline,
    headlineArticle: article,
    sentences,
    onlySome,
    wording: wordingDifferences(pairs, comparison.facts, narrative, comparison.quoteVariants),
    quotes: briefQuotes(comparison.quoteVariants),
    provenance: provenanceSummary(
      byId,
      narrative,
      alignment.sources,
      alignment.provenance,
      comparison.quoteVariants,
    ),
    timeline,
    entities: entitiesOf(comparison, narrative.length),
  };
}
