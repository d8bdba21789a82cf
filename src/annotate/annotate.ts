import type { Annotation } from '../model/annotation.ts';
import type { Article } from '../model/article.ts';
import { segment } from '../text/sentences.ts';
import { resolveCoreference } from './coref.ts';
import { findDates } from './dates.ts';
import { type EntityRecognizer, ruleBasedRecognizer } from './entities.ts';
import { findQuotes } from './quotes.ts';

/** Options for {@link annotate}. */
export interface AnnotateOptions {
  /**
   * The named-entity recognizer; defaults to the built-in rule-based one.
   * Pass another (for example one backed by a local model) to replace it;
   * coreference, quotes and dates run on its output the same way.
   */
  recognizer?: EntityRecognizer;
  /** Include `tokens` in the result (default true). */
  tokens?: boolean;
}

/**
 * Annotate one article: sentences and tokens with character offsets, named
 * entities with within-article coreference, direct quotes with their
 * speakers, and dates resolved against `article.publishedAt`. Pure: offsets
 * point into `article.text`, nothing is read from the clock.
 *
 * @example
 * const a = annotate(article);
 * a.quotes[0].speaker // "Alexander Mikheev"
 */
export function annotate(article: Article, options: AnnotateOptions = {}): Annotation {
  if (article === null || typeof article !== 'object' || typeof article.text !== 'string') {
    throw new TypeError(`Expected an Article with a string \`text\`, got ${describe(article)}`);
  }
  const recognizer = options.recognizer ?? ruleBasedRecognizer;
  if (typeof recognizer?.recognize !== 'function') {
    throw new TypeError(
      `Expected options.recognizer to have a recognize() method, got ${describe(recognizer)}`,
    );
  }
  const text = article.text;
  const { sentences, tokens } = segment(text);
  const recognised = recognizer.recognize(text, sentences, tokens);
  const entities = resolveCoreference(text, recognised, tokens);
  const quotes = findQuotes(text, sentences, entities);
  const dates = findDates(text, sentences, article.publishedAt ?? null);
  const out: Annotation = { articleId: article.id, sentences, entities, quotes, dates };
  if (options.tokens !== false) out.tokens = tokens;
  return out;
}

/** Annotate many articles, in order (one {@link annotate} call each). */
export function annotateAll(
  articles: readonly Article[],
  options: AnnotateOptions = {},
): Annotation[] {
  if (!Array.isArray(articles))
    throw new TypeError(`Expected an array of Articles, got ${describe(articles)}`);
  return articles.map((a) => annotate(a, options));
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `an object without a string \`text\``;
  return typeof value;
}
