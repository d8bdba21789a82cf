import type { DateMention } from '../model/annotation.ts';
import type { Span } from '../model/span.ts';
import { sentenceAt } from './sentence-at.ts';

/** A calendar day (proleptic Gregorian), months 1-12. */
interface Day {
  y: number;
  m: number;
  d: number;
}

/** What a date expression needs to be resolved. */
interface Reference {
  /** Publication day, or null when unknown. */
  day: Day | null;
  /** Why `day` is null ("publication time unknown"). */
  missing: string;
  /** The sentence around the expression talks about the future ("will", "is scheduled"); computed on first use. */
  readonly future: boolean;
}

type Resolved = { value: string | null; note?: string };
type Rule = {
  re: RegExp;
  /** A cheap test on the whole text: when it fails the rule cannot match, and its regex is not run. */
  hint?: RegExp;
  resolve: (m: RegExpExecArray, ref: Reference) => Resolved | null;
};

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  several: Number.NaN,
  few: Number.NaN,
};

// Regex pieces. Month names are matched with their usual abbreviations
// ("Sept.", "Aug"); "May" only counts with a day or year (it is also a verb).
const MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)`;
const MONTH_NO_MAY =
  '(January|February|March|April|June|July|August|September|October|November|December)';
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`(1[89]\d\d|20\d\d|21\d\d)`;
const WEEKDAY = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const TIME = String.raw`(?:(?:\s*[,\-–]\s*|\s+at\s+|\s+)(\d{1,2}):(\d{2})\s*(AM|PM|am|pm|a\.m\.|p\.m\.)?)?`;
// Word boundaries: \b is enough for these ASCII expressions and several
// times faster than Unicode look-arounds on long texts.
const B = String.raw`\b`;
const E = String.raw`\b`;

/**
 * Future markers in a sentence. A bare weekday ("on Sunday") means the most
 * recent one on or before the publication day in news copy unless the
 * sentence looks ahead ("will", "is scheduled"); then the next one on or after.
 */
const FUTURE =
  /\b(?:will|won't|shall|'ll|(?:is|are|was|were) (?:scheduled|expected|due|set|slated|planned|going)|plans? to|to be held|upcoming)\b/i;
/** The decade part an "early/mid/late" prefix keeps: years 0-3, 3-6, 6-9 of the decade. */
const DECADE_PARTS: Record<string, [number, number]> = { early: [0, 3], mid: [3, 6], late: [6, 9] };

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function iso(d: Day): string {
  return `${pad(d.y, 4)}-${pad(d.m)}-${pad(d.d)}`;
}

function range(a: Day, b: Day): string {
  return `${iso(a)}/${iso(b)}`;
}

// Date arithmetic on UTC day numbers: the stage never reads the clock, it
// only converts between calendar days and day counts.
function toNumber(d: Day): number {
  return Math.round(Date.UTC(d.y, d.m - 1, d.d) / 86_400_000);
}

function fromNumber(n: number): Day {
  const t = new Date(n * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function addDays(d: Day, n: number): Day {
  return fromNumber(toNumber(d) + n);
}

function weekday(d: Day): number {
  return new Date(Date.UTC(d.y, d.m - 1, d.d)).getUTCDay();
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function valid(d: Day): boolean {
  return d.m >= 1 && d.m <= 12 && d.d >= 1 && d.d <= daysInMonth(d.y, d.m);
}

function monthRange(y: number, m: number): string {
  return range({ y, m, d: 1 }, { y, m, d: daysInMonth(y, m) });
}

function yearRange(y: number): string {
  return range({ y, m: 1, d: 1 }, { y, m: 12, d: 31 });
}

function shiftMonth(y: number, m: number, by: number): [number, number] {
  const z = y * 12 + (m - 1) + by;
  return [Math.floor(z / 12), (z % 12) + 1];
}

/** Month number of a month name, or 0; a lower-case "may" or "march" is a verb, not a month. */
function monthOf(word: string): number {
  if (!/^[A-Z]/.test(word)) return 0;
  return MONTHS[word.toLowerCase().replace(/\.$/, '')] ?? 0;
}

/** The year that puts month/day closest to the publication day. */
function nearestYear(m: number, d: number, ref: Day): number {
  let best = ref.y;
  let bestGap = Number.POSITIVE_INFINITY;
  for (const y of [ref.y - 1, ref.y, ref.y + 1]) {
    const day = { y, m, d: Math.min(d, daysInMonth(y, m)) };
    const gap = Math.abs(toNumber(day) - toNumber(ref));
    if (gap < bestGap) {
      best = y;
      bestGap = gap;
    }
  }
  return best;
}

function unknown(ref: Reference): Resolved {
  return { value: null, note: ref.missing };
}

function withTime(date: string, h?: string, min?: string, ampm?: string): string {
  if (h === undefined || min === undefined) return date;
  let hour = Number(h);
  const mer = (ampm ?? '').toLowerCase().replace(/\./g, '');
  if (mer === 'pm' && hour < 12) hour += 12;
  if (mer === 'am' && hour === 12) hour = 0;
  if (hour > 23 || Number(min) > 59) return date;
  return `${date}T${pad(hour)}:${min}`;
}

/** A month and day, with the year if given, as a day (null when it cannot be placed). */
function placeDay(
  month: string,
  day: string,
  year: string | undefined,
  ref: Reference,
): Day | null | 'unknown' {
  const m = monthOf(month);
  const d = Number(day);
  if (m === 0) return null;
  if (year !== undefined) {
    const out = { y: Number(year), m, d };
    return valid(out) ? out : null;
  }
  if (ref.day === null) return 'unknown';
  const out = { y: nearestYear(m, d, ref.day), m, d };
  return valid(out) ? out : null;
}

function dayRange(
  m1: string,
  d1: string,
  m2: string | undefined,
  d2: string,
  year: string | undefined,
  ref: Reference,
): Resolved | null {
  const a = placeDay(m1, d1, year, ref);
  if (a === 'unknown') return unknown(ref);
  if (a === null) return null;
  const b = { y: a.y, m: m2 !== undefined ? monthOf(m2) : a.m, d: Number(d2) };
  if (b.m < a.m) b.y++;
  if (!valid(b) || toNumber(b) < toNumber(a)) return null;
  return { value: range(a, b) };
}

/** The weekday `wd` nearest the reference: on or before it, or on or after it for the future. */
function nearestWeekday(
  ref: Day,
  wd: number,
  direction: 'past' | 'future' | 'strictly-past' | 'strictly-future',
): Day {
  const today = weekday(ref);
  if (direction === 'past') return addDays(ref, -((today - wd + 7) % 7));
  if (direction === 'strictly-past') return addDays(ref, -((today - wd + 7) % 7 || 7));
  if (direction === 'future') return addDays(ref, (wd - today + 7) % 7);
  return addDays(ref, (wd - today + 7) % 7 || 7);
}

/** ISO week (Monday to Sunday) containing `d`, shifted by `by` weeks. */
function weekRange(d: Day, by: number): string {
  const monday = addDays(d, -((weekday(d) + 6) % 7) + by * 7);
  return range(monday, addDays(monday, 6));
}

const RULES: Rule[] = [
  {
    // 2021-09-07
    re: new RegExp(String.raw`${B}(\d{4})-(\d{2})-(\d{2})${E}`, 'g'),
    resolve: (m) => {
      const d = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
      return valid(d) ? { value: iso(d) } : null;
    },
  },
  {
    // between Sept. 7 and 9, from August 30 to September 2, 2021
    re: new RegExp(
      String.raw`${B}(?:between|from)\s+${MONTH}\s+${DAY}\s+(?:and|to|until|through|-|–)\s+(?:${MONTH}\s+)?${DAY}(?:,?\s+${YEAR})?${E}`,
      'gi',
    ),
    resolve: (m, ref) => dayRange(m[1] as string, m[2] as string, m[3], m[4] as string, m[5], ref),
  },
  {
    // between 7 and 9 September (2021)
    re: new RegExp(
      String.raw`${B}(?:between|from)\s+${DAY}\s+(?:and|to|until|through|-|–)\s+${DAY}\s+${MONTH}(?:,?\s+${YEAR})?${E}`,
      'gi',
    ),
    resolve: (m, ref) =>
      dayRange(m[3] as string, m[1] as string, undefined, m[2] as string, m[4], ref),
  },
  {
    // Sept. 7-9, September 7–9, 2021
    re: new RegExp(String.raw`${B}${MONTH}\s+${DAY}\s*[-–]\s*${DAY}(?:,?\s+${YEAR})?${E}`, 'gi'),
    resolve: (m, ref) =>
      dayRange(m[1] as string, m[2] as string, undefined, m[3] as string, m[4], ref),
  },
  {
    // (Friday,) August 27(, 2021)( 10:35 AM)
    re: new RegExp(
      String.raw`${B}(?:${WEEKDAY},?\s+)?${MONTH}\s+${DAY}(?:,?\s+${YEAR})?${TIME}${E}`,
      'gi',
    ),
    resolve: (m, ref) => {
      const d = placeDay(m[2] as string, m[3] as string, m[4], ref);
      if (d === 'unknown') return unknown(ref);
      if (d === null) return null;
      return { value: withTime(iso(d), m[5], m[6], m[7]) };
    },
  },
  {
    // (Friday,) 27 August(, 2021)( 10:35 AM)
    re: new RegExp(
      String.raw`${B}(?:${WEEKDAY},?\s+)?${DAY}\s+${MONTH}(?:,?\s+${YEAR})?${TIME}${E}`,
      'gi',
    ),
    resolve: (m, ref) => {
      const d = placeDay(m[3] as string, m[2] as string, m[4], ref);
      if (d === 'unknown') return unknown(ref);
      if (d === null) return null;
      return { value: withTime(iso(d), m[5], m[6], m[7]) };
    },
  },
  {
    // August 2021, in May 2019
    re: new RegExp(String.raw`${B}${MONTH}\s+${YEAR}${E}`, 'gi'),
    resolve: (m) => {
      const month = monthOf(m[1] as string);
      return month === 0 ? null : { value: monthRange(Number(m[2]), month) };
    },
  },
  {
    // in August, since March, early next month is elsewhere; "May" only with a day or year
    re: new RegExp(
      String.raw`${B}(?:in|since|until|by|during|through|early|late|mid-?|last|next|this)\s+(?:early\s+|late\s+|mid-?)?${MONTH_NO_MAY}${E}`,
      'gi',
    ),
    resolve: (m, ref) => {
      const month = monthOf(m[1] as string);
      if (month === 0) return null;
      if (ref.day === null) return unknown(ref);
      const word = m[0].toLowerCase();
      let y = ref.day.y;
      if (word.startsWith('last')) y = month >= ref.day.m ? y - 1 : y;
      else if (word.startsWith('next')) y = month <= ref.day.m ? y + 1 : y;
      else {
        // The nearest such month; the tense breaks a six-month tie.
        const ahead = (month - ref.day.m + 12) % 12;
        if (ahead > 6 || (ahead === 6 && !ref.future)) y = month > ref.day.m ? y - 1 : y;
        else if (month < ref.day.m) y++;
      }
      return { value: monthRange(y, month) };
    },
  },
  {
    // the 1990s, the '90s, the 90s, mid-2000s, early 1980s
    re: /\b(?:(early|mid|late)-?\s*|the\s+)'?(\d{2}|\d{4})s\b/gi,
    resolve: (m) => {
      const digits = m[2] as string;
      let start = Number(digits);
      if (digits.length === 2) start += start >= 30 ? 1900 : 2000;
      if (start % 10 !== 0) return null;
      const part = m[1]?.toLowerCase();
      // "the 2000s" is the decade 2000-2009 (not the century).
      if (part !== undefined) {
        const [a, b] = DECADE_PARTS[part] as [number, number];
        return {
          value: range({ y: start + a, m: 1, d: 1 }, { y: start + b, m: 12, d: 31 }),
          note: 'approximate',
        };
      }
      return { value: range({ y: start, m: 1, d: 1 }, { y: start + 9, m: 12, d: 31 }) };
    },
  },
  {
    // in 2001, since 2002, of 2004, by 2030
    re: new RegExp(
      String.raw`${B}(?:in|since|from|until|till|by|of|before|after|during|around|circa|early|late|mid-?|year|the year)\s+${YEAR}${E}(?![-–/]\d|,\d)`,
      'gi',
    ),
    resolve: (m) => ({ value: yearRange(Number(m[1])) }),
  },
  {
    // today, yesterday, tomorrow, tonight, this morning
    re: /\b(today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening))\b/gi,
    resolve: (m, ref) => {
      if (ref.day === null) return unknown(ref);
      const w = (m[1] as string).toLowerCase();
      const shift = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
      return { value: iso(addDays(ref.day, shift)) };
    },
  },
  {
    // N days/weeks/months/years ago
    hint: / ago\b/i,
    re: /\b(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(day|week|month|year)s?\s+ago\b/gi,
    resolve: (m, ref) => {
      if (ref.day === null) return unknown(ref);
      const raw = (m[1] as string).toLowerCase();
      const n = /^\d+$/.test(raw) ? Number(raw) : (NUMBER_WORDS[raw] ?? Number.NaN);
      if (!Number.isFinite(n)) return null;
      const unit = (m[2] as string).toLowerCase();
      if (unit === 'day') return { value: iso(addDays(ref.day, -n)) };
      if (unit === 'week') return { value: iso(addDays(ref.day, -7 * n)), note: 'approximate' };
      if (unit === 'month') {
        const [y, mo] = shiftMonth(ref.day.y, ref.day.m, -n);
        return {
          value: iso({ y, m: mo, d: Math.min(ref.day.d, daysInMonth(y, mo)) }),
          note: 'approximate',
        };
      }
      return {
        value: iso({
          y: ref.day.y - n,
          m: ref.day.m,
          d: Math.min(ref.day.d, daysInMonth(ref.day.y - n, ref.day.m)),
        }),
        note: 'approximate',
      };
    },
  },
  {
    // earlier this month, later this year, so far this year, last week, next month, this week
    hint: /\b(?:week|month|year)\b/i,
    re: /\b(?:(earlier|later|early|late) |so far )?(this|last|next|past|coming) (week|month|year)\b/gi,
    resolve: (m, ref) => {
      if (ref.day === null) return unknown(ref);
      const which = (m[2] as string).toLowerCase();
      const unit = (m[3] as string).toLowerCase();
      const by =
        which === 'last' || which === 'past' ? -1 : which === 'next' || which === 'coming' ? 1 : 0;
      // "the past week" is the seven days up to publication, not the calendar week before.
      if (which === 'past' && unit === 'week')
        return { value: range(addDays(ref.day, -7), ref.day) };
      if (unit === 'week') return { value: weekRange(ref.day, by) };
      if (unit === 'month') {
        const [y, mo] = shiftMonth(ref.day.y, ref.day.m, by);
        return { value: monthRange(y, mo) };
      }
      return { value: yearRange(ref.day.y + by) };
    },
  },
  {
    // over the weekend, last weekend, this weekend, next weekend
    hint: /weekend/i,
    re: /\b(?:(over|during|at) the|(last|this|next|the)) weekend\b/gi,
    resolve: (m, ref) => {
      if (ref.day === null) return unknown(ref);
      const which = (m[2] ?? '').toLowerCase();
      const future =
        which === 'next' || (which === 'this' && ref.future) || (which !== 'last' && ref.future);
      const saturday = future
        ? nearestWeekday(ref.day, 6, 'future')
        : nearestWeekday(ref.day, 6, which === 'last' ? 'strictly-past' : 'past');
      // A past weekend read on a Sunday or later includes the day after that Saturday.
      return { value: range(saturday, addDays(saturday, 1)) };
    },
  },
  {
    // Thursday, on Sunday, last Friday, next Tuesday, this Monday (not "every Friday")
    re: new RegExp(
      String.raw`${B}(?:(last|next|this|coming|past|on|every)\s+)?${WEEKDAY}${E}`,
      'g',
    ),
    resolve: (m, ref) => {
      const which = (m[1] ?? '').toLowerCase();
      if (which === 'every') return null;
      if (ref.day === null) return unknown(ref);
      const wd = WEEKDAYS[(m[2] as string).toLowerCase()] as number;
      let dir: 'past' | 'future' | 'strictly-past' | 'strictly-future' = ref.future
        ? 'future'
        : 'past';
      if (which === 'last' || which === 'past') dir = 'strictly-past';
      if (which === 'next' || which === 'coming') dir = 'strictly-future';
      return { value: iso(nearestWeekday(ref.day, wd, dir)) };
    },
  },
];

/** Read the publication day from an ISO 8601 string ("2021-08-26", "2021-08-26T10:00:00+03:00"), as written. */
function publicationDay(publishedAt: string | null): { day: Day | null; missing: string } {
  if (publishedAt === null || publishedAt.trim() === '')
    return { day: null, missing: 'publication time unknown' };
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt.trim());
  if (m === null)
    return { day: null, missing: `publication time unreadable: ${publishedAt.slice(0, 40)}` };
  const day = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  // The date as the outlet wrote it: its local calendar day, so no time-zone shift.
  return valid(day)
    ? { day, missing: '' }
    : { day: null, missing: `publication time unreadable: ${publishedAt}` };
}

/**
 * Date and time expressions resolved against the publication time, with
 * their source spans: absolute dates ("August 26", "Aug 26", "27 August,
 * 2021, 10:35 AM"), ranges ("between Sept. 7 and 9" -> "2021-09-07/2021-09-09"),
 * weekdays ("Thursday": the most recent one on or before publication; the
 * next one when the sentence looks ahead), relative periods ("earlier this
 * month", "last week", "next month", "over the weekend"), years ("in 2001")
 * and decades ("the 1990s"). Values are ISO dates, ISO date-times or
 * `start/end` intervals. Without a publication time, relative expressions
 * get `value: null` with `note: "publication time unknown"`; the clock is
 * never read.
 *
 * @param publishedAt the article's publication time (ISO 8601), or null
 */
export function findDates(
  text: string,
  sentences: readonly Span[],
  publishedAt: string | null,
): DateMention[] {
  const pub = publicationDay(publishedAt);
  const found: Array<DateMention & { rule: number }> = [];
  for (let r = 0; r < RULES.length; r++) {
    const rule = RULES[r] as Rule;
    if (rule.hint !== undefined && !rule.hint.test(text)) continue;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m !== null; m = rule.re.exec(text)) {
      const at = m.index;
      const ref: Reference = {
        day: pub.day,
        missing: pub.missing,
        get future() {
          const s = sentenceAt(sentences, at);
          return s !== undefined && FUTURE.test(text.slice(s.start, s.end));
        },
      };
      const res = rule.resolve(m, ref);
      if (res === null) continue;
      const out: DateMention & { rule: number } = {
        start: m.index,
        end: m.index + m[0].length,
        text: m[0],
        value: res.value,
        rule: r,
      };
      if (res.note !== undefined && res.note !== '') out.note = res.note;
      found.push(out);
    }
  }
  // Keep the longest expression where several overlap, then the earlier rule.
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.rule - b.rule || a.start - b.start);
  const taken: DateMention[] = [];
  const covered = new Uint8Array(text.length + 1);
  for (const f of found) {
    if (covered[f.start] === 1 || covered[f.end - 1] === 1) continue;
    covered.fill(1, f.start, f.end);
    const { rule: _rule, ...mention } = f;
    taken.push(mention);
  }
  return taken.sort((a, b) => a.start - b.start);
}
