import type { ProvenanceEdge, ProvenanceGraph, ProvenanceNode } from '../model/index.ts';
import { escapeHtml } from './escape.ts';

// A layered drawing computed here, not by a layout library: the figure
// must be the same bytes on every run (snapshot tests), and the graphs are
// small and shallow (agency -> source -> copies), which a longest-path
// layering with barycentre ordering draws well.

/** Size of a node box, in SVG user units (px at 100%). */
export const NODE_WIDTH = 236;
export const NODE_HEIGHT = 44;
const GAP_X = 84;
const GAP_Y = 14;
const MARGIN = 16;
/** Nodes per column before a layer wraps into another column (a 50-copy story stays readable). */
export const MAX_NODES_PER_COLUMN = 14;
/** Characters of a label that fit a node box at 13px. */
const LABEL_CHARS = 28;
const LEGEND_HEIGHT = 34;
/** Room the legend needs along the bottom. */
const LEGEND_WIDTH = 660;

/** Where a node sits. */
export interface PlacedNode {
  node: ProvenanceNode;
  x: number;
  y: number;
  /** True when no edge touches it. */
  isolated: boolean;
}

/** A laid-out drawing of a provenance graph. */
export interface ProvenanceLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: { edge: ProvenanceEdge; path: string }[];
}

const KIND_ORDER: Record<string, number> = { agency: 0, source: 1, article: 2 };

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function initialOrder(a: ProvenanceNode, b: ProvenanceNode): number {
  return (
    (KIND_ORDER[a.kind] ?? 3) - (KIND_ORDER[b.kind] ?? 3) ||
    (a.publishedAt === null ? 1 : 0) - (b.publishedAt === null ? 1 : 0) ||
    compareStrings(a.publishedAt ?? '', b.publishedAt ?? '') ||
    compareStrings(a.label, b.label) ||
    compareStrings(a.id, b.id)
  );
}

/**
 * Lay out a provenance graph left to right: each node in the column of its
 * longest directed path from a root (agencies, then reconstructed sources,
 * then copies), nodes inside a column ordered by the mean position of their
 * predecessors, then by time and label. Nodes no edge touches go last in
 * the article column. Deterministic: the same graph gives the same numbers.
 */
