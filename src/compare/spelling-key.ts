import { words } from '../text/tokenize.ts';

// British and American spellings that news copies swap ("neighbours" /
// "neighbors", "Organisation" / "Organization", "defence" / "defense").
// Applied to whole words after lowercasing; the list covers the regular
// patterns, not every irregular pair.
const SPELLING_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/our(s|ed|ing|ite|ites|able)?$/, 'or$1'],
  [/is(e|es|ed|ing|ation|ations)$/, 'iz$1'],
  [/ys(e|es|ed|ing)$/, 'yz$1'],
  [/([^aeiou])re(s|d)?$/, '$1er$2'],
  [/ence$/, 'ense'],
  [/ll(ed|ing|er)$/, 'l$1'],
  [/ogue(s)?$/, 'og$1'],
];

/** A word folded for spelling comparison: lowercase, no hyphens or dots, British spellings to American. */
export function spellingKey(word: string): string {
  let w = word.toLowerCase().replace(/[-‐.'’]/g, '');
  if (w.length > 4) {
    for (const [pattern, replacement] of SPELLING_RULES) {
      if (pattern.test(w)) {
        w = w.replace(pattern, replacement);
        break;
      }
    }
  }
  return w;
}

/**
 * A text folded so that spacing, punctuation, case, hyphenation, compounding
 * ("fire arms" / "firearms") and British/American spelling do not count.
 */
export function spellingForm(text: string): string {
  return words(text).map(spellingKey).join('');
}
