/**
 * The Article builder shared by the stage tests, benchmarks and cross-stage
 * tests (a `.case.ts` file: not a test itself, and left out of the build).
 */
import type { Article } from './article.ts';

/**
 * A minimal English Article (source `<id>.txt`, no metadata) around a text
 * split into paragraphs on blank lines (trimmed, empty ones dropped, joined
 * again by one blank line), or around paragraphs given as they are;
 * `extra` sets any other field.
 *
 * @example
 * testArticle('a', 'First paragraph.\n\nSecond.', { publishedAt: '2021-08-26' });
 */
export function testArticle(
  id: string,
  text: string | readonly string[],
  extra: Partial<Article> = {},
): Article {
  const paragraphs =
    typeof text === 'string'
      ? text
          .split(/\n\s*\n/)
          .map((p) => p.trim())
          .filter((p) => p !== '')
      : [...text];
  return {
    id,
    source: `${id}.txt`,
    url: null,
    headline: null,
    bylines: [],
    publishedAt: null,
    dateline: null,
    outlet: null,
    credits: [],
    cites: [],
    language: 'en',
    text: paragraphs.join('\n\n'),
    paragraphs,
    removed: [],
    ...extra,
  };
}
