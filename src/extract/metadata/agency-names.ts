import { agencyByAlias } from './agencies.ts';

/**
 * Words that make a capitalised name a news agency or news organisation when
 * the lexicon does not know it: "Meridian Press Agency", "Arvelian
 * Broadcasting Service", "Agence Ivoirienne de Presse", "Kyodo News". Each
 * is the head of how wire services and broadcasters name themselves;
 * company names seldom carry one ("Greyline Terminals", "Halden & Rook").
 */
export const AGENCY_NAME_WORDS =
  /\b(?:Agency|Agence|Agencia|Agenzia|Agentur|Press|Presse|Prensa|Stampa|News|Newswire|Wire|Telegraph|Broadcasting|Broadcaster|Radio|Television|TV)\b/u;

/**
 * An abbreviation as agencies sign their copy ("MPA", "PTI", "AFP"): two to
 * eight capitals, digits or ampersands, starting with a capital.
 */
export const ABBREVIATION = /^\p{Lu}[\p{Lu}\p{N}&]{1,7}$/u;

/** Lower-case words an organisation name may hold that do not give a letter to its abbreviation. */
const NAME_PARTICLES = new Set([
  'of',
  'for',
  'and',
  'the',
  'de',
  'du',
  'des',
  'la',
  'le',
  'del',
  'di',
  'der',
  'für',
  '&',
]);

/**
 * The abbreviation a name's initials make: "Meridian Press Agency" -> "MPA",
 * "Press Trust of India" -> "PTI", "Agence France-Presse" -> "AFP"
 * (particles skipped, hyphenated parts counted).
 *
 * @example initialsOf('Meridian Press Agency') // 'MPA'
 */
export function initialsOf(name: string): string {
  let out = '';
  for (const word of name.split(/[\s-]+/)) {
    if (word === '' || NAME_PARTICLES.has(word.toLowerCase())) continue;
    const first = /\p{L}|\p{N}/u.exec(word)?.[0];
    if (first !== undefined) out += first.toUpperCase();
  }
  return out;
}

/**
 * True when a name is a news agency or news organisation: in the lexicon,
 * or capitalised words holding one of `AGENCY_NAME_WORDS`.
 *
 * @example isAgencyName('Meridian Press Agency') // true
 */
export function isAgencyName(name: string): boolean {
  const text = name.trim().replace(/^the\s+/i, '');
  if (agencyByAlias(text)) return true;
  return /^\p{Lu}/u.test(text) && AGENCY_NAME_WORDS.test(text);
}

/** A full name and the abbreviation it was defined with. */
export interface AbbreviationDefinition {
  abbreviation: string;
  name: string;
}

// "the Meridian Press Agency (MPA)": a capitalised run and, in brackets
// right after it, the abbreviation of its last words.
const DEFINITION =
  /((?:\p{Lu}[\p{L}\p{N}'’&.-]*\s+(?:(?:of|for|and|de|du|des|la|le|del|di|der|&)\s+)?){1,8})\((\p{Lu}[\p{Lu}\p{N}&]{1,7})\)/gu;

/**
 * Abbreviations a text defines by putting them in brackets after the full
 * name ("the Meridian Press Agency (MPA)", "the Arvelian Maritime Safety
 * Organization (AMSO)"), when the name's initials spell the abbreviation.
 *
 * @example abbreviationDefinitions('according to the Meridian Press Agency (MPA).') // [{ abbreviation: 'MPA', name: 'Meridian Press Agency' }]
 */
export function abbreviationDefinitions(text: string): AbbreviationDefinition[] {
  const out: AbbreviationDefinition[] = [];
  DEFINITION.lastIndex = 0;
  for (let m = DEFINITION.exec(text); m !== null; m = DEFINITION.exec(text)) {
    const abbreviation = m[2] ?? '';
    const words = (m[1] ?? '').trim().split(/\s+/);
    // The name is the shortest tail of the run whose initials spell it
    // ("On Tuesday the Meridian Press Agency" -> "Meridian Press Agency").
    for (let start = words.length - 1; start >= 0; start--) {
      const name = words.slice(start).join(' ');
      if (initialsOf(name) === abbreviation && !NAME_PARTICLES.has(words[start] ?? '')) {
        out.push({ abbreviation, name });
        break;
      }
    }
  }
  return out;
}

/**
 * Abbreviation -> full name, learned from full names seen with a text
 * (credit lines, copyright holders) and from abbreviation definitions. An
 * abbreviation two names could spell is left out.
 */
export type AgencyGlossary = ReadonlyMap<string, string>;

/**
 * Build an `AgencyGlossary` from full names and abbreviation definitions.
 * Full names give the abbreviation of their initials; definitions give
 * theirs. Deterministic: the same inputs in any order give the same map.
 *
 * @example learnAgencyNames(['Meridian Press Agency'], []).get('MPA') // 'Meridian Press Agency'
 */
export function learnAgencyNames(
  names: readonly string[],
  definitions: readonly AbbreviationDefinition[],
): AgencyGlossary {
  const candidates = new Map<string, Set<string>>();
  const add = (abbreviation: string, name: string): void => {
    if (!ABBREVIATION.test(abbreviation) || abbreviation === name) return;
    const set = candidates.get(abbreviation) ?? new Set<string>();
    set.add(name);
    candidates.set(abbreviation, set);
  };
  for (const raw of names) {
    const name = raw.trim().replace(/^the\s+/i, '');
    const initials = initialsOf(name);
    if (initials.length >= 2 && name.includes(' ')) add(initials, name);
  }
  for (const d of definitions) add(d.abbreviation, d.name);
  const out = new Map<string, string>();
  for (const abbreviation of [...candidates.keys()].sort()) {
    const set = candidates.get(abbreviation) as Set<string>;
    if (set.size === 1) out.set(abbreviation, [...set][0] as string);
  }
  return out;
}

/**
 * The canonical name of a credited or cited agency: the lexicon's name, else
 * the first glossary that expands the abbreviation, else the name as
 * written without a leading "the".
 *
 * @example canonicalAgencyName('MPA', [new Map([['MPA', 'Meridian Press Agency']])]) // 'Meridian Press Agency'
 */
export function canonicalAgencyName(name: string, glossaries: readonly AgencyGlossary[]): string {
  const text = name.trim().replace(/^the\s+/i, '');
  const entry = agencyByAlias(text);
  if (entry) return entry.name;
  for (const glossary of glossaries) {
    const full = glossary.get(text);
    if (full !== undefined) return agencyByAlias(full)?.name ?? full;
  }
  return text;
}
