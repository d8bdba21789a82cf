import type { Annotation, Article, Comparison, Span, StoryAlignment } from '../model/index.ts';
import { splitSentences } from '../text/sentences.ts';
import { coverageOf } from './coverage.ts';
import { entityRollup } from './entity-rollup.ts';
import { type FactUnitOptions, factUnits, sentenceKey } from './fact-units.ts';
import { type ArticleQuote, quoteVariants } from './quote-variants.ts';
import { timelineOf } from './timeline.ts';

/** Options of `compareStory`. */
export interface CompareOptions extends FactUnitOptions {}

/**
 * Compare the articles of one story: fact units (the same fact across
 * outlets, verbatim, edited or paraphrased), the coverage matrix with each
 * article's unique facts and omissions, quote fidelity, and the entity and
 * date roll-ups. Pure and deterministic; everything is in narrative order
 * (the article carrying the most shared facts sets the order, the others'
 * facts are woven in where they appear).
 *
 * @param articles the story's articles (duplicate ids: the first counts)
 * @param annotations annotate's output per article, matched by `articleId`;
 *   an article without one is split into sentences here and has no quotes,
 *   entities or dates
 * @param alignment align's output for the story (its listed `alignments`;
 *   a large story's unlisted pairs are left to the sentence model); without
 *   it, sentences are matched by the sentence model alone
 */
export function compareStory(
  articles: readonly Article[],
  annotations: readonly Annotation[],
  alignment?: StoryAlignment,
  options: CompareOptions = {},
): Comparison {
  if (!Array.isArray(articles)) {
    throw new TypeError(`Expected articles to be an array, got ${typeof articles}`);
  }
  if (!Array.isArray(annotations)) {
    throw new TypeError(`Expected annotations to be an array, got ${typeof annotations}`);
  }
  const unique: Article[] = [];
  const ids = new Set<string>();
  for (const a of articles) {
    if (typeof a?.id !== 'string' || typeof a.text !== 'string') {
      throw new TypeError('Expected articles with a string `id` and `text`');
    }
    if (ids.has(a.id)) continue;
    ids.add(a.id);
    unique.push(a);
  }
  const annotationOf = new Map<string, Annotation>();
  for (const an of annotations)
    if (!annotationOf.has(an.articleId)) annotationOf.set(an.articleId, an);
  const sentencesOf = (a: Article): Span[] =>
    annotationOf.get(a.id)?.sentences ?? splitSentences(a.text);
  const spans = unique.map(sentencesOf);

  const { units, articleOrder, unitOfSentence } = factUnits(unique, spans, alignment, options);
  const ordered = articleOrder.map((i) => unique[i] as Article);
  const orderedIds = ordered.map((a) => a.id);

  const quotes: ArticleQuote[] = [];
  for (const a of ordered) {
    const qs = [...(annotationOf.get(a.id)?.quotes ?? [])].sort((x, y) => x.start - y.start);
    for (const q of qs) quotes.push({ ...q, article: a.id });
  }

  return {
    facts: units,
    coverage: coverageOf(units, orderedIds),
    quoteVariants: quoteVariants(quotes),
    entities: entityRollup(
      ordered.map((a) => ({ article: a.id, entities: annotationOf.get(a.id)?.entities ?? [] })),
    ),
    timeline: timelineOf(
      ordered.map((a, i) => ({
        article: a.id,
        text: a.text,
        sentences: spans[articleOrder[i] as number] ?? [],
        dates: annotationOf.get(a.id)?.dates ?? [],
      })),
      (article, start) => unitOfSentence.get(sentenceKey(article, start)) ?? null,
    ),
  };
}
