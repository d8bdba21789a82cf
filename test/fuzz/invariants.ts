import assert from 'node:assert/strict';
import { extractArticles } from '../../src/extract/index.ts';
import { ingest, MAX_DOCUMENT_BYTES } from '../../src/ingest/index.ts';
import type { Article, Problem, Source } from '../../src/model/index.ts';
import type { FuzzCase } from './fuzz-case.ts';

const PROBLEM_CODE = /^[a-z]+\/[a-z0-9-]+$/;
const FORMATS = new Set(['text', 'markdown', 'html']);
const HEX_ID = /^[0-9a-f]+$/;
const LANGUAGE = /^[a-z]{2,3}$/;
const REASONS = new Set([
  'headline',
  'header',
  'byline',
  'dateline',
  'date',
  'caption',
  'photo-credit',
  'counter',
  'share',
  'related-link',
  'placeholder',
  'newsletter',
  'donation',
  'author-box',
  'duplicate',
  'standfirst',
  'subheading',
  'navigation',
  'advertisement',
  'comments',
  'legal',
  'template',
  'credit-line',
  'boilerplate',
]);

/** A problem is well formed: a namespaced code, words to act on, a place, a severity, a line/offset in range. */
export function checkProblem(problem: Problem, input: FuzzCase): void {
  assert.match(problem.code, PROBLEM_CODE, `problem code ${problem.code}`);
  assert.equal(typeof problem.message, 'string');
  assert.ok(problem.message.trim().length > 0, `${problem.code} has an empty message`);
  assert.equal(typeof problem.source, 'string');
  assert.ok(problem.source.length > 0, `${problem.code} has no source`);
  assert.ok(problem.severity === 'error' || problem.severity === 'warning');
  if (problem.line !== undefined) {
    assert.ok(Number.isSafeInteger(problem.line) && problem.line >= 1, `line ${problem.line}`);
    // A line number points at a line of the input (counted on its bytes: one line per newline, plus one).
    let lines = 1;
    for (const byte of input.bytes) if (byte === 0x0a) lines++;
    assert.ok(
      problem.line <= lines || input.location.endsWith('.gz'),
      `line ${problem.line} > ${lines}`,
    );
  }
  if (problem.offset !== undefined) {
    assert.ok(
      Number.isSafeInteger(problem.offset) && problem.offset >= 0,
      `offset ${problem.offset}`,
    );
  }
}

/** Sources are well formed, uniquely located and within the document cap. */
export function checkSources(sources: readonly Source[], input: FuzzCase): void {
  const cap = input.limits?.maxDocumentBytes ?? MAX_DOCUMENT_BYTES;
  const seen = new Set<string>();
  for (const source of sources) {
    assert.equal(typeof source.location, 'string');
    assert.ok(
      source.location.startsWith(input.location),
      `${source.location} outside ${input.location}`,
    );
    assert.ok(!seen.has(source.location), `two sources at ${source.location}`);
    seen.add(source.location);
    assert.ok(FORMATS.has(source.format), `format ${source.format}`);
    assert.equal(typeof source.content, 'string');
    assert.ok(source.content.length <= cap, `content of ${source.content.length} past the cap`);
    assert.equal(typeof source.meta, 'object');
    if (source.meta.publishedAt !== undefined) {
      assert.ok(!Number.isNaN(Date.parse(source.meta.publishedAt)), source.meta.publishedAt);
    }
  }
}

/** An article keeps the model's promises: text is its paragraphs joined, fields have their shapes. */
export function checkArticle(article: Article, locations: ReadonlySet<string>): void {
  assert.ok(locations.has(article.source), `article from unknown source ${article.source}`);
  assert.match(article.id, HEX_ID);
  assert.ok(article.paragraphs.length > 0, 'an article has at least one paragraph');
  for (const paragraph of article.paragraphs) {
    assert.equal(typeof paragraph, 'string');
    assert.ok(paragraph.trim() !== '', 'empty paragraph');
  }
  assert.equal(
    article.text,
    article.paragraphs.join('\n\n'),
    'text is paragraphs joined by blank lines',
  );
  if (article.language !== null) assert.match(article.language, LANGUAGE);
  if (article.publishedAt !== null) {
    assert.ok(!Number.isNaN(Date.parse(article.publishedAt)), `publishedAt ${article.publishedAt}`);
  }
  for (const block of article.removed) {
    assert.equal(typeof block.text, 'string');
    assert.ok(REASONS.has(block.reason), `removal reason ${block.reason}`);
  }
  for (const mention of [...article.credits, ...article.cites]) {
    assert.ok(mention.name.length > 0 && typeof mention.evidence === 'string');
  }
  for (const name of article.bylines) assert.ok(name.trim() !== '', 'empty byline');
}

/**
 * Ingest the case, then extract articles from every source, checking every
 * invariant on the way; return the whole output as JSON. Bad data must
 * become problems: a source that gives no article, and an input that gives
 * no source, each has a problem saying why.
 */
export async function ingestAndExtract(input: FuzzCase): Promise<string> {
  const raw = { location: input.location, bytes: input.bytes } as {
    location: string;
    bytes: Uint8Array;
    contentType?: string;
  };
  if (input.contentType !== undefined) raw.contentType = input.contentType;
  const ingested = await ingest(raw, input.limits ?? {});
  checkSources(ingested.sources, input);
  for (const problem of ingested.problems) checkProblem(problem, input);
  if (ingested.sources.length === 0) {
    assert.ok(ingested.problems.length > 0, 'nothing read and no problem says why');
  }
  const extracted = extractArticles(ingested.sources);
  const locations = new Set(ingested.sources.map((source) => source.location));
  for (const article of extracted.articles) checkArticle(article, locations);
  for (const problem of extracted.problems) checkProblem(problem, input);
  const explained = new Set([
    ...extracted.articles.map((article) => article.source),
    ...extracted.problems.map((problem) => problem.source),
  ]);
  for (const location of locations) {
    assert.ok(explained.has(location), `${location} gave neither an article nor a problem`);
  }
  return JSON.stringify({ ingested, extracted });
}
