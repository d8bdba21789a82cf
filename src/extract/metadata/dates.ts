/** A date (and maybe a time) found in a text, normalised to ISO 8601. */
export interface DateMatch {
  /**
   * `2021-08-27` when only the date is known; `2021-08-23T14:03` (or with
   * seconds) when the time is known; with `Z` or `+06:00` when the zone is.
   */
  value: string;
  /** Where the expression starts in the searched text, and one past its end. */
  index: number;
  end: number;
  hasTime: boolean;
  hasZone: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/**
 * Zone abbreviations that name one fixed UTC offset, as news pages print
 * them after a time ("16.05 CET", "2:03 p.m. EDT", "10:03 GMT"). An
 * abbreviation used for two zones is read as the one English-language news
 * means more often, as this table always did: CST is US Central, IST India
 * Standard Time; AST (Atlantic or Arabia) is left out. A page that writes
 * "CET" in summer is taken at its word.
 */
export const ZONE_OFFSETS: Readonly<Record<string, string>> = {
  UTC: 'Z',
  GMT: 'Z',
  Z: 'Z',
  WET: 'Z',
  WEST: '+01:00',
  BST: '+01:00',
  CET: '+01:00',
  CEST: '+02:00',
  EET: '+02:00',
  EEST: '+03:00',
  MSK: '+03:00',
  WAT: '+01:00',
  CAT: '+02:00',
  SAST: '+02:00',
  EAT: '+03:00',
  PKT: '+05:00',
  IST: '+05:30',
  ICT: '+07:00',
  WIB: '+07:00',
  HKT: '+08:00',
  SGT: '+08:00',
  JST: '+09:00',
  KST: '+09:00',
  AEST: '+10:00',
  AEDT: '+11:00',
  NZST: '+12:00',
  NZDT: '+13:00',
  HST: '-10:00',
  AKST: '-09:00',
  AKDT: '-08:00',
  PST: '-08:00',
  PDT: '-07:00',
  MST: '-07:00',
  MDT: '-06:00',
  CST: '-06:00',
  CDT: '-05:00',
  EST: '-05:00',
  EDT: '-04:00',
};

/**
 * US zone names written without standard or daylight ("10:03 ET", "9 a.m.
 * PT"): the offset follows from the date by the US daylight-saving rule, so
 * it is computed, not guessed: the standard offset, one hour more between
 * the start and end of daylight time (see `usDaylightTime`).
 */
export const US_ZONE_STANDARD_OFFSETS: Readonly<Record<string, number>> = {
  ET: -5,
  CT: -6,
  MT: -7,
  PT: -8,
};

const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const ZONE_NAMES = [...Object.keys(ZONE_OFFSETS), ...Object.keys(US_ZONE_STANDARD_OFFSETS)]
  .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
  .join('|');
// Zone names are matched in capitals only: "ist" and "et" are words in German and French.
const ZONE = `(?:\\s*\\(?\\s*(?:((?-i:${ZONE_NAMES}))\\b)?\\s*([+-]\\d{1,2}(?::?\\d{2})?)?\\)?)`;
// A time after a date: "10:35 AM", "at 12:00 AM", "- 02:03 PM", "10:35:00 +0600".
const TIME = `(?:\\s*(?:,|at|-|–|—|\\|)?\\s*(\\d{1,2})[:.](\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?\\s*([ap]\\.?m\\.?)?${ZONE})?`;

const DAY_MONTH_YEAR = new RegExp(
  `\\b${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(\\d{4})\\b${TIME}`,
  'i',
);
const MONTH_DAY_YEAR = new RegExp(
  `\\b${WEEKDAY}${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b${TIME}`,
  'i',
);
// "05-MAR-2025 14:12 CET": the day-month-year slug of wire headers and logs.
const DAY_MONTH_YEAR_DASHED = new RegExp(`\\b(\\d{1,2})-${MONTH}-(\\d{4})\\b${TIME}`, 'i');
const ISO_DATE =
  /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?(?![\d-])/i;

/**
 * Options of `findDate`.
 * `midnightIsDateOnly`: read a 12-hour "12:00 AM" as "no time given". Seen in
 * seed 002: "Published : Friday, 27 August, 2021 at 12:00 AM" on a page whose
 * header clock says 10:35 AM the same day; content systems that store only a
 * date render it as midnight, so the time carries no information.
 */
export interface FindDateOptions {
  midnightIsDateOnly?: boolean;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The n-th (1-based) Sunday of a month, or with n = -1 the last one: its day of the month. */
function sunday(year: number, month: number, n: number): number {
  if (n < 0) {
    const last = daysIn(year, month);
    return last - new Date(Date.UTC(year, month - 1, last)).getUTCDay();
  }
  const first = 1 + ((7 - new Date(Date.UTC(year, month - 1, 1)).getUTCDay()) % 7);
  return first + 7 * (n - 1);
}

/**
 * Whether a local date and hour fall in US daylight-saving time: from 2 a.m.
 * on the second Sunday of March to 2 a.m. on the first Sunday of November
 * since 2007, the first Sunday of April to the last Sunday of October from
 * 1987 to 2006. Null before 1987, whose rules varied.
 */
export function usDaylightTime(
  year: number,
  month: number,
  day: number,
  hour: number,
): boolean | null {
  if (year < 1987) return null;
  const [startMonth, startDay, endMonth, endDay] =
    year >= 2007
      ? [3, sunday(year, 3, 2), 11, sunday(year, 11, 1)]
      : [4, sunday(year, 4, 1), 10, sunday(year, 10, -1)];
  const at = (m: number, d: number, h: number): number => (m * 32 + d) * 24 + h;
  const now = at(month, day, hour);
  return now >= at(startMonth, startDay, 2) && now < at(endMonth, endDay, 2);
}

function normaliseOffset(
  zoneName: string | undefined,
  offset: string | undefined,
  local: { year: number; month: number; day: number; hour: number },
): string | null {
  if (offset) {
    const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(offset);
    if (!m) return null;
    const hours = Number(m[2]);
    const minutes = Number(m[3] ?? '0');
    if (hours > 14 || minutes > 59) return null;
    if (hours === 0 && minutes === 0) return 'Z';
    return `${m[1]}${pad(hours)}:${pad(minutes)}`;
  }
  if (!zoneName) return null;
  const name = zoneName.toUpperCase();
  const fixed = ZONE_OFFSETS[name];
  if (fixed !== undefined) return fixed;
  const standard = US_ZONE_STANDARD_OFFSETS[name];
  if (standard === undefined) return null;
  const daylight = usDaylightTime(local.year, local.month, local.day, local.hour);
  if (daylight === null) return null;
  const hours = standard + (daylight ? 1 : 0);
  return `${hours < 0 ? '-' : '+'}${pad(Math.abs(hours))}:00`;
}

function build(
  year: number,
  month: number,
  day: number,
  time: { h?: string; m?: string; s?: string; ampm?: string; zone?: string; offset?: string },
  options: FindDateOptions,
): { value: string; hasTime: boolean; hasZone: boolean } | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysIn(year, month)) return null;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (time.h === undefined || time.m === undefined)
    return { value: date, hasTime: false, hasZone: false };
  let hour = Number(time.h);
  const minute = Number(time.m);
  const ampm = time.ampm?.toLowerCase().replace(/\./g, '');
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    if (options.midnightIsDateOnly && ampm === 'am' && hour === 12 && minute === 0 && !time.s) {
      return { value: date, hasTime: false, hasZone: false };
    }
    hour = (hour % 12) + (ampm === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return null;
  const seconds = time.s === undefined ? '' : `:${pad(Math.min(59, Number(time.s)))}`;
  const zone = normaliseOffset(time.zone, time.offset, { year, month, day, hour });
  return {
    value: `${date}T${pad(hour)}:${pad(minute)}${seconds}${zone ?? ''}`,
    hasTime: true,
    hasZone: zone !== null,
  };
}

/**
 * The first date expression in a text, as ISO 8601. Reads "Friday, 27
 * August, 2021, 10:35 AM", "Monday, Aug 23, 2021 - 02:03 PM", RFC 2822
 * ("Fri, 27 Aug 2021 10:35:00 +0600"), wire slugs ("05-MAR-2025 14:12 CET")
 * and ISO forms; zone names through `ZONE_OFFSETS` and
 * `US_ZONE_STANDARD_OFFSETS`. Numeric day/month forms ("08/09/2021") are
 * not read: their order cannot be known. Nothing is guessed: no year, no
 * zone and no time is filled in.
 *
 * @example findDate('Monday, Aug 23, 2021 - 02:03 PM')?.value // '2021-08-23T14:03'
 */
export function findDate(text: string, options: FindDateOptions = {}): DateMatch | null {
  let best: DateMatch | null = null;
  const consider = (m: RegExpExecArray, result: ReturnType<typeof build>): void => {
    if (!result) return;
    // A trailing space captured by the optional zone group is not part of the date.
    const raw = m[0].replace(/\s+$/, '');
    if (best && best.index <= m.index) return;
    best = { ...result, index: m.index, end: m.index + raw.length };
  };

  const iso = ISO_DATE.exec(text);
  if (iso) {
    consider(
      iso,
      build(
        Number(iso[1]),
        Number(iso[2]),
        Number(iso[3]),
        {
          h: iso[4],
          m: iso[5],
          s: iso[6],
          offset: iso[7] === 'Z' || iso[7] === 'z' ? '+00:00' : iso[7],
        },
        {},
      ),
    );
  }
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) {
    const month = MONTHS[(dmy[2] ?? '').slice(0, 3).toLowerCase()];
    if (month) {
      consider(
        dmy,
        build(
          Number(dmy[3]),
          month,
          Number(dmy[1]),
          { h: dmy[4], m: dmy[5], s: dmy[6], ampm: dmy[7], zone: dmy[8], offset: dmy[9] },
          options,
        ),
      );
    }
  }
  const dashed = DAY_MONTH_YEAR_DASHED.exec(text);
  if (dashed) {
    const month = MONTHS[(dashed[2] ?? '').slice(0, 3).toLowerCase()];
    if (month) {
      consider(
        dashed,
        build(
          Number(dashed[3]),
          month,
          Number(dashed[1]),
          {
            h: dashed[4],
            m: dashed[5],
            s: dashed[6],
            ampm: dashed[7],
            zone: dashed[8],
            offset: dashed[9],
          },
          options,
        ),
      );
    }
  }
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy) {
    const month = MONTHS[(mdy[1] ?? '').slice(0, 3).toLowerCase()];
    if (month) {
      consider(
        mdy,
        build(
          Number(mdy[3]),
          month,
          Number(mdy[2]),
          { h: mdy[4], m: mdy[5], s: mdy[6], ampm: mdy[7], zone: mdy[8], offset: mdy[9] },
          options,
        ),
      );
    }
  }
  return best;
}

/**
 * Normalise a publication time given by a container (feed, WARC record,
 * page metadata) to ISO 8601, or null when it cannot be read.
 *
 * @example normalizeDate('Fri, 27 Aug 2021 10:35:00 +0600') // '2021-08-27T10:35:00+06:00'
 */
export function normalizeDate(value: string): string | null {
  const text = value.trim();
  const match = findDate(text);
  if (!match) return null;
  // The date must be the value, not a date somewhere inside free text.
  if (match.index > 16 || text.length - match.end > 4) return null;
  return match.value;
}
