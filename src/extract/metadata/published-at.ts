import type { RemovalReason } from '../../model/article.ts';
import { findDate } from './dates.ts';

/** A furniture line that may carry the publication date, with why it was removed. */
export interface DatedLine {
  text: string;
  reason: RemovalReason;
}

// Labels in order of trust: a "Published" line names the publication time;
// an unlabelled date under the headline (seed 004) usually is it; an
// "Updated" line is later than publication; a date in the page header
// (seed 002's "Friday, 27 August, 2021, 10:35 AM" above the headline) is
// often the site's clock when the page was served, not the article's date.
const PUBLISHED_LABEL =
  /^(?:published|posted|first published|released?|date)\b\s*(?:on|at)?\s*[:：]?\s*/i;
const UPDATED_LABEL =
  /^(?:updated|last updated|last modified|modified)\b\s*(?:on|at)?\s*[:：]?\s*/i;
const DATE_REASONS: ReadonlySet<RemovalReason> = new Set(['date', 'counter', 'byline']);

/**
 * The publication time shown on the page, from the furniture lines extract
 * removed: a labelled "Published : <date>" line wins over an unlabelled date
 * line, which wins over an "Updated" line, which wins over a date in the
 * page header. A 12-hour "12:00 AM" counts as no time (see
 * `FindDateOptions.midnightIsDateOnly`). Returns ISO 8601 or null.
 *
 * @example publishedAtFromLines([{ text: 'Published : Friday, 27 August, 2021 at 12:00 AM', reason: 'counter' }]) // '2021-08-27'
 */
export function publishedAtFromLines(lines: readonly DatedLine[]): string | null {
  let best: { rank: number; value: string } | null = null;
  for (const line of lines) {
    const text = line.text.trim();
    let rank: number;
    let rest = text;
    const published = PUBLISHED_LABEL.exec(text);
    const updated = UPDATED_LABEL.exec(text);
    if (published && published[0].length > 0) {
      rank = 0;
      rest = text.slice(published[0].length);
    } else if (updated && updated[0].length > 0) {
      rank = 2;
      rest = text.slice(updated[0].length);
    } else if (DATE_REASONS.has(line.reason)) {
      rank = 1;
    } else if (line.reason === 'header') {
      rank = 3;
    } else {
      continue;
    }
    const match = findDate(rest, { midnightIsDateOnly: true });
    if (!match) continue;
    if (best === null || rank < best.rank) best = { rank, value: match.value };
  }
  return best?.value ?? null;
}
