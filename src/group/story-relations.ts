import type { Relation } from '../model/index.ts';
import { compareIds } from './story-id.ts';
import { FULL_RELATIONS_MAX, MAX_RELATIONS_PER_ARTICLE } from './thresholds.ts';

/**
 * The relations of one story: every pair when the story has at most
 * FULL_RELATIONS_MAX members; otherwise the candidate pairs (those that
 * share text or key terms), each member keeping its strongest
 * MAX_RELATIONS_PER_ARTICLE. Sorted by (a, b).
 */
export function storyRelations(
  members: readonly number[],
  relation: (i: number, j: number) => Relation,
  candidatePairs: () => Iterable<readonly [number, number, number]>,
): Relation[] {
  if (members.length < 2) return [];
  const out: Relation[] = [];
  if (members.length <= FULL_RELATIONS_MAX) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        out.push(relation(members[x] as number, members[y] as number));
      }
    }
  } else {
    // Candidate pairs come with a cheap score (shared text, topical
    // similarity): relations are computed only for each member's best few.
    const inStory = new Set(members);
    const best = new Map<string, { i: number; j: number; pre: number }>();
    for (const [p, q, pre] of candidatePairs()) {
      const i = Math.min(p, q);
      const j = Math.max(p, q);
      if (i === j || !inStory.has(i) || !inStory.has(j)) continue;
      const k = `${i},${j}`;
      const seen = best.get(k);
      if (seen === undefined || pre > seen.pre) best.set(k, { i, j, pre });
    }
    const ranked = [...best.values()].sort((x, y) => y.pre - x.pre || x.i - y.i || x.j - y.j);
    const taken = new Map<number, number>();
    const found: { i: number; j: number; r: Relation }[] = [];
    for (const c of ranked) {
      const ti = taken.get(c.i) ?? 0;
      const tj = taken.get(c.j) ?? 0;
      if (ti >= 2 * MAX_RELATIONS_PER_ARTICLE && tj >= 2 * MAX_RELATIONS_PER_ARTICLE) continue;
      taken.set(c.i, ti + 1);
      taken.set(c.j, tj + 1);
      found.push({ i: c.i, j: c.j, r: relation(c.i, c.j) });
    }
    found.sort((x, y) => strength(y.r) - strength(x.r) || x.i - y.i || x.j - y.j);
    const perArticle = new Map<number, number>();
    for (const c of found) {
      const ci = perArticle.get(c.i) ?? 0;
      const cj = perArticle.get(c.j) ?? 0;
      if (ci >= MAX_RELATIONS_PER_ARTICLE && cj >= MAX_RELATIONS_PER_ARTICLE) continue;
      perArticle.set(c.i, ci + 1);
      perArticle.set(c.j, cj + 1);
      out.push(c.r);
    }
  }
  return out.sort((x, y) => compareIds(x.a, y.a) || compareIds(x.b, y.b));
}

function strength(r: Relation): number {
  return r.jaccard + Math.max(r.containmentAB, r.containmentBA) + r.topical;
}
