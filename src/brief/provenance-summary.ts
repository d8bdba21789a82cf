import type {
  Article,
  BriefProvenance,
  BriefSourceCopies,
  CommonSource,
  ProvenanceGraph,
  QuoteGroup,
  WordEditKind,
} from '../model/index.ts';
import { articleLabel } from './article-label.ts';
import { capitalize, joinNames, numberWord } from './number-words.ts';

/** Edits that leave a copy saying the same thing ("small edits"). */
const LIGHT_EDITS: ReadonlySet<WordEditKind> = new Set([
  'spelling',
  'punctuation',
  'function-word',
  'number-format',
]);

/**
 * Share of a copy's words (and of the source's) that must lie inside the
 * aligned passages for it to count as run "with small edits": a copy that
 * adds or drops a paragraph of a 12-paragraph wire story (the harbour-crane
 * example: 0.87 and 0.82) falls below it, one that changes a word or two
 * does not.
 */
export const LIGHT_COPY_MIN_COVERAGE = 0.95;

/** Quote variant kinds that count as altering a quote in the summary. */
const ALTERED = new Set(['altered', 'misattributed']);

function sourceCopies(source: CommonSource): BriefSourceCopies {
  const light: string[] = [];
  const edited: string[] = [];
  for (const member of source.members) {
    const al = member.alignment;
    const small =
      al.coverage.a >= LIGHT_COPY_MIN_COVERAGE &&
      al.coverage.b >= LIGHT_COPY_MIN_COVERAGE &&
      al.passages.every((p) => p.edits.every((e) => !e.framing && LIGHT_EDITS.has(e.kind)));
    (small ? light : edited).push(member.articleId);
  }
  return { source: source.id, credit: source.credit, light, edited };
}

/**
 * Outlets named in the summary at most per group; beyond, only the count
 * (a 50-copy story would list fifty names; the data beside it has them).
 */
export const MAX_NAMED_OUTLETS = 5;

/** Article-to-article copies told one by one; the rest are counted. */
const MAX_DIRECT_COPIES = 3;

/** "one outlet (A)", "three outlets (A, B and C)", "26 outlets". */
function outlets(ids: readonly string[], label: (id: string) => string, noun = 'outlet'): string {
  const count = `${numberWord(ids.length)} ${noun}${ids.length === 1 ? '' : 's'}`;
  return ids.length > MAX_NAMED_OUTLETS ? count : `${count} (${joinNames(ids.map(label))})`;
}

/**
 * How the story's articles came to be, in data and in one templated
 * paragraph: who ran a common source (with small edits or with changes),
 * who rewrote copied text and altered quotes, who covered the event from
 * another angle. The paragraph is the one part of the brief not taken from
 * the articles.
 *
 * @param narrative the story's article ids in narrative order
 */
export function provenanceSummary(
  articles: ReadonlyMap<string, Article>,
  narrative: readonly string[],
  sources: readonly CommonSource[],
  graph: ProvenanceGraph,
  quotes: readonly QuoteGroup[],
): BriefProvenance {
  const rank = new Map(narrative.map((id, i) => [id, i]));
  const byNarrative = (ids: Iterable<string>): string[] =>
    [...new Set(ids)].sort(
      (a, b) => (rank.get(a) ?? 1e9) - (rank.get(b) ?? 1e9) || (a < b ? -1 : 1),
    );
  const label = (id: string): string => {
    const a = articles.get(id);
    return a === undefined ? id : articleLabel(a);
  };

  const copies = sources.map(sourceCopies).map((s) => ({
    ...s,
    light: byNarrative(s.light),
    edited: byNarrative(s.edited),
  }));
  const inSource = new Set(sources.flatMap((s) => s.memberIds));
  const isArticle = (id: string): boolean => rank.has(id);
  const sameSource = (a: string, b: string): boolean =>
    sources.some((s) => s.memberIds.includes(a) && s.memberIds.includes(b));

  const linked = new Set<string>();
  const paraphrased = new Set<string>();
  const copiedPairs: { from: string; to: string; directed: boolean }[] = [];
  for (const e of graph.edges) {
    if (e.kind !== 'copy' && e.kind !== 'paraphrase') continue;
    for (const end of [e.from, e.to]) if (isArticle(end)) linked.add(end);
    if (e.kind === 'paraphrase' && isArticle(e.to) && !inSource.has(e.to)) paraphrased.add(e.to);
    // Copies between two members of one common source are told by the source's sentence.
    if (e.kind === 'copy' && isArticle(e.from) && isArticle(e.to) && !sameSource(e.from, e.to)) {
      copiedPairs.push({ from: e.from, to: e.to, directed: e.directed });
    }
  }

  const altered = new Map<string, number>();
  for (const q of quotes) {
    const who = new Set(q.variants.filter((v) => ALTERED.has(v.kind)).map((v) => v.article));
    for (const id of who) altered.set(id, (altered.get(id) ?? 0) + 1);
  }
  const rewrites = byNarrative(paraphrased).map((id) => ({
    article: id,
    alteredQuotes: altered.get(id) ?? 0,
  }));
  const independent = byNarrative(narrative.filter((id) => !linked.has(id) && !inSource.has(id)));

  const sentences: string[] = [];
  if (narrative.length <= 1) {
    sentences.push('One article only: there is nothing to compare it with.');
  }
  for (const s of copies) {
    const all = byNarrative([...s.light, ...s.edited]);
    const what = s.credit === 'unknown common source' ? 'a common text' : `the ${s.credit} text`;
    let how: string;
    if (s.edited.length === 0) how = 'with small edits';
    else if (s.light.length === 0) how = 'each with changes to the wording or content';
    else {
      how = `${numberWord(s.light.length)} with small edits, ${numberWord(s.edited.length)} with changes to the wording or content`;
    }
    sentences.push(`${capitalize(outlets(all, label))} ran ${what}, ${how}.`);
  }
  for (const p of copiedPairs.slice(0, MAX_DIRECT_COPIES)) {
    sentences.push(
      p.directed
        ? `${label(p.to)} copied text from ${label(p.from)}.`
        : `${label(p.from)} and ${label(p.to)} share copied text.`,
    );
  }
  const more = copiedPairs.length - MAX_DIRECT_COPIES;
  if (more > 0) {
    sentences.push(
      `${capitalize(numberWord(more))} more pair${more === 1 ? '' : 's'} of outlets share copied text directly.`,
    );
  }
  if (rewrites.length > 0) {
    const quotesAltered = rewrites.reduce((n, r) => n + r.alteredQuotes, 0);
    const tail =
      quotesAltered === 0
        ? ''
        : ` and altered ${quotesAltered === 1 ? 'a quote' : `${numberWord(quotesAltered)} quotes`}`;
    const what =
      copies.length > 0
        ? 'retold the copied text in other words'
        : 'retold shared text in other words';
    sentences.push(
      `${capitalize(
        outlets(
          rewrites.map((r) => r.article),
          label,
        ),
      )} ${what}${tail}.`,
    );
  }
  if (independent.length > 0 && narrative.length > 1) {
    sentences.push(
      `${capitalize(outlets(independent, label))} covered the same event from another angle, sharing no text with the others.`,
    );
  }
  return { text: sentences.join(' '), sources: copies, rewrites, independent };
}
