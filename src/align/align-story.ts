import type { Alignment, StoryAlignment } from '../model/alignment.ts';
import type { Article } from '../model/article.ts';
import type { Problem } from '../model/problem.ts';
import type { Relation, Story } from '../model/story.ts';
import { type AlignOptions, alignPrepared } from './align-pair.ts';
import { buildProvenance } from './build-provenance.ts';
import { ALL_PAIRS_MAX_ARTICLES, MAX_STORY_ARTICLES } from './limits.ts';
import { type PreparedText, prepareText } from './prepare-text.ts';
import { reconstructPrepared } from './reconstruct-sources.ts';

function isArticle(x: unknown): x is Article {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return typeof r['id'] === 'string' && typeof r['text'] === 'string';
}

/**
 * Which pairs to align and how. With a story: pairs whose relation shows
 * nothing shared (`same-story` with zero containment both ways) are
 * skipped; `derived` and `duplicate` pairs also get paraphrase matching; a
 * pair the group stage left without a relation gets passage alignment only,
 * and when the story is `related` (see `relatedPairsOnly`) its alignment
 * serves the common sources and the provenance but is not `listed` in the
 * story's alignments. Without a story: every pair, with paraphrase matching
 * when passages exist.
 */
function plan(
  relation: Relation | undefined,
  haveStory: boolean,
  related: boolean,
): { align: boolean; paraphrase: boolean | 'if-shared'; listed: boolean } {
  if (!haveStory) return { align: true, paraphrase: 'if-shared', listed: true };
  if (relation === undefined) return { align: true, paraphrase: false, listed: !related };
  if (relation.kind === 'derived' || relation.kind === 'duplicate') {
    return { align: true, paraphrase: true, listed: true };
  }
  return {
    align: relation.containmentAB > 0 || relation.containmentBA > 0,
    paraphrase: false,
    listed: true,
  };
}

/**
 * Whether a story of `articles` members with `relations` relations lists
 * only its related pairs' alignments: when it is larger than
 * ALL_PAIRS_MAX_ARTICLES and carries relations (the group stage then keeps
 * each article's strongest few), so the output and the later stages grow
 * with the relations, not with the square of the story. A story without
 * relations lists every pair.
 */
function relatedPairsOnly(articles: number, relations: number): boolean {
  return articles > ALL_PAIRS_MAX_ARTICLES && relations > 0;
}

/**
 * Align a story: every related pair of articles (see the story's
 * relations), the common sources their copies share, and the provenance
 * graph. Pairs with nothing aligned are left out of `alignments`, and so
 * are unrelated pairs of a story over ALL_PAIRS_MAX_ARTICLES articles
 * (they still count toward the sources and the provenance). Problems
 * (a repeated article, an article cut at the word cap, story ids with no
 * article) are reported, never thrown.
 *
 * @example
 * const { alignments, sources, provenance } = alignStory(articles, story);
 */
export function alignStory(
  articles: Article[],
  story?: Story,
  options: AlignOptions = {},
): StoryAlignment {
  if (!Array.isArray(articles)) {
    throw new TypeError(`Expected articles as an array, got ${typeof articles}`);
  }
  articles.forEach((a, i) => {
    if (!isArticle(a))
      throw new TypeError(`Expected articles[${i}] to be an Article with id and text`);
  });
  const problems: Problem[] = [];
  const byId = new Map<string, Article>();
  for (const a of articles) {
    if (byId.has(a.id)) {
      problems.push({
        code: 'align/duplicate-article',
        message: `Article ${a.id} was given more than once; it is aligned once.`,
        source: a.source,
        severity: 'warning',
      });
      continue;
    }
    byId.set(a.id, a);
  }
  let ids = [...byId.keys()];
  if (story !== undefined) {
    for (const id of story.articleIds) {
      if (!byId.has(id)) {
        problems.push({
          code: 'align/missing-article',
          message: `Story ${story.id} lists article ${id}, which was not given; it is left out.`,
          source: story.id,
          severity: 'warning',
        });
      }
    }
    const inStory = new Set(story.articleIds);
    ids = ids.filter((id) => inStory.has(id));
  }
  ids.sort();
  if (ids.length > MAX_STORY_ARTICLES) {
    problems.push({
      code: 'align/too-many-articles',
      message: `The story has ${ids.length} articles; only the first ${MAX_STORY_ARTICLES} (by id) are aligned.`,
      source: story?.id ?? '-',
      severity: 'warning',
    });
    ids = ids.slice(0, MAX_STORY_ARTICLES);
  }
  const members = ids.map((id) => byId.get(id) as Article);
  const prepared = new Map<string, PreparedText>();
  for (const a of members) {
    const p = prepareText(a.text);
    prepared.set(a.id, p);
    if (p.truncated) {
      problems.push({
        code: 'align/truncated',
        message: `Article ${a.id} is longer than the alignment cap; only its first words are aligned.`,
        source: a.source,
        severity: 'warning',
      });
    }
  }
  const relations = new Map<string, Relation>();
  for (const r of story?.relations ?? []) {
    relations.set(r.a < r.b ? `${r.a}\n${r.b}` : `${r.b}\n${r.a}`, r);
  }

  const related = relatedPairsOnly(ids.length, relations.size);
  const alignments: Alignment[] = [];
  const everyPair: Alignment[] = [];
  const scoreCache = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i] as string;
      const b = ids[j] as string;
      const how = plan(relations.get(`${a}\n${b}`), story !== undefined, related);
      if (!how.align) continue;
      const paraphrase = options.paraphrase === false ? false : how.paraphrase;
      const pa = prepared.get(a) as PreparedText;
      const pb = prepared.get(b) as PreparedText;
      const al = alignPrepared(a, pa, b, pb, { paraphrase, scoreCache });
      if (al.passages.length === 0) continue;
      everyPair.push(al);
      if (how.listed) alignments.push(al);
    }
  }
  // Sources and provenance see every aligned pair: copies of one source are
  // found as cliques of copy links, which a few relations per article miss.
  const sources = reconstructPrepared(members, everyPair, prepared);
  const out: StoryAlignment = {
    storyId: story?.id ?? null,
    alignments,
    sources,
    provenance: buildProvenance(members, everyPair, sources),
    problems,
  };
  if (alignments.length < everyPair.length) out.allPairs = everyPair;
  return out;
}
