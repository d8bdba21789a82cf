import { normalizeSpace } from './normalize-space.ts';

// "By", "Written by", "Posted by", "Von", "Por", "Di", "Oleh", "Author:".
const BY_PREFIX =
  /^(?:(?:written|words|story|text|reported|posted|published|photos?|video)\s+by|by|von|por|par|di|oleh|author|authors|autor|auteur)\s*:?\s+/i;

// Separators between names, and between a name and what follows it.
const SPLIT = /\s*(?:,|;|\/|\||•|·|\band\b|&|\bund\b)\s*/i;

/**
 * Words that make a byline part a role, a desk or an organisation rather
 * than a person ("Ap Auto Writer", "Associated Press", "Staff Reports",
 * "Detroit News wire services").
 */
const NOT_A_PERSON = new Set([
  'writer',
  'writers',
  'reporter',
  'reporters',
  'correspondent',
  'editor',
  'editors',
  'staff',
  'contributor',
  'contributors',
  'columnist',
  'producer',
  'photographer',
  'intern',
  'associated',
  'press',
  'news',
  'wire',
  'wires',
  'service',
  'services',
  'agency',
  'desk',
  'team',
  'bureau',
  'reports',
  'report',
  'newsroom',
  'admin',
  'administrator',
  'editorial',
  'media',
  'magazine',
  'online',
  'digital',
  'today',
  'daily',
  'times',
  'journal',
  'network',
  'channel',
  'reuters',
  'afp',
  'ap',
  'bloomberg',
  'opinion',
  'updated',
  'published',
  'posted',
  'share',
  'email',
  'twitter',
  'facebook',
  'follow',
  'more',
  'about',
  'contact',
  'guest',
  'sponsored',
  'special',
  'the',
  'sport',
  'sports',
  'insider',
  'blog',
]);

// A name word: capitalised (any script with case), or a particle, or an initial.
const NAME_WORD =
  /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lo}[\p{L}\p{M}]*|(?:van|von|der|den|de|da|das|do|dos|di|du|del|della|la|le|al|el|bin|ibn|ben|mc|st\.?)|\p{Lu}\.)$/u;

/** Title-case a word written in capitals ("TANGERMANN" -> "Tangermann"); leave initials alone. */
function unshout(word: string): string {
  if (word.length <= 2 || word !== word.toUpperCase() || word === word.toLowerCase()) return word;
  return word.charAt(0) + word.slice(1).toLowerCase();
}

/** One candidate part -> a person's name, or null. */
function personName(part: string): string | null {
  const cleaned = part
    .replace(/\S+@\S+/g, ' ')
    .replace(/https?:\/\/\S+|www\.\S+/g, ' ')
    .replace(/(?:^|\s)@\w+/g, ' ')
    .replace(/\([^)]*\)/g, ' ')
    // Korean, Japanese and Chinese bylines end with the role ("김지영 기자").
    .replace(/\s*(?:기자|특파원|記者|特派員|编辑|記者)$/u, '')
    .replace(/^[\s\-–—:]+|[\s\-–—:.]+$/g, '');
  const words = normalizeSpace(cleaned)
    .split(' ')
    .filter((w) => w !== '');
  if (words.length === 0 || words.length > 5) return null;
  for (const w of words) {
    if (NOT_A_PERSON.has(w.toLowerCase().replace(/[.']/g, ''))) return null;
    if (!NAME_WORD.test(w)) return null;
  }
  const first = words[0];
  if (first === undefined || !/^[\p{Lu}\p{Lo}]/u.test(first)) return null;
  // One capitalised word is a name only in scripts without case (Korean,
  // Japanese, Chinese bylines) — a lone Latin word is a brand or a desk.
  if (words.length === 1 && !/^\p{Lo}/u.test(first)) return null;
  return words.map(unshout).join(' ');
}

/**
 * Clean byline strings into person names: "By Jane Doe and John Roe" ->
 * ["Jane Doe", "John Roe"]; roles, desks, agencies, e-mail addresses and
 * handles are dropped ("Tom Krisher, Ap Auto Writer" -> ["Tom Krisher"]).
 * Names are deduplicated, case-insensitively, in order of appearance;
 * names contained in one of `notNames` (the outlet) are dropped.
 *
 * @example personNames(['By Jane Doe and John Roe']) // ['Jane Doe', 'John Roe']
 */
export function personNames(values: readonly string[], notNames: readonly string[] = []): string[] {
  const outlets = notNames.map((n) => n.toLowerCase());
  const out: string[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    let text = normalizeSpace(value).replace(BY_PREFIX, '');
    // A date or a place after the names ends the byline.
    text = text.replace(/\s+(?:on|updated|published|posted|in)\s+\d.*$/i, '');
    for (const part of text.split(SPLIT)) {
      const name = personName(part.replace(BY_PREFIX, ''));
      if (name === null) continue;
      const key = name.toLowerCase();
      // The outlet named as author ("Business Insider", "Al Jazeera").
      if (outlets.some((o) => o.includes(key))) continue;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(name);
    }
  }
  return out;
}
