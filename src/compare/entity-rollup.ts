import type { Entity, EntitySummary } from '../model/index.ts';
import { words } from '../text/tokenize.ts';
import { spellingForm, spellingKey } from './spelling-key.ts';

/** One article's entities, for the roll-up. */
export interface ArticleEntities {
  article: string;
  entities: readonly Entity[];
}

interface Bucket {
  kind: Entity['kind'];
  names: string[];
  mentions: number;
  articles: string[];
  first: number;
}

/**
 * Roll a story's named entities up across its articles: one entry per
 * person, organisation or place with its mention count and the articles
 * that mention it. Names that differ only in spelling ("Organisation" /
 * "Organization") merge, and a one-word person name merges into the one
 * longer person name it ends ("Peskov" into "Dmitry Peskov").
 *
 * @param items per article, in narrative order
 * @returns most widely reported first (articles, then mentions, then first appearance)
 */
export function entityRollup(items: readonly ArticleEntities[]): EntitySummary[] {
  const buckets = new Map<string, Bucket>();
  let seen = 0;
  for (const { article, entities } of items) {
    for (const e of entities) {
      const key = `${e.kind}:${spellingForm(e.name)}`;
      if (spellingForm(e.name) === '') continue;
      let b = buckets.get(key);
      if (b === undefined) {
        b = { kind: e.kind, names: [], mentions: 0, articles: [], first: seen++ };
        buckets.set(key, b);
      }
      b.names.push(e.name);
      b.mentions++;
      if (!b.articles.includes(article)) b.articles.push(article);
    }
  }
  // One-word person names into the single longer person name they end.
  for (const [key, b] of [...buckets]) {
    if (b.kind !== 'person') continue;
    const w = words(b.names[0] ?? '');
    if (w.length !== 1) continue;
    const last = spellingKey(w[0] as string);
    const targets = [...buckets].filter(([k, o]) => {
      if (k === key || o.kind !== 'person') return false;
      const ow = words(o.names[0] ?? '');
      return ow.length > 1 && spellingKey(ow[ow.length - 1] as string) === last;
    });
    if (targets.length !== 1) continue;
    const target = (targets[0] as [string, Bucket])[1];
    target.names.push(...b.names);
    target.mentions += b.mentions;
    for (const a of b.articles) if (!target.articles.includes(a)) target.articles.push(a);
    target.first = Math.min(target.first, b.first);
    buckets.delete(key);
  }
  const order = new Map(items.map((it, i) => [it.article, i] as const));
  return [...buckets.values()]
    .sort(
      (x, y) =>
        y.articles.length - x.articles.length || y.mentions - x.mentions || x.first - y.first,
    )
    .map((b) => ({
      name: displayName(b.names),
      kind: b.kind,
      mentions: b.mentions,
      articles: [...b.articles].sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0)),
    }));
}

/** The most used form; ties go to the longest, then the earliest. */
function displayName(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best = names[0] ?? '';
  for (const n of names) {
    const c = counts.get(n) ?? 0;
    const bc = counts.get(best) ?? 0;
    if (c > bc || (c === bc && n.length > best.length)) best = n;
  }
  return best;
}
