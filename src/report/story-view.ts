import { articleLabel } from '../brief/index.ts';
import type { Analysis, Article, FactUnit, Story, StoryAnalysis } from '../model/index.ts';

/**
 * What the reports render: an `Analysis`. Stories that went through the
 * later stages (`StoryAnalysis`) get the brief, figures and comparisons;
 * others are listed with their articles only.
 */
export type ReportAnalysis = Analysis;

/** True when a story went through align, compare and brief. */
export function isStoryAnalysis(story: Story): story is StoryAnalysis {
  const s = story as Partial<StoryAnalysis>;
  return (
    typeof s.brief === 'object' &&
    s.brief !== null &&
    Array.isArray(s.facts) &&
    Array.isArray(s.alignments) &&
    typeof s.coverage === 'object'
  );
}

/** A story prepared for rendering: its articles numbered in narrative order. */
export interface StoryView {
  story: Story;
  /** Present when the story went through every stage. */
  analysis: StoryAnalysis | null;
  /** Position of the story in the report (0-based): DOM ids are built from it. */
  index: number;
  /** The story's articles in narrative order; citation numbers are positions + 1. */
  articles: Article[];
  /** Article id -> position in `articles`. */
  position: Map<string, number>;
  label: (id: string) => string;
  /** Citation number of an article (1-based), or 0 when it is not in the story. */
  number: (id: string) => number;
  facts: Map<string, FactUnit>;
  /** Fact id -> position in `analysis.facts`. */
  factIndex: Map<string, number>;
}

/** Number a story's articles in narrative order (the coverage order when there is one). */
export function storyView(
  story: Story | StoryAnalysis,
  index: number,
  articlesById: ReadonlyMap<string, Article>,
): StoryView {
  const analysis = isStoryAnalysis(story) ? story : null;
  const order = [...(analysis?.coverage.articles ?? [])];
  for (const id of story.articleIds) if (!order.includes(id)) order.push(id);
  const articles = order.flatMap((id) => articlesById.get(id) ?? []);
  const position = new Map(articles.map((a, i) => [a.id, i]));
  const facts = new Map((analysis?.facts ?? []).map((f) => [f.id, f]));
  const factIndex = new Map((analysis?.facts ?? []).map((f, i) => [f.id, i]));
  return {
    story,
    analysis,
    index,
    articles,
    position,
    label: (id) => {
      const a = articlesById.get(id);
      return a === undefined ? id : articleLabel(a);
    },
    number: (id) => (position.get(id) ?? -1) + 1,
    facts,
    factIndex,
  };
}

/** The views of every story of an analysis, the analysis order kept. */
export function storyViews(analysis: ReportAnalysis): StoryView[] {
  const byId = new Map<string, Article>();
  for (const a of analysis.articles) if (!byId.has(a.id)) byId.set(a.id, a);
  return analysis.stories.map((s, i) => storyView(s, i, byId));
}

/**
 * Group consecutive brief sentences into paragraphs: a new paragraph
 * starts where the sentence it was taken from starts a new paragraph of
 * its article, or comes from another article.
 */
export function briefParagraphs<T extends { from: { article: string; start: number } }>(
  sentences: readonly T[],
  articlesById: ReadonlyMap<string, Article>,
): T[][] {
  const out: T[][] = [];
  let last: { article: string; paragraph: number } | null = null;
  for (const s of sentences) {
    const text = articlesById.get(s.from.article)?.text ?? '';
    const paragraph = text.slice(0, s.from.start).split('\n\n').length - 1;
    const current = out[out.length - 1];
    if (
      current === undefined ||
      last === null ||
      last.article !== s.from.article ||
      last.paragraph !== paragraph
    ) {
      out.push([s]);
    } else {
      current.push(s);
    }
    last = { article: s.from.article, paragraph };
  }
  return out;
}

/** "5 March 2025" from an ISO date or date-time; the input as given when it is not one. */
export function formatDate(iso: string | null): string {
  if (iso === null) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (m === null) return iso;
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  const month = months[Number(m[2]) - 1];
  if (month === undefined) return iso;
  const day = `${Number(m[3])} ${month} ${m[1]}`;
  return m[4] === undefined ? day : `${day}, ${m[4]}:${m[5]}`;
}

/** A date or ISO interval for people: "6–9 March 2025", "1998". */
export function formatDateOrInterval(value: string): string {
  const [from, to] = value.split('/');
  if (to === undefined || from === undefined) return formatDate(value);
  const year = /^(\d{4})-01-01$/.exec(from);
  if (year !== null && to === `${year[1]}-12-31`) return year[1] as string;
  const month = /^(\d{4})-(\d{2})-01$/.exec(from);
  if (month !== null && to.startsWith(`${month[1]}-${month[2]}-`)) {
    return formatDate(from).replace(/^1 /, '');
  }
  const a = formatDate(from);
  const b = formatDate(to);
  const [ad, am, ay] = a.split(' ');
  const [bd, bm, by] = b.split(' ');
  if (ay === by && am === bm) return `${ad}–${bd} ${bm} ${by}`;
  if (ay === by) return `${ad} ${am} – ${b}`;
  return `${a} – ${b}`;
}
