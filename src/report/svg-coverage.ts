import type { Coverage, FactKind, FactUnit } from '../model/index.ts';
import { escapeHtml } from './escape.ts';

const CELL_W = 24;
const CELL_H = 18;
const GAP = 2;
const MARGIN = 12;
/** Width of the fact labels on the right, at 12px: about 56 characters of a sans-serif font. */
const LABEL_W = 404;
const LABEL_CHARS = 56;
/** Room for the "3/5" count between the grid and the labels. */
const COUNT_W = 44;
/** Height of the rotated article names on top. */
const HEADER_H = 128;
const HEADER_CHARS = 22;
const LEGEND_H = 40;

const KIND_FILL: Record<FactKind, string> = {
  verbatim: '#1f4e79',
  edited: '#4f83b5',
  paraphrase: '#9cc3e4',
};
const ABSENT_FILL = '#eef0f3';
const OMISSION_STROKE = '#c2410c';

const LEGEND: readonly [string, string, string | null][] = [
  ['copied word for word', KIND_FILL.verbatim, null],
  ['edited copy', KIND_FILL.edited, null],
  ['paraphrased', KIND_FILL.paraphrase, null],
  ['not carried', ABSENT_FILL, null],
  ['left out (most carry it)', ABSENT_FILL, OMISSION_STROKE],
];

/** Room for one legend entry: swatch, text at 11px (about 6.6 units a character), gap. */
function legendItemWidth(name: string): number {
  return 19 + Math.ceil(name.length * 6.6) + 18;
}

function legendWidth(): number {
  return LEGEND.reduce((sum, [name]) => sum + legendItemWidth(name), 0);
}

/** Options of `renderCoverageSvg`. */
export interface CoverageSvgOptions {
  /** Prefix of the ids inside the SVG (unique per figure in a page). */
  idPrefix: string;
  /** The name of an article (outlet). */
  articleLabel: (id: string) => string;
  /** Where a fact's row label leads (the sentence in an article), or null. */
  factHref?: (fact: FactUnit) => string | null;
  title?: string;
}

