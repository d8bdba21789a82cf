import type { AgencyMention } from '../../model/article.ts';
import { agencyByAlias } from './agencies.ts';
import { ABBREVIATION, isAgencyName } from './agency-names.ts';

/** A credit line at the head or foot of a story, and the agency it names if any. */
export interface CreditLine {
  /**
   * The agency the line credits, as written ("Meridian Press Agency",
   * "PTI"), or null for a staff credit ("Reporting by Jane Doe; Editing by
   * John Roe") or unnamed agencies ("— Staff and agencies").
   */
  agency: string | null;
  /** The line as written. */
  evidence: string;
}

// A line that is only an agency name, maybe after "Source:", "©" or
// "Copyright 2021": the credit line under a headline or at the foot of a
// wire copy (seed 001: "Reuters" on its own line under the standfirst).
// Only lexicon names: a bare unknown name could be any label.
const CREDIT_LINE =
  /^(?:(?:source|credit|copyright|©|\(c\))\s*:?\s*(?:\d{4}\s*)?)?(?<name>[^:()]{2,60}?)\.?$/i;

// "AFP contributed to this report.", "The Associated Press contributed.",
// "Jane Doe contributed reporting." (a staff credit).
const CONTRIBUTED =
  /^(?<name>(?i:the\s+)?\p{Lu}.{1,60}?)\s+(?i:contributed(?:\s+(?:reporting|to this (?:report|story|article)))?)\.?$/u;

// The staff credit at the foot of a wire story: "(Reporting by A in Moscow;
// Editing by B)", "Additional reporting by Meridian Press Agency",
// "Compiled by C". Every part is "<role> by <names>"; it credits an agency
// only when a part names one (the house style alone names nobody: Reuters,
// MPA and many outlets use it).
const STAFF_ROLE =
  '(?:with\\s+)?(?:additional\\s+)?(?:reporting|writing|editing|compiled|compiling|research|graphics|fact-checking|production)\\s+by';
const STAFF_CREDIT_PART = new RegExp(`^${STAFF_ROLE}\\s+(?<names>.+)$`, 'i');
// Parts are split at semicolons, or at a comma before the next role
// ("Reporting by A, B, with reporting by C, editing by D.").
const STAFF_CREDIT_SPLIT = new RegExp(`\\s*;\\s*|,\\s*(?=${STAFF_ROLE}\\s)`, 'i');

// "With inputs from PTI", "With inputs from agencies" (Indian outlets),
// "With additional reporting from Reuters".
const WITH_INPUTS =
  /^\(?\s*with\s+(?:(?:agency\s+)?inputs?|additional\s+reporting|reporting|wire\s+reports)\s+from\s+(?<names>.+?)\s*\)?\.?$/i;

// "— Staff and agencies" (The Guardian), "Agencies", "Wire reports": the
// copy comes from agencies that are not named.
const UNNAMED_AGENCIES =
  /^[-–—]?\s*(?:staff and agencies|agencies|news agencies|wire reports|staff and wire reports|wires? and staff reports)\.?$/i;

// Words standing for agencies that are not named ("with inputs from agencies").
const UNNAMED = /^(?:agencies|news agencies|wires|wire services|wire reports|agency reports)$/i;

