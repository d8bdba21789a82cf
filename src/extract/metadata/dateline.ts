import type { AgencyMention } from '../../model/article.ts';
import { agencyByAlias } from './agencies.ts';

/** A dateline split off the start of a body paragraph. */
export interface Dateline {
  /** The place as written ("MOSCOW", "KABUL, Afghanistan"); null for a bare "(Reuters) -". */
  place: string | null;
  /** The prefix as written, separator included ("MOSCOW, Aug 26: "). */
  prefix: string;
  /** The paragraph without the prefix. */
  rest: string;
  /** The agency in brackets ("(AP)"), when the dateline carries one. */
  credit: AgencyMention | null;
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
 * Split a dateline ("MOSCOW, Aug 26: ") off the start of a body paragraph,
 * or return null when the paragraph opens without one.
 *
 * @example splitDateline('MOSCOW, Aug 26: Russia said ...')?.place // 'MOSCOW'
 */
export function splitDateline(paragraph: string): Dateline | null {
  const only = AGENCY_ONLY.exec(paragraph);
  if (only?.groups) {
    const entry = agencyByAlias(only.groups.agency ?? '');
    if (!entry) return null;
    return {
      place: null,
      prefix: only[0],
      rest: paragraph.slice(only[0].length),
      credit: { name: entry.name, evidence: only[0].trim() },
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
    const entry = agencyByAlias(agencyText);
    // A bracket that is not an agency ("MOSCOW (Updated)") is not a dateline we know.
    if (!entry) return null;
    credit = { name: entry.name, evidence: `(${agencyText})` };
  }
  // A lone capitalised word and a colon ("NATO: allies ...") is a label, not
  // a dateline, unless a date or an agency confirms it.
  if (m.groups.sep === ':' && !m.groups.date && !credit && !m.groups.region && !/\s/.test(place)) {
    if (place.length < 4) return null;
  }
  const region = m.groups.region?.trim();
  return {
    place: region ? `${place}, ${region}` : place,
    prefix: m[0],
    rest: paragraph.slice(m[0].length),
    credit,
  };
}
