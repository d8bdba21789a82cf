import type { AgencyMention } from '../../model/article.ts';
import { agencyByAlias } from './agencies.ts';
import { ABBREVIATION } from './agency-names.ts';

/** A dateline split off the start of a body paragraph. */
export interface Dateline {
  /**
   * The place in capitals as written ("MOSCOW", "KABUL"); null for a bare
   * "(Reuters) -". The city alone, so copies that drop the country
   * ("KESTREL BAY, Arvelia," / "KESTREL BAY,") carry the same dateline.
   */
  place: string | null;
  /** The region or country after the place ("Afghanistan" in "KABUL, Afghanistan (AP) —"), or null. */
  region: string | null;
  /** The prefix as written, separator included ("MOSCOW, Aug 26: "). */
  prefix: string;
  /** The paragraph without the prefix. */
  rest: string;
  /**
   * The agency in brackets ("(AP)"), when the dateline carries one. An
   * agency the lexicon does not know keeps its abbreviation as the name
   * ("(MPA)" -> "MPA"); the caller may expand it.
   */
  credit: AgencyMention | null;
}

/** Capitalised tags wire desks put in brackets that are not agencies ("(UPDATED)", "(VIDEO)"). */
const NOT_AGENCY_TAGS: ReadonlySet<string> = new Set([
  'UPDATE',
  'UPDATED',
  'UPDATES',
  'CORRECTED',
  'CORRECTION',
  'REFILE',
  'REPEAT',
  'FILE',
  'PHOTO',
  'PHOTOS',
  'VIDEO',
  'AUDIO',
  'LIVE',
  'WATCH',
  'OPINION',
  'ANALYSIS',
  'EXCLUSIVE',
  'URGENT',
  'FLASH',
  'BREAKING',
]);

/**
 * The credit a dateline's bracket gives: a lexicon agency, or an unknown
 * agency abbreviation kept as written; null when the bracket is not an agency.
 */
function bracketCredit(agency: string): AgencyMention | null {
  const text = agency.trim();
  const entry = agencyByAlias(text);
  if (entry) return { name: entry.name, evidence: `(${text})` };
  // An abbreviation the lexicon does not know ("(MPA) -"): wire services
  // set their own short name in capitals; mixed case ("(Updated)") is no agency.
  if (ABBREVIATION.test(text) && !NOT_AGENCY_TAGS.has(text)) {
    return { name: text, evidence: `(${text})` };
  }
  return null;
}

const MONTH_DAY =
  '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}|\\d{1,2}\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';

// "MOSCOW, Aug 26: ", "KABUL, Afghanistan (AP) — ", "NEW YORK (Reuters) - ".
// The place is in capitals (how wire datelines are set), optionally followed
// by a region in any case, a day, and an agency in brackets; then a colon or
// dash and the sentence, which starts with a capital, a digit or a quote.
const DATELINE = new RegExp(
  `^(?<place>\\p{Lu}[\\p{Lu}'’.\\- ]{1,40}?\\p{Lu}\\.?)` +
    `(?:,\\s*(?<region>\\p{Lu}[\\p{L}.'’\\- ]{1,30}?))?` +
    `(?:,?\\s*(?<date>(?i:${MONTH_DAY})))?` +
    `(?:\\s*\\((?<agency>[^()]{2,40})\\))?` +
    `\\s*(?<sep>:|-{1,2}|–|—)\\s+(?=["“‘'\\p{Lu}\\d])`,
  'u',
);

// A credit with no place: "(Reuters) - Russia said ...".
const AGENCY_ONLY = /^\((?<agency>[^()]{2,40})\)\s*(?:-{1,2}|–|—)\s+(?=["“‘'\p{Lu}\d])/u;

// Capitalised lead-ins that look like datelines but are labels.
const NOT_PLACES = new Set([
  'UPDATE',
  'UPDATED',
  'BREAKING',
  'BREAKING NEWS',
  'EXCLUSIVE',
  'WATCH',
  'LIVE',
  'ANALYSIS',
  'OPINION',
  'EDITORIAL',
  'NOTE',
  'EDITOR’S NOTE',
  "EDITOR'S NOTE",
  'PHOTO',
  'VIDEO',
  'READ MORE',
  'FILE',
  'Q',
  'A',
]);

/**
 * Split a dateline ("MOSCOW, Aug 26: ", "KABUL, Afghanistan (AP) — ",
 * "KESTREL BAY, Arvelia, March 5 (MPA) - ") off the start of a body
 * paragraph, or return null when the paragraph opens without one.
 *
 * @example splitDateline('MOSCOW, Aug 26: Russia said ...')?.place // 'MOSCOW'
 */
export function splitDateline(paragraph: string): Dateline | null {
  const only = AGENCY_ONLY.exec(paragraph);
  if (only?.groups) {
    const credit = bracketCredit(only.groups.agency ?? '');
    if (!credit) return null;
    return {
      place: null,
      region: null,
      prefix: only[0],
      rest: paragraph.slice(only[0].length),
      credit: { name: credit.name, evidence: only[0].trim() },
    };
  }
  const m = DATELINE.exec(paragraph);
  if (!m?.groups) return null;
  const place = (m.groups.place ?? '').trim();
  if (NOT_PLACES.has(place) || /^DEAR\b/.test(place) || place.replace(/[^\p{L}]/gu, '').length < 2)
    return null;
  const agencyText = m.groups.agency;
  let credit: AgencyMention | null = null;
  if (agencyText !== undefined) {
    credit = bracketCredit(agencyText);
    // A bracket that is not an agency ("MOSCOW (Updated)") is not a dateline we know.
    if (!credit) return null;
  }
  // A lone capitalised word and a colon ("NATO: allies ...") is a label, not
  // a dateline, unless a date or an agency confirms it.
  if (m.groups.sep === ':' && !m.groups.date && !credit && !m.groups.region && !/\s/.test(place)) {
    if (place.length < 4) return null;
  }
  return {
    place,
    region: m.groups.region?.trim() ?? null,
    prefix: m[0],
    rest: paragraph.slice(m[0].length),
    credit,
  };
}