export function layoutProvenance(graph: ProvenanceGraph): ProvenanceLayout {
  const nodes = [...graph.nodes].sort(initialOrder);
  const ids = new Set(nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => ids.has(e.from) && ids.has(e.to) && e.from !== e.to);
  const touched = new Set(edges.flatMap((e) => [e.from, e.to]));

  // Longest path layering over directed edges; capped at |nodes| rounds so a cycle cannot loop.
  const layer = new Map(nodes.map((n) => [n.id, 0]));
  for (let round = 0; round < nodes.length; round++) {
    let changed = false;
    for (const e of edges) {
      if (!e.directed) continue;
      const want = (layer.get(e.from) ?? 0) + 1;
      if (want > (layer.get(e.to) ?? 0)) {
        layer.set(e.to, want);
        changed = true;
      }
    }
    if (!changed) break;
  }
  // Nodes no edge touches join the rightmost article column (drawn last, dashed).
  const articleLayer = Math.max(
    0,
    ...nodes
      .filter((n) => n.kind === 'article' && touched.has(n.id))
      .map((n) => layer.get(n.id) ?? 0),
  );
  for (const n of nodes) {
    if (n.kind === 'article' && !touched.has(n.id)) layer.set(n.id, articleLayer);
  }

  const layers: ProvenanceNode[][] = [];
  for (const n of nodes) {
    const l = layer.get(n.id) ?? 0;
    const column = layers[l] ?? [];
    column.push(n);
    layers[l] = column;
  }
  const compact = layers.filter((l) => l !== undefined && l.length > 0);

  // Barycentre ordering, two sweeps from the left: a node follows the mean
  // position of its neighbours in earlier columns; isolated nodes go last.
  const rank = new Map<string, number>();
  const earlier = new Map<string, string[]>();
  for (const e of edges) {
    const [lo, hi] =
      (layer.get(e.from) ?? 0) <= (layer.get(e.to) ?? 0) ? [e.from, e.to] : [e.to, e.from];
    if ((layer.get(lo) ?? 0) === (layer.get(hi) ?? 0)) continue;
    const list = earlier.get(hi) ?? [];
    list.push(lo);
    earlier.set(hi, list);
  }
  for (const col of compact) {
    col.forEach((n, i) => {
      rank.set(n.id, i);
    });
  }
  const barycentre = (id: string): number => {
    const before = earlier.get(id) ?? [];
    if (before.length === 0) return Number.POSITIVE_INFINITY;
    return before.reduce((sum, other) => sum + (rank.get(other) ?? 0), 0) / before.length;
  };
  for (let sweep = 0; sweep < 2; sweep++) {
    for (const col of compact.slice(1)) {
      const initial = new Map(col.map((n, i) => [n.id, i]));
      const key = new Map(col.map((n) => [n.id, barycentre(n.id)]));
      col.sort(
        (a, b) =>
          (touched.has(a.id) ? 0 : 1) - (touched.has(b.id) ? 0 : 1) ||
          compareKeys(key.get(a.id), key.get(b.id)) ||
          (initial.get(a.id) ?? 0) - (initial.get(b.id) ?? 0),
      );
      col.forEach((n, i) => {
        rank.set(n.id, i);
      });
    }
  }

  // Columns, with long layers wrapped; each column centred vertically.
  const columns: ProvenanceNode[][] = [];
  for (const col of compact) {
    for (let i = 0; i < col.length; i += MAX_NODES_PER_COLUMN) {
      columns.push(col.slice(i, i + MAX_NODES_PER_COLUMN));
    }
  }
  const tallest = Math.max(1, ...columns.map((c) => c.length));
  const bodyHeight = tallest * NODE_HEIGHT + (tallest - 1) * GAP_Y;
  const placed: PlacedNode[] = [];
  const at = new Map<string, PlacedNode>();
  columns.forEach((col, c) => {
    const height = col.length * NODE_HEIGHT + (col.length - 1) * GAP_Y;
    const top = MARGIN + Math.round((bodyHeight - height) / 2);
    col.forEach((node, i) => {
      const p: PlacedNode = {
        node,
        x: MARGIN + c * (NODE_WIDTH + GAP_X),
        y: top + i * (NODE_HEIGHT + GAP_Y),
        isolated: !touched.has(node.id),
      };
      placed.push(p);
      at.set(node.id, p);
    });
  });
  const width = Math.max(
    LEGEND_WIDTH,
    MARGIN * 2 + Math.max(1, columns.length) * NODE_WIDTH + Math.max(0, columns.length - 1) * GAP_X,
  );
  const height = MARGIN * 2 + bodyHeight + LEGEND_HEIGHT;

  const routed = edges.map((edge) => {
    const a = at.get(edge.from) as PlacedNode;
    const b = at.get(edge.to) as PlacedNode;
    return { edge, path: edgePath(a, b) };
  });
  return { width, height, nodes: placed, edges: routed };
}

function compareKeys(a: number | undefined, b: number | undefined): number {
  const x = a ?? 0;
  const y = b ?? 0;
  if (x === y) return 0;
  return x < y ? -1 : 1;
}

function edgePath(a: PlacedNode, b: PlacedNode): string {
  const midA = a.y + NODE_HEIGHT / 2;
  const midB = b.y + NODE_HEIGHT / 2;
  if (a.x === b.x) {
    // Same column: an arc out to the right and back.
    const x = a.x + NODE_WIDTH;
    const bulge = 28 + Math.min(60, Math.abs(midB - midA) / 4);
    return `M${x} ${midA}C${x + bulge} ${midA} ${x + bulge} ${midB} ${x + 2} ${midB}`;
  }
  const [left, right, yl, yr] = a.x < b.x ? [a, b, midA, midB] : [b, a, midB, midA];
  const x1 = left.x + NODE_WIDTH;
  const x2 = right.x - 2;
  const dx = Math.round((x2 - x1) / 2);
  const path = `M${x1} ${yl}C${x1 + dx} ${yl} ${x2 - dx} ${yr} ${x2} ${yr}`;
  if (a.x < b.x) return path;
  // Drawn from `from` (on the right) to `to` (on the left): reverse the curve so the arrow points at `to`.
  return `M${right.x} ${yr}C${right.x - dx} ${yr} ${left.x + NODE_WIDTH + dx} ${yl} ${left.x + NODE_WIDTH + 2} ${yl}`;
}

