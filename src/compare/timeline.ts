import type { DateMention, Span, TimelineEntry } from '../model/index.ts';

/** One article's dated sentences, for the timeline. */
export interface ArticleDates {
  article: string;
  text: string;
  sentences: readonly Span[];
  dates: readonly DateMention[];
}

/**
 * The story's timeline: each resolved date with the sentence that dates an
 * event, merged across articles when the sentences carry the same fact.
 *
 * @param items per article, in narrative order
 * @param factOf the fact unit id of a sentence (article id, sentence start), or null
 * @returns by date (an interval by its start), then by first appearance
 */
export function timelineOf(
  items: readonly ArticleDates[],
  factOf: (article: string, start: number) => string | null,
): TimelineEntry[] {
  const entries = new Map<string, TimelineEntry & { first: number }>();
  let seen = 0;
  for (const { article, text, sentences, dates } of items) {
    for (const d of dates) {
      if (d.value === null) continue;
      const sentence = sentences.find((s) => s.start <= d.start && d.end <= s.end);
      if (sentence === undefined) continue;
      const fact = factOf(article, sentence.start);
      const key = `${d.value}|${fact ?? `${article}:${sentence.start}`}`;
      const entry = entries.get(key);
      if (entry === undefined) {
        entries.set(key, {
          date: d.value,
          text: text.slice(sentence.start, sentence.end),
          fact,
          articles: [article],
          first: seen++,
        });
      } else if (!entry.articles.includes(article)) {
        entry.articles.push(article);
      }
    }
  }
  return [...entries.values()]
    .sort((x, y) => {
      const dx = x.date.split('/')[0] as string;
      const dy = y.date.split('/')[0] as string;
      return (dx < dy ? -1 : dx > dy ? 1 : 0) || x.first - y.first;
    })
    .map(({ first: _first, ...entry }) => entry);
}
