import type { AgencyMention } from '../../model/article.ts';
import { agencyByAlias, findAgencies } from './agencies.ts';

// A line that is only an agency name, maybe after "Source:", "©" or
// "Copyright 2021": the credit line under a headline or at the foot of a
// wire copy (seed 001: "Reuters" on its own line under the standfirst).
const CREDIT_LINE =
  /^(?:(?:source|credit|copyright|©|\(c\))\s*:?\s*(?:\d{4}\s*)?)?(?<name>[^:()]{2,60}?)\.?$/i;

// "AFP contributed to this report.", "The Associated Press contributed."
const CONTRIBUTED =
  /^(?<name>.{2,60}?)\s+contributed(?:\s+(?:reporting|to this (?:report|story|article)))?\.?$/i;

// Reuters' house style for the staff credit at the foot of a wire story:
// "Reporting by A in Moscow; Editing by B". "Editing by" with "Reporting by"
// or "Writing by" is distinctive enough to credit Reuters.
const REUTERS_STAFF_CREDIT =
  /^\(?\s*(?:additional\s+)?(?:reporting|writing)\s+by\b.+\b(?:editing|writing)\s+by\b.+$/i;

// Sign-off after the last sentence: "...told a briefing.    -REUTERS" (seed
// 002), "... — AFP", "... (AP)".
const SIGN_OFF =
  /(?:\s*[-–—]+\s*|\s+\/)(?<name>\p{Lu}[\p{L}-]{1,40})\/?\s*$|\s*\((?<paren>[^()]{2,40})\)\s*$/u;

/**
 * The agency a stand-alone credit line credits ("Reuters", "Source: AFP",
 * "AFP contributed to this report.", "Reporting by ...; Editing by ..."),
 * or null when the line is not one.
 *
 * @example creditFromLine('Reuters') // { name: 'Reuters', evidence: 'Reuters' }
 */
export function creditFromLine(line: string): AgencyMention | null {
  const text = line.trim();
  const plain = CREDIT_LINE.exec(text)?.groups?.name;
  if (plain !== undefined) {
    const entry = agencyByAlias(plain);
    if (entry) return { name: entry.name, evidence: text };
  }
  const contributed = CONTRIBUTED.exec(text)?.groups?.name;
  if (contributed !== undefined) {
    const entry = agencyByAlias(contributed.replace(/^the\s+/i, '')) ?? agencyByAlias(contributed);
    if (entry) return { name: entry.name, evidence: text };
  }
  if (REUTERS_STAFF_CREDIT.test(text)) {
    // Name an agency only when the line names one; the house style alone
    // points to Reuters.
    const named = findAgencies(text)[0];
    return { name: named ? named.entry.name : 'Reuters', evidence: text };
  }
  return null;
}

/** A sign-off credit split off the end of the last body paragraph. */
export interface SignOff {
  /** The paragraph without the sign-off. */
  rest: string;
  /** The sign-off as written, with the white space before it ("    -REUTERS"). */
  suffix: string;
  credit: AgencyMention;
}

/**
 * Split an agency sign-off ("-REUTERS", "— AFP", "(AP)") off the end of a
 * paragraph, or return null when there is none. Only lexicon names count,
 * so a sentence ending in "(CSTO)" keeps it.
 *
 * @example splitSignOff('... told a briefing.    -REUTERS')?.credit.name // 'Reuters'
 */
export function splitSignOff(paragraph: string): SignOff | null {
  const m = SIGN_OFF.exec(paragraph);
  if (!m?.groups) return null;
  const name = m.groups.name ?? m.groups.paren ?? '';
  const entry = agencyByAlias(name);
  if (entry?.kind !== 'agency') return null;
  const rest = paragraph.slice(0, m.index);
  // The sign-off must follow a finished sentence, not end one ("... said AFP").
  if (!/[.!?…"”’)\]]$/.test(rest.trimEnd())) return null;
  return {
    rest: rest.trimEnd(),
    suffix: paragraph.slice(rest.trimEnd().length),
    credit: { name: entry.name, evidence: m[0].trim() },
  };
}
