import data from './agencies.json' with { type: 'json' };
import { aliasPattern } from './alias-pattern.ts';

/** One news agency or outlet of the lexicon in `agencies.json`. */
export interface AgencyEntry {
  /** Canonical name ("Associated Press"). */
  name: string;
  /** `agency` for a wire service, `outlet` for a publication that gets cited. */
  kind: 'agency' | 'outlet';
  /** Spellings matched as whole words, case-sensitively ("AP News", "AP"). */
  aliases: string[];
}

/** A lexicon name found in a text. */
export interface AgencyHit {
  entry: AgencyEntry;
  /** The alias as written on the page. */
  alias: string;
  index: number;
  end: number;
}

/** The agency and outlet lexicon, in file order. */
export const AGENCIES: readonly AgencyEntry[] = data.entries as AgencyEntry[];

const BY_ALIAS = new Map<string, AgencyEntry>();
for (const entry of AGENCIES) {
  for (const alias of entry.aliases) {
    BY_ALIAS.set(alias, entry);
    // Sign-offs and credit lines are often set in capitals ("-REUTERS").
    if (!BY_ALIAS.has(alias.toUpperCase())) BY_ALIAS.set(alias.toUpperCase(), entry);
  }
}

// Every alias (and its capitals) as a whole word, longest first.
const ALIAS_PATTERN = aliasPattern(BY_ALIAS.keys());

/** The lexicon entry an exact alias belongs to ("REUTERS" -> Reuters), or undefined. */
export function agencyByAlias(alias: string): AgencyEntry | undefined {
  return BY_ALIAS.get(alias.trim());
}

/**
 * Every lexicon name in a text, in text order, longest alias first at any
 * position.
 *
 * @example findAgencies('told the RIA Novosti news agency')[0].entry.name // 'RIA Novosti'
 */
export function findAgencies(text: string): AgencyHit[] {
  const out: AgencyHit[] = [];
  ALIAS_PATTERN.lastIndex = 0;
  for (let m = ALIAS_PATTERN.exec(text); m !== null; m = ALIAS_PATTERN.exec(text)) {
    const entry = BY_ALIAS.get(m[0]);
    if (entry) out.push({ entry, alias: m[0], index: m.index, end: m.index + m[0].length });
  }
  return out;
}