function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

const EDGE_STYLE: Record<string, { stroke: string; dash: string | null; label: string }> = {
  copy: { stroke: '#1f4e79', dash: null, label: 'copied text' },
  paraphrase: { stroke: '#b45309', dash: '7 4', label: 'retold in other words' },
  credit: { stroke: '#6b7280', dash: '2 4', label: 'credited to agency' },
  cite: { stroke: '#9ca3af', dash: '1 4', label: 'cites agency' },
};

const NODE_STYLE: Record<string, { fill: string; stroke: string; meta: string }> = {
  agency: { fill: '#fdf3e1', stroke: '#b45309', meta: 'agency' },
  source: { fill: '#e6eef7', stroke: '#1f4e79', meta: 'rebuilt common source' },
  article: { fill: '#ffffff', stroke: '#8a94a6', meta: 'article' },
};

/** Options of `renderProvenanceSvg`. */
export interface ProvenanceSvgOptions {
  /** Prefix of the ids inside the SVG (unique per figure in a page). */
  idPrefix: string;
  /** The name shown for a node (default: its label). */
  label?: (node: ProvenanceNode) => string;
  /** A short second line (default: kind and date). */
  meta?: (node: ProvenanceNode) => string;
  /** Where a click on the node leads (a `#fragment`), or null. */
  href?: (node: ProvenanceNode) => string | null;
  /** Accessible title of the figure. */
  title?: string;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The sentence a person reads on hover or focus of an edge: what it says and why. */
export function edgeEvidence(edge: ProvenanceEdge, name: (id: string) => string): string {
  const from = name(edge.from);
  const to = name(edge.to);
  let what: string;
  if (!edge.directed) {
    what = `${from} and ${to} share ${edge.kind === 'paraphrase' ? 'facts in other words' : 'text'}; who took from whom is unknown`;
  } else if (edge.kind === 'copy') {
    what = `${to} copied text from ${from}`;
  } else if (edge.kind === 'paraphrase') {
    what = `${to} retold text from ${from} in other words`;
  } else if (edge.kind === 'credit') {
    what = `${to} is credited to ${from}`;
  } else {
    what = `${to} cites ${from}`;
  }
  const parts = [what];
  if (edge.reason.trim() !== '') parts.push(capitalize(edge.reason.trim().replace(/\.$/, '')));
  const ev = edge.evidence;
  if (ev.passages > 0) {
    parts.push(
      `${ev.passages} passage${ev.passages === 1 ? '' : 's'}, ${ev.sharedWords} shared words, ${percent(ev.coverage.from)} of ${from} and ${percent(ev.coverage.to)} of ${to}`,
    );
  }
  if (ev.credits.length > 0)
    parts.push(`On the page: ${ev.credits.map((c) => `“${c}”`).join(', ')}`);
  return `${parts.join('. ')}.`;
}

function defaultMeta(node: ProvenanceNode): string {
  const kind = NODE_STYLE[node.kind]?.meta ?? node.kind;
  return node.publishedAt === null ? kind : `${kind} · ${node.publishedAt.slice(0, 10)}`;
}

/**
 * Draw a provenance graph as a standalone SVG: boxes for agencies,
 * rebuilt sources and articles, arrows for who took text from whom (solid:
 * copied, dashed: retold, dotted: credit or citation), a legend, and the
 * evidence of every edge in its `<title>` (shown on hover) with the edge
 * focusable by keyboard. Colours are presentation attributes, so the file
 * renders alone; a page may restyle the classes.
 */
export function renderProvenanceSvg(graph: ProvenanceGraph, options: ProvenanceSvgOptions): string {
  const layout = layoutProvenance(graph);
  const label = options.label ?? ((n: ProvenanceNode) => n.label);
  const meta = options.meta ?? defaultMeta;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const name = (id: string): string => {
    const n = byId.get(id);
    return n === undefined ? id : label(n);
  };
  const p = escapeHtml(options.idPrefix);
  const title = options.title ?? 'Where the text came from';
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="provenance-graph" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="group" aria-labelledby="${p}-title" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">`,
  );
  out.push(`<title id="${p}-title">${escapeHtml(title)}</title>`);
  out.push('<defs>');
  for (const [kind, style] of Object.entries(EDGE_STYLE)) {
    out.push(
      `<marker id="${p}-arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="11" markerHeight="11" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${style.stroke}"/></marker>`,
    );
  }
  out.push('</defs>');