function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Draw the coverage matrix as a heat map: one row per fact (the most widely
 * carried first, then in narrative order), one column per article (in
 * narrative order, numbered like the brief's citations). A filled cell: the
 * article carries the fact (darker: copied word for word, lighter: edited or
 * paraphrased); an outlined empty cell: most other articles carry it and
 * this one leaves it out. Deterministic bytes for the same input.
 */
export function renderCoverageSvg(
  facts: readonly FactUnit[],
  coverage: Coverage,
  options: CoverageSvgOptions,
): string {
  const p = escapeHtml(options.idPrefix);
  const byId = new Map(facts.map((f) => [f.id, f]));
  const rows = coverage.facts
    .map((id, i) => ({ id, i, fact: byId.get(id), cells: coverage.matrix[i] ?? [] }))
    .filter((r): r is typeof r & { fact: FactUnit } => r.fact !== undefined)
    .map((r) => ({
      ...r,
      carriers: r.cells.filter((c) => c > 0).length,
      firstColumn: r.cells.findIndex((c) => c > 0),
    }))
    // Widely carried first; facts of equal reach grouped by the first article that carries them.
    .sort((a, b) => b.carriers - a.carriers || a.firstColumn - b.firstColumn || a.i - b.i);
  const omitted = new Map(coverage.perArticle.map((pa) => [pa.article, new Set(pa.omissions)]));
  const cols = coverage.articles;
  // Grid on the left, counts, then the fact labels: on a narrow screen the
  // grid stays in view and the labels scroll.
  const gridX = MARGIN;
  const countX = gridX + cols.length * (CELL_W + GAP) + 6;
  const labelX = countX + COUNT_W;
  const gridY = MARGIN + HEADER_H;
  const width = Math.max(MARGIN * 2 + legendWidth(), labelX + LABEL_W + MARGIN);
  const height = gridY + rows.length * (CELL_H + GAP) + LEGEND_H + MARGIN;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="coverage-map" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="group" aria-labelledby="${p}-title" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">`,
  );
  out.push(
    `<title id="${p}-title">${escapeHtml(options.title ?? 'Which article carries which fact')}</title>`,
  );

  out.push('<g class="columns" font-size="11" fill="#1f2937">');
  cols.forEach((id, c) => {
    const x = gridX + c * (CELL_W + GAP) + CELL_W / 2;
    const y = gridY - 8;
    const name = options.articleLabel(id);
    out.push(
      `<text x="${x}" y="${y}" transform="rotate(-50 ${x} ${y})"><title>${escapeHtml(`${c + 1}. ${name}`)}</title>${escapeHtml(truncate(`${c + 1}. ${name}`, HEADER_CHARS))}</text>`,
    );
  });
  out.push('</g>');

  out.push('<g class="rows">');
  rows.forEach((row, r) => {
    const y = gridY + r * (CELL_H + GAP);
    const label = escapeHtml(truncate(row.fact.text, LABEL_CHARS));
    const full = escapeHtml(
      `${row.fact.text} (${row.carriers} of ${cols.length}, ${row.fact.kind})`,
    );
    const href = options.factHref?.(row.fact) ?? null;
    const text = `<text x="${labelX}" y="${y + 13}" font-size="12" fill="#1f2937">${label}</text>`;
    out.push(
      '<g class="row">',
      href === null
        ? `<g class="fact-label"><title>${full}</title>${text}</g>`
        : `<a class="fact-label" href="${escapeHtml(href)}"><title>${full}</title>${text}</a>`,
    );
    row.cells.forEach((count, c) => {
      const x = gridX + c * (CELL_W + GAP);
      const article = cols[c] as string;
      if (count > 0) {
        // No tooltip: the column header and the row label say which article and fact.
        out.push(
          `<rect class="cell cell-${row.fact.kind}" x="${x}" y="${y}" width="${CELL_W}" height="${CELL_H}" rx="2" fill="${KIND_FILL[row.fact.kind]}"/>`,
        );
        if (count > 1) {
          out.push(
            `<text x="${x + CELL_W / 2}" y="${y + 13}" font-size="10" text-anchor="middle" fill="#ffffff">${count}</text>`,
          );
        }
      } else if (omitted.get(article)?.has(row.id)) {
        const tip = `${c + 1}. ${options.articleLabel(article)}: leaves it out (most others carry it)`;
        out.push(
          `<rect class="cell cell-omitted" x="${x + 1}" y="${y + 1}" width="${CELL_W - 2}" height="${CELL_H - 2}" rx="2" fill="${ABSENT_FILL}" stroke="${OMISSION_STROKE}" stroke-width="1.5" stroke-dasharray="3 2"><title>${escapeHtml(tip)}</title></rect>`,
        );
      } else {
        out.push(
          `<rect class="cell cell-absent" x="${x}" y="${y}" width="${CELL_W}" height="${CELL_H}" rx="2" fill="${ABSENT_FILL}"/>`,
        );
      }
    });
    out.push(
      `<text x="${countX}" y="${y + 13}" font-size="11" fill="#4b5563">${row.carriers}/${cols.length}</text>`,
    );
    out.push('</g>');
  });
  out.push('</g>');

  const ly = height - LEGEND_H + 14;
  let x = MARGIN;
  out.push('<g class="legend" font-size="11" fill="#374151">');
  for (const [name, fill, stroke] of LEGEND) {
    const outline =
      stroke === null ? '' : ` stroke="${stroke}" stroke-width="1.5" stroke-dasharray="3 2"`;
    out.push(
      `<rect x="${x}" y="${ly - 9}" width="14" height="12" rx="2" fill="${fill}"${outline}/><text x="${x + 19}" y="${ly + 1}">${escapeHtml(name)}</text>`,
    );
    x += legendItemWidth(name);
  }
  out.push('</g>');
  out.push('</svg>');
  return out.join('\n');
}
