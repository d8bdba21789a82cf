import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProvenanceEdge, ProvenanceGraph } from '../model/index.ts';
import {
  layoutProvenance,
  MAX_NODES_PER_COLUMN,
  NODE_HEIGHT,
  NODE_WIDTH,
  renderProvenanceSvg,
} from './svg-provenance.ts';

function edge(from: string, to: string, kind: ProvenanceEdge['kind'] = 'copy'): ProvenanceEdge {
  return {
    from,
    to,
    kind,
    directed: true,
    reason: 'a copy of the common source',
    evidence: {
      passages: 2,
      sharedWords: 120,
      coverage: { from: 1, to: 0.8 },
      publishedAt: { from: null, to: null },
      credits: [],
    },
  };
}

function graph(copies: number): ProvenanceGraph {
  const ids = Array.from({ length: copies }, (_, i) => `a${String(i).padStart(2, '0')}`);
  return {
    nodes: [
      { id: 'agency:MPA', kind: 'agency', label: 'MPA', publishedAt: null },
      { id: 'source:1', kind: 'source', label: 'MPA (rebuilt)', publishedAt: null },
      ...ids.map((id) => ({ id, kind: 'article' as const, label: id, publishedAt: null })),
      { id: 'lonely', kind: 'article', label: 'Other angle', publishedAt: null },
    ],
    edges: [edge('agency:MPA', 'source:1', 'credit'), ...ids.map((id) => edge('source:1', id))],
  };
}

function overlap(a: { x: number; y: number }, b: { x: number; y: number }): boolean {
  return Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT;
}

test('layoutProvenance(graph) puts agencies, sources and copies in successive columns, with no box on another', () => {
  const layout = layoutProvenance(graph(3));
  const x = new Map(layout.nodes.map((n) => [n.node.id, n.x]));
  assert.ok((x.get('agency:MPA') ?? 0) < (x.get('source:1') ?? 0));
  assert.ok((x.get('source:1') ?? 0) < (x.get('a00') ?? 0));
  assert.equal(x.get('a00'), x.get('lonely'));
  for (const a of layout.nodes) {
    for (const b of layout.nodes)
      if (a !== b) assert.ok(!overlap(a, b), `${a.node.id} overlaps ${b.node.id}`);
  }
});

test('layoutProvenance(graph) draws nodes no edge touches after the connected ones, marked isolated', () => {
  const layout = layoutProvenance(graph(3));
  const lonely = layout.nodes.find((n) => n.node.id === 'lonely');
  assert.equal(lonely?.isolated, true);
  const column = layout.nodes.filter((n) => n.x === lonely?.x);
  assert.equal(Math.max(...column.map((n) => n.y)), lonely?.y);
});

test('layoutProvenance(graph) wraps a long column so a 50-copy story stays readable', () => {
  const layout = layoutProvenance(graph(50));
  const columns = new Set(layout.nodes.filter((n) => n.node.kind === 'article').map((n) => n.x));
  assert.equal(columns.size, Math.ceil(51 / MAX_NODES_PER_COLUMN));
});

test('renderProvenanceSvg(graph) is the same bytes for the same graph in any node and edge order', () => {
  const g = graph(4);
  const shuffled = { nodes: [...g.nodes].reverse(), edges: [...g.edges].reverse() };
  const a = renderProvenanceSvg(g, { idPrefix: 'p' });
  const b = renderProvenanceSvg(shuffled, { idPrefix: 'p' });
  // Edges are drawn in input order; everything else, positions included, must match.
  const positions = (svg: string) =>
    [...svg.matchAll(/<rect x="(\d+)" y="(\d+)"/g)].map((m) => m[0]).sort();
  assert.deepEqual(positions(a), positions(b));
  assert.equal(a, renderProvenanceSvg(g, { idPrefix: 'p' }));
});

test('renderProvenanceSvg(graph) escapes labels and gives every edge a focusable title with its evidence', () => {
  const g = graph(1);
  const node = g.nodes[2];
  assert.ok(node);
  node.label = '<script>alert(1)</script>';
  const svg = renderProvenanceSvg(g, { idPrefix: 'p' });
  assert.doesNotMatch(svg, /<script/);
  assert.match(svg, /&lt;script&gt;/);
  const edges = [
    ...svg.matchAll(/<g class="edge[^"]*" tabindex="0"[^>]*><title>([^<]*)<\/title>/g),
  ];
  assert.equal(edges.length, g.edges.length);
  assert.match(edges[1]?.[1] ?? '', /2 passages, 120 shared words/);
});