// A person's or organisation's name in a credit: capitalised words, maybe
// "in <Place>" after it ("Anneliese Kord in Kestrel Bay").
const CREDITED_NAME =
  /^(?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:of|de|van|von|al|bin|the|and|&)\s+)?\p{Lu}[\p{L}'’.-]*){0,5}(?:\s+in\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})?$/u;

/** The agency among the names of a credit ("Meridian Press Agency", "PTI"), or null. */
function agencyAmong(names: string): { agency: string | null; valid: boolean } {
  let agency: string | null = null;
  for (const raw of names.split(/\s*(?:,|\band\b|&)\s*/)) {
    const part = raw.replace(/\s+in\s+\p{Lu}.*$/u, '').trim();
    if (part === '') continue;
    if (UNNAMED.test(part)) continue;
    // "Fox News’ Jessica Napoli": a person of an outlet, a staff credit.
    if (/\p{L}['’]s?\s+\p{Lu}/u.test(part)) {
      if (!CREDITED_NAME.test(part.replace(/['’]s?(?=\s)/u, '')))
        return { agency: null, valid: false };
      continue;
    }
    if (!CREDITED_NAME.test(part) && !ABBREVIATION.test(part))
      return { agency: null, valid: false };
    const bare = part.replace(/^the\s+/i, '');
    if (agency === null && (isAgencyName(bare) || ABBREVIATION.test(bare))) agency = bare;
  }
  return { agency, valid: true };
}

/**
 * Read a stand-alone credit line: an agency name ("Reuters", "Source:
 * AFP"), "<agency> contributed to this report", a staff credit
 * ("(Reporting by A; Editing by B)", "Additional reporting by Meridian
 * Press Agency"), "With inputs from PTI" or "— Staff and agencies". Null
 * when the line is not a credit line.
 *
 * @example readCreditLine('(Reporting by Anneliese Kord; Editing by Piet Halvorsen)') // { agency: null, evidence: '(Reporting by …)' }
 */
export function readCreditLine(line: string): CreditLine | null {
  const text = line.trim();
  const plain = CREDIT_LINE.exec(text)?.groups?.name;
  if (plain !== undefined && agencyByAlias(plain)) return { agency: plain, evidence: text };
  if (UNNAMED_AGENCIES.test(text)) return { agency: null, evidence: text };
  const contributed = CONTRIBUTED.exec(text)?.groups?.name;
  if (contributed !== undefined) {
    const found = agencyAmong(contributed);
    if (found.valid) return { agency: found.agency, evidence: text };
  }
  const inputs = WITH_INPUTS.exec(text)?.groups?.names;
  if (inputs !== undefined) {
    const found = agencyAmong(inputs);
    if (found.valid) return { agency: found.agency, evidence: text };
  }
  const inner = text.replace(/^\(\s*/, '').replace(/\s*\)\.?$/, '');
  const parts = inner.split(STAFF_CREDIT_SPLIT);
  let agency: string | null = null;
  for (const part of parts) {
    const names = STAFF_CREDIT_PART.exec(part.replace(/\.$/, ''))?.groups?.names;
    if (names === undefined) return null;
    const found = agencyAmong(names);
    if (!found.valid) return null;
    agency ??= found.agency;
  }
  return { agency, evidence: text };
}

/**
 * The agency a stand-alone credit line credits, with its lexicon name when
 * the lexicon knows it and as written otherwise ("Additional reporting by
 * Meridian Press Agency" -> "Meridian Press Agency"); null when the line is
 * not a credit line or credits no agency (a staff credit).
 *
 * @example creditFromLine('Reuters') // { name: 'Reuters', evidence: 'Reuters' }
 */
export function creditFromLine(line: string): AgencyMention | null {
  const credit = readCreditLine(line);
  if (credit?.agency == null) return null;
  const name = credit.agency.replace(/^the\s+/i, '');
  return { name: agencyByAlias(name)?.name ?? name, evidence: credit.evidence };
}

/** A sign-off credit split off the end of the last body paragraph. */
export interface SignOff {
  /** The paragraph without the sign-off. */
  rest: string;
  /** The sign-off as written, with the white space before it ("    -REUTERS"). */
  suffix: string;
  /** The agency: its lexicon name, or an unknown abbreviation as written ("MPA"). */
  credit: AgencyMention;
}

/** Options of `splitSignOff`. */
export interface SignOffOptions {
  /**
   * Abbreviations known to be agencies besides the lexicon's (learned from
   * the batch): they count in brackets too ("... the talks ended. (MPA)").
   */
  agencies?: ReadonlySet<string>;
}

// Sign-off after the last sentence: "...told a briefing.    -REUTERS" (seed
// 002), "... — AFP", "... (AP)".
const SIGN_OFF =
  /(?:\s*[-–—]+\s*|\s+\/)(?<name>\p{Lu}[\p{L}-]{1,40})\/?\s*$|\s*\((?<paren>[^()]{2,40})\)\s*$/u;

/**
 * Capitalised words that end a wire paragraph after a dash but are desk
 * marks, not agencies ("-ENDS", "- MORE").
 */
const NOT_AGENCY_MARKS: ReadonlySet<string> = new Set([
  'END',
  'ENDS',
  'ENDIT',
  'MORE',
  'TBC',
  'XXX',
  'NNNN',
  'UPDATE',
  'UPDATED',
]);

/**
 * Split an agency sign-off ("-REUTERS", "— AFP", "(AP)") off the end of a
 * paragraph, or return null when there is none. Lexicon agencies count in
 * either form. An abbreviation the lexicon does not know counts after a
 * dash ("    -MPA", how wire copy is signed off), and in brackets only when
 * `options.agencies` knows it, so a sentence ending in "(CSTO)" keeps it.
 *
 * @example splitSignOff('... told a briefing.    -REUTERS')?.credit.name // 'Reuters'
 */
export function splitSignOff(paragraph: string, options: SignOffOptions = {}): SignOff | null {
  const m = SIGN_OFF.exec(paragraph);
  if (!m?.groups) return null;
  const name = m.groups.name ?? m.groups.paren ?? '';
  const entry = agencyByAlias(name);
  let canonical: string;
  if (entry) {
    if (entry.kind !== 'agency') return null;
    canonical = entry.name;
  } else if (
    ABBREVIATION.test(name) &&
    !NOT_AGENCY_MARKS.has(name) &&
    (m.groups.name !== undefined || options.agencies?.has(name) === true)
  ) {
    canonical = name;
  } else {
    return null;
  }
  const rest = paragraph.slice(0, m.index);
  // The sign-off must follow a finished sentence, not end one ("... said AFP").
  if (!/[.!?…"”’)\]]$/.test(rest.trimEnd())) return null;
  return {
    rest: rest.trimEnd(),
    suffix: paragraph.slice(rest.trimEnd().length),
    credit: { name: canonical, evidence: m[0].trim() },
  };
}
