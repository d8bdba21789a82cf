import type { AgencyMention } from '../../model/article.ts';
import { findAgencies } from './agencies.ts';

/** Options of `findCites`. */
export interface FindCitesOptions {
  /** Canonical names never reported as cited, such as the article's own outlet. */
  exclude?: readonly string[];
}

// Words of evidence kept on each side of the name: enough to show how the
// source is used ("told the RIA Novosti news agency", "NDTV reports") and
// never past a clause boundary.
const LEFT_WORDS = 3;
const RIGHT_WORDS = 2;
const CLAUSE_STOP = /[.!?;:,"“”()\n]/;
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
  // "news agency" after the name belongs to it; otherwise a couple of words.
  const agency = /^\s+news agency\b/.exec(text.slice(end));
  let right = agency ? end + agency[0].length : end;
  if (!agency) {
    let taken = 0;
    const after = /^\s+([\p{L}\p{N}'’-]+)/u;
    while (taken < RIGHT_WORDS) {
      const m = after.exec(text.slice(right));
      if (!m) break;
      right += m[0].length;
      taken++;
    }
  }
  return text.slice(left, right).trim();
}

/**
 * Agencies and outlets cited as sources inside an article's text ("told the
 * RIA Novosti news agency", "according to AP News", "NDTV reports"): each
 * canonical name once, in order of first mention, with the words around
 * that mention as evidence. Lexicon names count wherever they appear; names
 * outside the lexicon only before the words "news agency".
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
