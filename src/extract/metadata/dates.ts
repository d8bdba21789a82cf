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

// Fixed-offset zone abbreviations only. "ET"/"PT" are left out on purpose:
// they switch between standard and daylight time, and guessing which one
// would invent an offset the page did not give.
const ZONES: Record<string, string> = {
  UTC: 'Z',
  GMT: 'Z',
  Z: 'Z',
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
  BST: '+01:00',
  CET: '+01:00',
  CEST: '+02:00',
  EET: '+02:00',
  EEST: '+03:00',
  MSK: '+03:00',
  IST: '+05:30',
  JST: '+09:00',
  KST: '+09:00',
};

const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const ZONE = `(?:\\s*\\(?\\s*(?:(${Object.keys(ZONES).join('|')})\\b)?\\s*([+-]\\d{1,2}(?::?\\d{2})?)?\\)?)`;
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

function normaliseOffset(zoneName: string | undefined, offset: string | undefined): string | null {
  if (offset) {
    const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(offset);
    if (!m) return null;
    const hours = Number(m[2]);
    const minutes = Number(m[3] ?? '0');
    if (hours > 14 || minutes > 59) return null;
    if (hours === 0 && minutes === 0) return 'Z';
    return `${m[1]}${pad(hours)}:${pad(minutes)}`;
  }
  if (zoneName) return ZONES[zoneName.toUpperCase()] ?? null;
  return null;
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
  const zone = normaliseOffset(time.zone, time.offset);
  return {
    value: `${date}T${pad(hour)}:${pad(minute)}${seconds}${zone ?? ''}`,
    hasTime: true,
    hasZone: zone !== null,
  };
}

/**
 * The first date expression in a text, as ISO 8601. Reads "Friday, 27
 * August, 2021, 10:35 AM", "Monday, Aug 23, 2021 - 02:03 PM", RFC 2822
 * ("Fri, 27 Aug 2021 10:35:00 +0600") and ISO forms. Numeric day/month
 * forms ("08/09/2021") are not read: their order cannot be known. Nothing
 * is guessed: no year, no zone and no time is filled in.
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
