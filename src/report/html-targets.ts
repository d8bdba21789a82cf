import type { StoryView } from './story-view.ts';

/** A fact sentence of an article as the article view marks it. */
export interface SentenceTarget {
  start: number;
  end: number;
  fact: string;
  /** DOM id of the element, or null for a second sentence of the same fact in the article. */
  id: string | null;
}

/** DOM ids shared by every part of a story's HTML. */
export interface StoryIds {
  story: string;
  section: (name: string) => string;
  /** The article card: `s0-a3`. */
  article: (id: string) => string;
  /** The sentences of each article that carry a fact, non-overlapping, in text order. */
  sentences: Map<string, SentenceTarget[]>;
  /** Where a citation of `article` for `fact` leads: its sentence, else the article card. */
  cite: (article: string, fact: string | null) => string;
}

/**
 * Number every element a link can point to in a story: ids are built from
 * positions (story, article number, fact index), never from article data,
 * so no input can produce a clashing or unsafe id.
 */
export function storyIds(view: StoryView): StoryIds {
  const story = `s${view.index}`;
  const article = (id: string): string => `${story}-a${view.number(id)}`;
  const sentences = new Map<string, SentenceTarget[]>();
  const byFact = new Map<string, string>();
  if (view.analysis !== null) {
    const members = new Map<string, { start: number; end: number; fact: string; i: number }[]>();
    view.analysis.facts.forEach((f, i) => {
      for (const m of f.members) {
        let list = members.get(m.article);
        if (list === undefined) {
          list = [];
          members.set(m.article, list);
        }
        list.push({ start: m.start, end: m.end, fact: f.id, i });
      }
    });
    for (const [articleId, list] of members) {
      if (!view.position.has(articleId)) continue;
      list.sort((a, b) => a.start - b.start || a.i - b.i);
      const kept: SentenceTarget[] = [];
      let end = -1;
      const seen = new Set<string>();
      for (const m of list) {
        if (m.start < end || m.start >= m.end) continue;
        const id = seen.has(m.fact) ? null : `${article(articleId)}-f${m.i}`;
        seen.add(m.fact);
        if (id !== null) byFact.set(`${articleId}\n${m.fact}`, id);
        kept.push({ start: m.start, end: m.end, fact: m.fact, id });
        end = m.end;
      }
      sentences.set(articleId, kept);
    }
  }
  return {
    story,
    section: (name) => `${story}-${name}`,
    article,
    sentences,
    cite: (articleId, fact) =>
      (fact === null ? undefined : byFact.get(`${articleId}\n${fact}`)) ?? article(articleId),
  };
}
