import { WORDNET_FORMS, WORDNET_SYNSETS } from './data/wordnet-synonyms.ts';

/**
 * WordNet synonyms for word matching ("bought" / "purchased", "kids" /
 * "children"). The tables are generated at development time by
 * scripts/build-synonyms.ts into ./data/wordnet-synonyms.ts (WordNet 3.1,
 * Princeton licence, limited to common words); nothing is read at run time.
 */

const NONE: readonly number[] = [];

let table: Map<string, readonly number[]> | undefined;

/** Word -> sorted synonym-set ids, built from the generated tables on first use. */
function load(): Map<string, readonly number[]> {
  if (table !== undefined) return table;
  const lemmaSets = new Map<string, number[]>();
  const lines = WORDNET_SYNSETS.split('\n');
  for (let id = 0; id < lines.length; id++) {
    for (const lemma of (lines[id] as string).split(' ')) {
      const ids = lemmaSets.get(lemma);
      if (ids === undefined) lemmaSets.set(lemma, [id]);
      else ids.push(id);
    }
  }
  const out = new Map<string, readonly number[]>(lemmaSets);
  for (const line of WORDNET_FORMS.split('\n')) {
    const colon = line.indexOf(':');
    const form = line.slice(0, colon);
    const lemmas = line.slice(colon + 1).split(',');
    const own = out.get(form);
    if (own === undefined && lemmas.length === 1) {
      // The common case ("bought:buy"): share the lemma's list.
      out.set(form, lemmaSets.get(lemmas[0] as string) ?? NONE);
      continue;
    }
    const ids = new Set(own ?? NONE);
    for (const lemma of lemmas) for (const id of lemmaSets.get(lemma) ?? NONE) ids.add(id);
    out.set(
      form,
      [...ids].sort((x, y) => x - y),
    );
  }
  table = out;
  return out;
}

/**
 * The WordNet synonym sets a lowercased word belongs to, through its own
 * entry and the lemmas it can be a form of ("bought" -> the sets of "buy"),
 * as sorted ids; empty for a word the tables do not hold. Ids are only
 * comparable with each other.
 *
 * @example synonymSets('bought').some((id) => synonymSets('purchased').includes(id)) // true
 */
export function synonymSets(word: string): readonly number[] {
  if (typeof word !== 'string')
    throw new TypeError(`Expected a word as a string, got ${typeof word}`);
  return load().get(word) ?? NONE;
}

/** Whether two sorted id lists share an id (linear merge). */
export function sharesSynonymSet(a: readonly number[], b: readonly number[]): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) return true;
    if (x < y) i++;
    else j++;
  }
  return false;
}

/**
 * Whether two lowercased words share a WordNet synonym set ("buy" /
 * "purchase"); a word is not its own synonym unless WordNet lists it.
 */
export function areSynonyms(a: string, b: string): boolean {
  return sharesSynonymSet(synonymSets(a), synonymSets(b));
}
