import type { AgencyMention } from '../../model/article.ts';
import { findAgencies } from './agencies.ts';
import { AGENCY_NAME_WORDS } from './agency-names.ts';
import { aliasPattern } from './alias-pattern.ts';

/** Options of `findCites`. */
export interface FindCitesOptions {
  /** Canonical names never reported as cited, such as the article's own outlet. */
  exclude?: readonly string[];
  /**
   * More names to find besides the lexicon's, as alias -> canonical name:
   * agencies the article or its batch named ("MPA" -> "Meridian Press
   * Agency", learned from "the Meridian Press Agency (MPA)").
   */
  aliases?: ReadonlyMap<string, string>;
}

// Words of evidence kept on each side of the name: enough to show how the
// source is used ("told the RIA Novosti news agency", "NDTV reports") and
// never past a clause boundary.
const LEFT_WORDS = 3;
const RIGHT_WORDS = 2;
const CLAUSE_STOP = /[.!?;:,"“”()\n]/;

// Verbs that close an attribution after the name ("the Arvelian
// Broadcasting Service reported", "NDTV reports"): the evidence ends with
// the verb instead of running on into the reported clause.
const REPORTING_VERB = /^(?:reported|reports|said|says|quoted|cites|cited|wrote|writes|added)$/;

// Newspaper words that, with `AGENCY_NAME_WORDS`, make a capitalised name a
// news organisation in an attribution frame ("according to the Kestrel
// Herald").
const NEWSPAPER_WORDS =
  /\b(?:Times|Post|Herald|Journal|Gazette|Tribune|Courier|Ledger|Chronicle|Observer|Newspaper|Magazine|Daily|Weekly)\b/u;

// A capitalised name: up to six capitalised words, maybe joined by "of",
// "for", "and" or "&" ("Arvelian Broadcasting Service", "Voice of Arvelia").
const NAME_RUN =
  "\\p{Lu}[\\p{L}\\p{N}'’&-]*(?:\\s+(?:(?:of|for|and|&)\\s+)?\\p{Lu}[\\p{L}\\p{N}'’&-]*){0,5}";

// Attribution frames around a name the lexicon does not know: "according
// to the X", "as reported by X", "told the X", "X reported". A news
// organisation outside the lexicon is cited only in one of these and only
// when its name has a news word, so organisations that merely speak
// ("Greyline Terminals said") are not cited.
const FRAME_BEFORE = new RegExp(
  `\\b(?:according to|reported by|quoted by|cited by|told|interviewed by|in an interview with|speaking to)\\s+(?:the\\s+)?(${NAME_RUN})`,
  'gu',
);
const FRAME_AFTER = new RegExp(
  `(?<![\\p{L}\\p{N}'’&-])(${NAME_RUN})(?:\\s+\\(\\p{Lu}{2,8}\\))?\\s+(?:reported|reports|quoted|wrote|writes)\\b`,
  'gu',
);

// Capitalised words that open a sentence before a name and are not part of it.
const NOT_NAME_START =
  /^(?:The|A|An|On|In|At|By|And|But|Also|Meanwhile|Earlier|Later|Separately|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;
const LAST_LEFT_WORDS = new RegExp(`(?:\\S+\\s+){0,${LEFT_WORDS}}$`);

// "the Sputnik news agency", "Kazakhstan's Kazinform news agency": an agency
// the lexicon does not know, named by the words "news agency" after it.
const UNKNOWN_NEWS_AGENCY = /(?<![\p{L}'’])((?:\p{Lu}[\p{L}\p{N}&.-]*\s+){1,3})news agency\b/gu;

function evidence(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  let clauseStart = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    if (CLAUSE_STOP.test(before[i] ?? '')) {
      clauseStart = i + 1;
      break;
    }
  }
  const lastWords = LAST_LEFT_WORDS.exec(before.slice(clauseStart));
  const left = clauseStart + (lastWords ? lastWords.index : before.length - clauseStart);
  // "news agency" after the name belongs to it, as does its abbreviation in
  // brackets ("the Meridian Press Agency (MPA)"); then a couple of words,
  // or only a reporting verb.
  const agency = /^\s+news agency\b/.exec(text.slice(end));
  const abbreviation = agency ? null : /^\s*\(\p{Lu}{2,8}\)/u.exec(text.slice(end));
  let right = end + (agency?.[0].length ?? abbreviation?.[0].length ?? 0);
  if (!agency) {
    let taken = 0;
    const after = /^\s+([\p{L}\p{N}'’-]+)/u;
    while (taken < RIGHT_WORDS) {
      const m = after.exec(text.slice(right));
      if (!m) break;
      right += m[0].length;
      taken++;
      if (REPORTING_VERB.test(m[1] ?? '')) break;
    }
  }
  return text.slice(left, right).trim();
}

/** Every `aliases` name in a text, longest alias first, as whole words. */
function aliasHits(
  text: string,
  aliases: ReadonlyMap<string, string>,
): Array<{ name: string; index: number; end: number }> {
  if (aliases.size === 0) return [];
  const pattern = aliasPattern(aliases.keys());
  const out: Array<{ name: string; index: number; end: number }> = [];
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const name = aliases.get(m[0]);
    if (name !== undefined) out.push({ name, index: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** News organisations outside the lexicon named in an attribution frame. */
function framedNames(text: string): Array<{ name: string; index: number; end: number }> {
  const out: Array<{ name: string; index: number; end: number }> = [];
  for (const pattern of [FRAME_BEFORE, FRAME_AFTER]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const run = m[1] ?? '';
      const words = run.split(/\s+/);
      let skipped = 0;
      while (words.length > 1 && NOT_NAME_START.test(words[0] ?? '')) {
        skipped += (words.shift() as string).length;
        skipped += /^\s+/.exec(run.slice(skipped))?.[0].length ?? 0;
      }
      const name = words.join(' ');
      if (!AGENCY_NAME_WORDS.test(name) && !NEWSPAPER_WORDS.test(name)) continue;
      if (words.length < 2 && !/^\p{Lu}{2,8}$/u.test(name)) continue;
      const index = m.index + m[0].indexOf(run) + skipped;
      out.push({ name, index, end: index + name.length });
    }
  }
  return out;
}

/**
 * Agencies and outlets cited as sources inside an article's text ("told the
 * RIA Novosti news agency", "according to AP News", "NDTV reports"): each
 * canonical name once, in order of first mention, with the words around
 * that mention as evidence. Lexicon names and `options.aliases` count
 * wherever they appear; other names before the words "news agency", or
 * news organisations ("the Arvelian Broadcasting Service reported") in an
 * attribution frame.
 *
 * @example findCites('... told the RIA Novosti news agency.')[0] // { name: 'RIA Novosti', evidence: 'told the RIA Novosti news agency' }
 */
export function findCites(text: string, options: FindCitesOptions = {}): AgencyMention[] {
  const exclude = new Set(options.exclude ?? []);
  const found: Array<{ index: number; mention: AgencyMention }> = [];
  const seen = new Set<string>();
  const known: Array<[number, number]> = [];
  for (const hit of findAgencies(text)) {
    known.push([hit.index, hit.end]);
    if (exclude.has(hit.entry.name) || seen.has(hit.entry.name)) continue;
    seen.add(hit.entry.name);
    found.push({
      index: hit.index,
      mention: { name: hit.entry.name, evidence: evidence(text, hit.index, hit.end) },
    });
  }
  const extra = [...aliasHits(text, options.aliases ?? new Map()), ...framedNames(text)].sort(
    (a, b) => a.index - b.index || b.end - a.end,
  );
  for (const hit of extra) {
    if (known.some(([a, b]) => a < hit.end && hit.index < b)) continue;
    known.push([hit.index, hit.end]);
    if (exclude.has(hit.name) || seen.has(hit.name)) continue;
    seen.add(hit.name);
    found.push({
      index: hit.index,
      mention: { name: hit.name, evidence: evidence(text, hit.index, hit.end) },
    });
  }
  UNKNOWN_NEWS_AGENCY.lastIndex = 0;
  for (let m = UNKNOWN_NEWS_AGENCY.exec(text); m !== null; m = UNKNOWN_NEWS_AGENCY.exec(text)) {
    const words = (m[1] ?? '').trim().split(/\s+/);
    // Drop leading words that are not part of a name ("The", a possessive place).
    while (words.length > 0 && /^(?:The|A|An)$|['’]s$/.test(words[0] ?? '')) words.shift();
    if (words.length === 0) continue;
    const name = words.join(' ');
    const start = m.index + Math.max(0, m[0].indexOf(name));
    const end = start + name.length;
    if (known.some(([a, b]) => a < end && start < b)) continue;
    if (exclude.has(name) || seen.has(name)) continue;
    seen.add(name);
    found.push({ index: start, mention: { name, evidence: evidence(text, start, end) } });
  }
  found.sort((a, b) => a.index - b.index);
  return found.map((f) => f.mention);
}
