import type { ProvenanceNode, StoryAnalysis } from '../model/index.ts';
import { escapeHtml as h } from './escape.ts';
import type { StoryIds } from './html-targets.ts';
import { percent, plural, section } from './html-util.ts';
import type { StoryView } from './story-view.ts';
import { renderCoverageSvg } from './svg-coverage.ts';
import { edgeEvidence, renderProvenanceSvg } from './svg-provenance.ts';

/** How a provenance node is named in the report: articles by their number and outlet. */
export function nodeLabel(view: StoryView, node: ProvenanceNode): string {
  if (node.kind === 'article' && view.position.has(node.id)) {
    return `${view.number(node.id)}. ${view.label(node.id)}`;
  }
  return node.label;
}

/** The provenance graph of a story as an SVG, as the HTML report and the snapshot tests draw it. */
export function provenanceFigure(view: StoryView, ids: StoryIds, analysis: StoryAnalysis): string {
  const sourceIndex = new Map(analysis.sources.map((s, i) => [s.id, i]));
  return renderProvenanceSvg(analysis.provenance, {
    idPrefix: ids.section('prov'),
    label: (n) => nodeLabel(view, n),
    href: (n) => {
      if (n.kind === 'article' && view.position.has(n.id)) return `#${ids.article(n.id)}`;
      const i = sourceIndex.get(n.id);
      return i === undefined ? null : `#${ids.section(`src${i}`)}`;
    },
    title: 'Where the text came from: who copied or retold whom',
  });
}

/** The coverage heat map of a story as an SVG. */
export function coverageFigure(view: StoryView, ids: StoryIds, analysis: StoryAnalysis): string {
  return renderCoverageSvg(analysis.facts, analysis.coverage, {
    idPrefix: ids.section('cov'),
    articleLabel: (id) => view.label(id),
    factHref: (fact) => {
      const first = fact.members.find((m) => view.position.has(m.article));
      return first === undefined ? null : `#${ids.cite(first.article, fact.id)}`;
    },
    title: 'Which article carries which fact',
  });
}

/** The provenance section: the graph, an evidence panel, and every edge's evidence as a list. */
export function provenanceSection(view: StoryView, ids: StoryIds, analysis: StoryAnalysis): string {
  const graph = analysis.provenance;
  if (graph.nodes.length === 0) return '';
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const name = (id: string): string => {
    const n = byId.get(id);
    return n === undefined ? id : nodeLabel(view, n);
  };
  const figureId = ids.section('prov-figure');
  const evidence = graph.edges.map((e) => `<li>${h(edgeEvidence(e, name))}</li>`);
  const body = `<p class="lede">Arrows point from where text came from to who ran it. Hover or focus (Tab) an arrow for its evidence; select a box to read the article.</p>
<div class="figure" id="${figureId}">
${provenanceFigure(view, ids, analysis)}
</div>
<p class="evidence" data-evidence-for="${figureId}" aria-live="polite">Focus an arrow to see why it is there.</p>
${evidence.length === 0 ? '' : `<details><summary>Evidence for every link (${evidence.length})</summary><ul>${evidence.join('')}</ul></details>`}`;
  return section(ids.section('provenance'), 'Where the text came from', body);
}

/** The coverage section: the heat map and each article's own and missing facts. */
export function coverageSection(view: StoryView, ids: StoryIds, analysis: StoryAnalysis): string {
  const cov = analysis.coverage;
  if (cov.facts.length === 0) return '';
  const rows = cov.perArticle
    .filter((p) => view.position.has(p.article))
    .map(
      (p) =>
        `<tr><td><a href="#${ids.article(p.article)}">${view.number(p.article)}. ${h(view.label(p.article))}</a></td><td>${p.facts}</td><td>${p.unique.length}</td><td>${p.omissions.length}</td></tr>`,
    );
  const shared = analysis.facts.filter((f) => new Set(f.articles).size > 1).length;
  const body = `<p class="lede">${plural(cov.facts.length, 'fact')} across ${plural(cov.articles.length, 'article')}; ${shared} carried by more than one (${percent(cov.facts.length === 0 ? 0 : shared / cov.facts.length)}). Rows: facts, most widely carried first; columns: the numbered sources. Select a fact to read it in context.</p>
<div class="figure">
${coverageFigure(view, ids, analysis)}
</div>
<h3>By article</h3>
<div class="table-wrap"><table><thead><tr><th scope="col">Article</th><th scope="col">Facts</th><th scope="col">Only here</th><th scope="col">Left out</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
  return section(ids.section('coverage'), 'Coverage', body, 'who carries which fact');
}