  out.push('<g class="edges">');
  for (const { edge, path } of layout.edges) {
    const style = EDGE_STYLE[edge.kind] ?? { stroke: '#6b7280', dash: null, label: edge.kind };
    const words = edge.evidence.sharedWords;
    const width =
      edge.kind === 'copy' || edge.kind === 'paraphrase'
        ? words >= 200
          ? 3
          : words >= 50
            ? 2.2
            : 1.6
        : 1.1;
    const evidence = edgeEvidence(edge, name);
    const dash = style.dash === null ? '' : ` stroke-dasharray="${style.dash}"`;
    const marker = edge.directed ? ` marker-end="url(#${p}-arrow-${edge.kind})"` : '';
    out.push(
      `<g class="edge edge-${escapeHtml(edge.kind)}" tabindex="0"><title>${escapeHtml(evidence)}</title><path d="${path}" fill="none" stroke="transparent" stroke-width="12"/><path class="edge-line" d="${path}" fill="none" stroke="${style.stroke}" stroke-width="${width}"${dash}${marker}/></g>`,
    );
  }
  out.push('</g>');

  out.push('<g class="nodes">');
  for (const placed of layout.nodes) {
    const n = placed.node;
    const style = NODE_STYLE[n.kind] ?? (NODE_STYLE['article'] as (typeof NODE_STYLE)[string]);
    const full = label(n);
    const second = placed.isolated ? `${meta(n)} · no shared text` : meta(n);
    const tip = `${full}. ${second}.`;
    const href = options.href?.(n) ?? null;
    const open =
      href === null
        ? `<g class="node node-${escapeHtml(n.kind)}" tabindex="0">`
        : `<a class="node node-${escapeHtml(n.kind)}" href="${escapeHtml(href)}">`;
    const dash = placed.isolated ? ' stroke-dasharray="4 3"' : '';
    out.push(
      `${open}<title>${escapeHtml(tip)}</title><rect x="${placed.x}" y="${placed.y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="7" fill="${style.fill}" stroke="${style.stroke}" stroke-width="1.3"${dash}/><text x="${placed.x + 10}" y="${placed.y + 18}" font-size="13" font-weight="600" fill="#1a1a1a">${escapeHtml(truncate(full, LABEL_CHARS))}</text><text x="${placed.x + 10}" y="${placed.y + 34}" font-size="11" fill="#4b5563">${escapeHtml(truncate(second, LABEL_CHARS + 6))}</text>${href === null ? '</g>' : '</a>'}`,
    );
  }
  out.push('</g>');

  // Legend along the bottom.
  const y = layout.height - LEGEND_HEIGHT + 14;
  let x = MARGIN;
  out.push('<g class="legend" font-size="11" fill="#374151">');
  for (const [kind, style] of Object.entries(EDGE_STYLE)) {
    const dash = style.dash === null ? '' : ` stroke-dasharray="${style.dash}"`;
    out.push(
      `<path d="M${x} ${y}H${x + 28}" stroke="${style.stroke}" stroke-width="2"${dash} marker-end="url(#${p}-arrow-${kind})"/><text x="${x + 36}" y="${y + 4}">${escapeHtml(style.label)}</text>`,
    );
    x += 36 + Math.ceil(style.label.length * 6.6) + 22;
  }
  out.push('</g>');
  out.push('</svg>');
  return out.join('\n');
}
