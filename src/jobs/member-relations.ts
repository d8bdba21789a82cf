import { type Fingerprint, relate, type TermStatistics } from '../group/index.ts';
import type { Relation } from '../model/index.ts';

/**
 * Stories up to this size keep the relation of every pair, as src/group's
 * streaming index does (its FULL_RELATIONS_MAX, 30).
 */
export const ALL_PAIRS_MAX = 30;

/** In larger stories each member keeps its strongest relations, this many (src/group's MAX_RELATIONS_PER_ARTICLE, 4). */
export const RELATIONS_PER_MEMBER = 4;

/**
 * Members related at most: align aligns only the first 500 by id (its
 * MAX_STORY_ARTICLES), so relations of later ones would go unused; 500
 * members are 124,750 pairs, a few seconds of `relate`.
 */
export const RELATED_MEMBERS_MAX = 500;

/** How strongly a relation ties its pair: shared text first, then topic. */
function strength(r: Relation): number {
  return Math.max(r.containmentAB, r.containmentBA, r.jaccard) * 2 + r.topical;
}

/**
 * The relations of a stored story's members, from their stored
 * fingerprints and the store's index statistics: every pair up to
 * ALL_PAIRS_MAX members, else each member's RELATIONS_PER_MEMBER strongest.
 * The streaming index keeps relations in memory; a stored story
 * recomputes them when it is analysed. Sorted by (a, b).
 */
export function memberRelations(
  fingerprints: readonly Fingerprint[],
  statistics: TermStatistics,
  isCommonReuse: (hash: number) => boolean,
): Relation[] {
  const members = [...fingerprints]
    .sort((x, y) => (x.articleId < y.articleId ? -1 : x.articleId > y.articleId ? 1 : 0))
    .slice(0, RELATED_MEMBERS_MAX);
  const all: Relation[] = [];
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      all.push(
        relate(members[i] as Fingerprint, members[j] as Fingerprint, {
          statistics,
          isCommonReuse,
        }),
      );
    }
  }
  if (members.length <= ALL_PAIRS_MAX) return all;
  const kept = new Set<Relation>();
  const byMember = new Map<string, Relation[]>();
  for (const r of all) {
    for (const id of [r.a, r.b]) {
      const list = byMember.get(id);
      if (list === undefined) byMember.set(id, [r]);
      else list.push(r);
    }
  }
  for (const list of byMember.values()) {
    list.sort((x, y) => strength(y) - strength(x) || (x.a < y.a ? -1 : x.a > y.a ? 1 : 0));
    for (const r of list.slice(0, RELATIONS_PER_MEMBER)) kept.add(r);
  }
  return all.filter((r) => kept.has(r));
}
