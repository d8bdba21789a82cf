import type { ArticleCoverage, Coverage, FactUnit } from '../model/index.ts';

/**
 * A fact is an omission for an article that lacks it when more than this
 * share of the other articles carry it ("most others"): with five outlets,
 * three of the other four.
 */
export const OMISSION_SHARE = 0.5;

/**
 * The fact-by-article matrix of a story with each article's unique facts
 * (carried by no other article) and omissions (carried by most others).
 *
 * @param facts fact units in narrative order
 * @param articles article ids in narrative order (the matrix's columns)
 */
export function coverageOf(facts: readonly FactUnit[], articles: readonly string[]): Coverage {
  const column = new Map(articles.map((id, i) => [id, i] as const));
  const matrix = facts.map((f) => {
    const row = new Array<number>(articles.length).fill(0);
    for (const m of f.members) {
      const c = column.get(m.article);
      if (c !== undefined) row[c] = (row[c] as number) + 1;
    }
    return row;
  });
  const perArticle: ArticleCoverage[] = articles.map((article, c) => {
    const others = articles.length - 1;
    const unique: string[] = [];
    const omissions: string[] = [];
    let carried = 0;
    facts.forEach((f, r) => {
      const row = matrix[r] as number[];
      const here = (row[c] as number) > 0;
      const elsewhere = row.reduce((n, v, i) => n + (i !== c && v > 0 ? 1 : 0), 0);
      if (here) {
        carried++;
        if (elsewhere === 0 && others > 0) unique.push(f.id);
      } else if (others > 0 && elsewhere > OMISSION_SHARE * others) {
        omissions.push(f.id);
      }
    });
    return { article, facts: carried, unique, omissions };
  });
  return { articles: [...articles], facts: facts.map((f) => f.id), matrix, perArticle };
}
