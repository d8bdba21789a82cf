import type { Writable } from 'node:stream';

/** A one-line progress display on a terminal. */
export interface Progress {
  /** Show that `done` of `total` (when known) items of `phase` are finished; `detail` names the current one. */
  update(phase: string, done: number, total?: number, detail?: string): void;
  /** Erase the line, if one was drawn. */
  done(): void;
}

/** A run shorter than this never draws a bar, so quick runs do not flicker. */
const FIRST_DRAW_AFTER_MS = 300;
/** Redraw at most this often: a terminal gains nothing from faster redraws. */
const REDRAW_EVERY_MS = 100;
const BAR_WIDTH = 20;
const DEFAULT_COLUMNS = 80;
const MIN_COLUMNS = 20;

/** A progress display that does nothing: for `--quiet`, `--no-progress` and non-terminals. */
export const noProgress: Progress = { update() {}, done() {} };

/**
 * A progress line on `stream` (stderr), redrawn in place with `\r`. The
 * clock is passed in so tests can drive it.
 */
export function createProgress(
  stream: Writable & { columns?: number },
  now: () => number = Date.now,
): Progress {
  const start = now();
  let lastDraw = Number.NEGATIVE_INFINITY;
  let drawn = false;
  return {
    update(phase, done, total, detail) {
      const time = now();
      if (time - start < FIRST_DRAW_AFTER_MS || time - lastDraw < REDRAW_EVERY_MS) return;
      lastDraw = time;
      drawn = true;
      // A pseudo-terminal may report 0 columns: fall back rather than cut everything.
      const columns =
        stream.columns && stream.columns >= MIN_COLUMNS ? stream.columns : DEFAULT_COLUMNS;
      let line = `${phase} ${done}${total === undefined ? '' : `/${total}`}`;
      if (total !== undefined && total > 0) {
        const filled = Math.min(BAR_WIDTH, Math.round((done / total) * BAR_WIDTH));
        line += ` [${'#'.repeat(filled)}${' '.repeat(BAR_WIDTH - filled)}]`;
      }
      if (detail) line += ` ${detail}`;
      if (line.length > columns - 1) line = `${line.slice(0, columns - 2)}…`;
      stream.write(`\r\u001b[2K${line}`);
    },
    done() {
      if (drawn) stream.write('\r\u001b[2K');
      drawn = false;
    },
  };
}
