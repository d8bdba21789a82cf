import { IRREGULAR_FORMS } from './data/wordnet-synonyms.ts';

/**
 * Lemmas of the irregular English word forms that Porter stemming cannot
 * join with their base ("went" / "go", "was" / "be", "children" / "child",
 * "behaviour" / "behavior"). The table is generated at development time by
 * scripts/build-synonyms.ts from wink-nlp's lemmatiser, limited to common
 * words; regular forms are left to the stemmer.
 */

let table: Map<string, string> | undefined;

function load(): Map<string, string> {
  if (table !== undefined) return table;
  const out = new Map<string, string>();
  for (const line of IRREGULAR_FORMS.split('\n')) {
    const colon = line.indexOf(':');
    out.set(line.slice(0, colon), line.slice(colon + 1));
  }
  table = out;
  return out;
}

/**
 * The lemma of a lowercased word when it is an irregular form ("went" ->
 * "go"), otherwise the word itself.
 *
 * @example irregularLemma('children') // 'child'
 */
export function irregularLemma(word: string): string {
  if (typeof word !== 'string')
    throw new TypeError(`Expected a word as a string, got ${typeof word}`);
  return load().get(word) ?? word;
}
