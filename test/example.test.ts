import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { extractArticles } from '../src/extract/index.ts';
import type {
  AgencyMention,
  Article,
  RemovalReason,
  RemovedBlock,
  Source,
  SourceFormat,
} from '../src/model/index.ts';
import { repoRoot } from './support/repo-root.ts';

// The bundled example (examples/harbour-crane/, a fictional wire story as
// five outlets ran it) read by the extract stage and checked against what
// a careful human reader wrote down in examples/harbour-crane.expected.json
// (see examples/README.md). Every field the expected reading gives for the
// extract stage is checked: headline, bylines, publication time, dateline,
// outlet, credits, cites, language, the body (paragraph count, first and
// last words, the quotes and added paragraphs it must keep, the sentences
// an outlet dropped) and every listed block of furniture in `removed`.

interface ExpectedQuote {
  text: string;
}

/** The fields of expected.json this test reads (quotes, dates and edits serve later stages). */
interface ExpectedArticle {
  format: 'text' | 'markdown' | 'html';
  outlet: string | null;
  headline: string | null;
  bylines: string[];
  publishedAt: string | null;
  dateline: string | null;
  credits: AgencyMention[];
  cites: AgencyMention[];
  language: string | null;
  paragraphCount: number;
  bodyStartsWith: string;
  bodyEndsWith: string;
  removed: Array<{ text: string; reason: RemovalReason }>;
  quotes: ExpectedQuote[] | string;
  editsFromWire?: { droppedSentences?: string[]; addedParagraphs?: string[] };
}

interface Expected {
  wireOriginal: string;
  articles: Record<string, ExpectedArticle>;
}

const ROOT = repoRoot();
const FOLDER = join(ROOT, 'examples', 'harbour-crane');
const expected = JSON.parse(
  readFileSync(join(ROOT, 'examples', 'harbour-crane.expected.json'), 'utf8'),
) as Expected;
const FILES = Object.keys(expected.articles).sort();

function loadArticles(): Map<string, Article> {
  const sources: Source[] = FILES.map((file) => ({
    location: file,
    format: (expected.articles[file] as ExpectedArticle).format satisfies SourceFormat,
    content: readFileSync(join(FOLDER, file), 'utf8'),
    meta: {},
  }));
  const { articles, problems } = extractArticles(sources);
  assert.deepEqual(problems, []);
  return new Map(articles.map((a) => [a.source, a]));
}

const articles = loadArticles();

