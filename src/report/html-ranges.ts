import { escapeHtml } from './escape.ts';

/** A range of text to wrap in an element. */
export interface HtmlRange {
  start: number;
  end: number;
  /** Tag name ("span", "mark", "p"). */
  tag: string;
  /** Attributes, values unescaped; `id` goes on the first piece only. */
  attrs: Record<string, string>;
}

function openTag(range: HtmlRange, first: boolean): string {
  let out = `<${range.tag}`;
  for (const [name, value] of Object.entries(range.attrs)) {
    if (name === 'id' && !first) continue;
    out += ` ${name}="${escapeHtml(value)}"`;
  }
  return `${out}>`;
}

/**
 * Render text as HTML with ranges wrapped in elements, one list of ranges
 * per nesting level (outermost first; ranges of one level must not
 * overlap: later overlapping ones are dropped). A range crossing a range of
 * an outer level is split into pieces so the markup stays well nested, and
 * is not drawn outside them; the `id` stays on the first piece. All text
 * is escaped.
 *
 * @example
 * renderRanges('ab cd', [[{ start: 0, end: 5, tag: 'p', attrs: {} }], [{ start: 3, end: 5, tag: 'mark', attrs: {} }]])
 * // '<p>ab <mark>cd</mark></p>'
 */
export function renderRanges(text: string, levels: readonly (readonly HtmlRange[])[]): string {
  const clean = levels.map((ranges) => {
    const sorted = ranges
      .filter((r) => r.start >= 0 && r.end <= text.length && r.start < r.end)
      .map((r, i) => ({ r, i }))
      .sort((a, b) => a.r.start - b.r.start || a.i - b.i)
      .map((x) => x.r);
    const kept: HtmlRange[] = [];
    let end = -1;
    for (const r of sorted) {
      if (r.start < end) continue;
      kept.push(r);
      end = r.end;
    }
    return kept;
  });
  const cuts = new Set<number>([0, text.length]);
  for (const level of clean) {
    for (const r of level) {
      cuts.add(r.start);
      cuts.add(r.end);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const cursor = clean.map(() => 0);
  const active: (HtmlRange | null)[] = clean.map(() => null);
  const opened = new Set<HtmlRange>();
  let out = '';
  for (let k = 0; k + 1 < points.length; k++) {
    const from = points[k] as number;
    const to = points[k + 1] as number;
    // Which range of each level covers [from, to)?
    const want = clean.map((level, l) => {
      let c = cursor[l] as number;
      while (c < level.length && (level[c] as HtmlRange).end <= from) c++;
      cursor[l] = c;
      const r = level[c];
      return r !== undefined && r.start <= from && r.end >= to ? r : null;
    });
    // Outside every range of a level that has ranges (between paragraphs),
    // no inner range is drawn either: inner pieces stay inside outer ones.
    const gap = want.findIndex((r, l) => r === null && (clean[l] as HtmlRange[]).length > 0);
    if (gap !== -1) for (let l = gap + 1; l < want.length; l++) want[l] = null;
    // Close from the innermost level down to the first that changes, then reopen.
    const change = want.findIndex((r, l) => r !== active[l]);
    if (change !== -1) {
      for (let l = active.length - 1; l >= change; l--) {
        const r = active[l];
        if (r) out += `</${r.tag}>`;
        active[l] = null;
      }
      for (let l = change; l < want.length; l++) {
        const r = want[l] ?? null;
        if (r) {
          out += openTag(r, !opened.has(r));
          opened.add(r);
        }
        active[l] = r;
      }
    }
    out += escapeHtml(text.slice(from, to));
  }
  for (let l = active.length - 1; l >= 0; l--) {
    const r = active[l];
    if (r) out += `</${r.tag}>`;
  }
  return out;
}

/** The paragraphs of a text (split on blank lines) as ranges, for `renderRanges`' outermost level. */
export function paragraphRanges(text: string, attrs: Record<string, string> = {}): HtmlRange[] {
  const out: HtmlRange[] = [];
  const re = /\n\s*\n/g;
  let start = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.index > start) out.push({ start, end: m.index, tag: 'p', attrs });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length, tag: 'p', attrs });
  return out;
}
