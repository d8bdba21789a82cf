const ISO =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const RFC_822 =
  /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{2}|\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,5})?)?$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// RFC 822 zone names; military letters and other abbreviations are ambiguous and give no offset.
const ZONES: Record<string, string> = {
  ut: '+00:00',
  utc: '+00:00',
  gmt: '+00:00',
  z: '+00:00',
  est: '-05:00',
  edt: '-04:00',
  cst: '-06:00',
  cdt: '-05:00',
  mst: '-07:00',
  mdt: '-06:00',
  pst: '-08:00',
  pdt: '-07:00',
};

function pad(value: number | string, width = 2): string {
  return String(value).padStart(width, '0');
}

function offset(zone: string | undefined): string {
  if (!zone) return '';
  const lower = zone.toLowerCase();
  if (lower in ZONES) return ZONES[lower] === '+00:00' ? 'Z' : (ZONES[lower] ?? '');
  const digits = zone.replace(':', '');
  if (!/^[+-]\d{2}(\d{2})?$/.test(digits)) return '';
  return `${digits.slice(0, 3)}:${digits.slice(3, 5) || '00'}`;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/**
 * Rewrite a date as given by a container to ISO 8601, keeping its UTC offset
 * (`Tue, 24 Aug 2021 10:15:00 +0300` → `2021-08-24T10:15:00+03:00`). Reads
 * ISO 8601 (with a space or `T`), RFC 822/2822 (RSS) and news-please's
 * `2021-08-24 10:15:00`. A time without a zone stays without one; nothing is
 * guessed from the machine's time zone. Returns undefined for anything else.
 */
export function toIsoDate(value: string): string | undefined {
  const text = value.trim().replace(/\s+/g, ' ');
  const iso = ISO.exec(text);
  if (iso) {
    const [, date = '', time, zone] = iso;
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    if (!isRealDate(year, month, day)) return undefined;
    if (!time) return date;
    const zoneOffset = zone && /^(utc|gmt)$/i.test(zone) ? 'Z' : offset(zone);
    return `${date}T${time.replace(',', '.')}${zoneOffset === '+00:00' ? 'Z' : zoneOffset}`;
  }
  const rfc = RFC_822.exec(text);
  if (!rfc) return undefined;
  const [, dayText = '', monthName = '', yearText = '', hour, minute, second, zone] = rfc;
  const month = MONTHS.indexOf(monthName.toLowerCase()) + 1;
  let year = Number(yearText);
  if (yearText.length === 2) year += year < 50 ? 2000 : 1900;
  const day = Number(dayText);
  if (month === 0 || !isRealDate(year, month, day)) return undefined;
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (hour === undefined) return date;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 60) return undefined;
  const zoneOffset = offset(zone);
  return `${date}T${pad(hour)}:${minute}:${second ?? '00'}${zoneOffset === '+00:00' ? 'Z' : zoneOffset}`;
}