function article(file: string): Article {
  const a = articles.get(file);
  assert.ok(a, `${file} was extracted`);
  return a;
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * The same publication time: the same instant when the reading gives an
 * offset (the article must give one too), the same local time otherwise;
 * ":00" seconds are optional either way.
 */
function assertSameTime(actual: string | null, wanted: string | null, what: string): void {
  if (wanted === null || actual === null) {
    assert.equal(actual, wanted, what);
    return;
  }
  const zoned = (s: string): boolean => /(?:Z|[+-]\d{2}:\d{2})$/.test(s);
  assert.equal(zoned(actual), zoned(wanted), `${what}: ${actual} vs ${wanted} (offset)`);
  if (zoned(wanted)) {
    assert.equal(Date.parse(actual), Date.parse(wanted), `${what}: ${actual} vs ${wanted}`);
  } else {
    const local = (s: string): string => s.replace(/(T\d{2}:\d{2}):00$/, '$1');
    assert.equal(local(actual), local(wanted), what);
  }
}

/**
 * The removed blocks that hold an expected block's text: one block with
 * that text, or a run of neighbouring blocks whose texts joined make it
 * (an HTML menu is removed link by link), looked for from `from` on.
 * Null when the text is not removed there.
 */
function findRemovedAt(
  removed: readonly RemovedBlock[],
  text: string,
  from: number,
): { start: number; end: number } | null {
  const wanted = norm(text);
  for (let i = from; i < removed.length; i++) {
    let joined = '';
    for (let j = i; j < removed.length; j++) {
      joined = norm(`${joined} ${removed[j]?.text ?? ''}`);
      if (joined === wanted) return { start: i, end: j + 1 };
      if (!wanted.startsWith(joined)) break;
    }
  }
  return null;
}

/**
 * Every expected block of furniture matched to the removed blocks that
 * hold it. The reading and `removed` both list blocks in page order, so
 * each is looked for only after the one before it: the "Kestrel Bay"
 * section label above a headline is not taken for the "Kestrel Bay" entry
 * of the menu before it, and a block listed out of order is not found.
 * Null for a block not removed (or not removed in page order).
 */
function matchRemoved(
  removed: readonly RemovedBlock[],
  wanted: ExpectedArticle['removed'],
): Array<RemovedBlock[] | null> {
  let from = 0;
  return wanted.map((block) => {
    const at = findRemovedAt(removed, block.text, from);
    if (at === null) return null;
    from = at.end;
    return removed.slice(at.start, at.end);
  });
}

/** Sentences every copy of the wire must keep: the quotes, given per file or by the wire's. */
function keptQuotes(file: string): string[] {
  const quotes = (expected.articles[file] as ExpectedArticle).quotes;
  const list =
    typeof quotes === 'string'
      ? (expected.articles[expected.wireOriginal] as ExpectedArticle).quotes
      : quotes;
  return Array.isArray(list) ? list.map((q) => q.text) : [];
}

for (const file of FILES) {
  const want = expected.articles[file] as ExpectedArticle;

  test(`extractArticles(harbour-crane) reads the headline, bylines, time, dateline, outlet and language of ${file}`, () => {
    const a = article(file);
    assert.equal(a.headline, want.headline);
    assert.deepEqual(a.bylines, want.bylines);
    assertSameTime(a.publishedAt, want.publishedAt, 'publishedAt');
    assert.equal(a.dateline, want.dateline);
    assert.equal(a.outlet, want.outlet);
    assert.equal(a.language, want.language);
  });

  test(`extractArticles(harbour-crane) reads the credited and cited agencies of ${file}`, () => {
    const a = article(file);
    assert.deepEqual(a.credits, want.credits);
    assert.deepEqual(a.cites, want.cites);
  });

  test(`extractArticles(harbour-crane) keeps the body of ${file} and only the body`, () => {
    const a = article(file);
    assert.equal(a.paragraphs.length, want.paragraphCount);
    assert.ok(
      a.text.startsWith(want.bodyStartsWith),
      `body starts '${want.bodyStartsWith}', got '${a.text.slice(0, 80)}'`,
    );
    assert.ok(
      a.text.endsWith(want.bodyEndsWith),
      `body ends '${want.bodyEndsWith}', got '${a.text.slice(-80)}'`,
    );
    for (const quote of keptQuotes(file)) assert.ok(a.text.includes(quote), `keeps “${quote}”`);
    for (const added of want.editsFromWire?.addedParagraphs ?? []) {
      assert.ok(a.paragraphs.includes(added), `keeps the added paragraph '${added.slice(0, 40)}…'`);
    }
    for (const dropped of want.editsFromWire?.droppedSentences ?? []) {
      assert.ok(!a.text.includes(dropped), `does not have the dropped '${dropped}'`);
    }
  });

  test(`extractArticles(harbour-crane) lists every block of furniture of ${file} in removed, none in the body`, () => {
    const a = article(file);
    const matched = matchRemoved(a.removed, want.removed);
    want.removed.forEach((block, k) => {
      assert.ok(matched[k], `'${block.text}' is in removed, in page order`);
      const text = norm(block.text);
      for (const p of a.paragraphs) {
        assert.ok(
          norm(p) !== text && (text.split(' ').length < 4 || !norm(p).includes(text)),
          `'${block.text}' is not in the body`,
        );
      }
    });
  });

  // HTML blocks are named by the shared furniture rules of extract/text and
  // by their markup (src/extract/html/name-removed.ts); an HTML block the
  // reader lists as one (a menu, a footer) is often several removed blocks,
  // and each must give the reader's reason.
  test(`extractArticles(harbour-crane) removes the furniture of ${file} for the reader's reasons`, () => {
    const a = article(file);
    const matched = matchRemoved(a.removed, want.removed);
    const wrong: string[] = [];
    want.removed.forEach((block, k) => {
      const reasons = [...new Set((matched[k] ?? []).map((r) => r.reason))];
      if (reasons.length !== 1 || reasons[0] !== block.reason) {
        wrong.push(
          `'${block.text.slice(0, 40)}': ${reasons.join('+') || 'not removed'} for ${block.reason}`,
        );
      }
    });
    assert.deepEqual(wrong, []);
  });
}
