import type { CommonSource, Span, StoryAnalysis, WordEditKind } from '../model/index.ts';
import { escapeHtml as h } from './escape.ts';
import { type HtmlRange, paragraphRanges, renderRanges } from './html-ranges.ts';
import type { StoryIds } from './html-targets.ts';
import { citeLinks, plural, section } from './html-util.ts';
import type { StoryView } from './story-view.ts';

/** Text a copy adds or leaves out must be at least this many words to be listed (less is a stray word or a dateline fragment). */
const MIN_EXTRA_WORDS = 3;
/** Characters of source text shown before an insertion point. */
const CONTEXT_CHARS = 40;

interface Deviation {
  span: Span;
  variants: Map<string, { text: string; kind: WordEditKind; framing: boolean; articles: string[] }>;
}

function wordCount(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/** Stretches of `length` characters no span covers. */
function gaps(spans: readonly Span[], length: number): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start > at) out.push({ start: at, end: s.start });
    at = Math.max(at, s.end);
  }
  if (at < length) out.push({ start: at, end: length });
  return out;
}

function deviations(source: CommonSource): Deviation[] {
  const byKey = new Map<string, Deviation>();
  for (const member of source.members) {
    for (const p of member.alignment.passages) {
      for (const e of p.edits) {
        const key = `${e.aSpan.start}:${e.aSpan.end}`;
        let d = byKey.get(key);
        if (d === undefined) {
          d = { span: e.aSpan, variants: new Map() };
          byKey.set(key, d);
        }
        const text = e.b.replace(/\s+/g, ' ').trim();
        let v = d.variants.get(text);
        if (v === undefined) {
          v = { text, kind: e.kind, framing: e.framing, articles: [] };
          d.variants.set(text, v);
        }
        if (e.framing) v.framing = true;
        if (!v.articles.includes(member.articleId)) v.articles.push(member.articleId);
      }
    }
  }
  return [...byKey.values()].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

function oneSource(view: StoryView, ids: StoryIds, source: CommonSource, j: number): string {
  const base = ids.section(`src${j}`);
  const devs = deviations(source);
  const rank = (id: string): number => view.position.get(id) ?? 1e9;
  const marks: HtmlRange[] = [];
  devs.forEach((d, k) => {
    if (d.span.start === d.span.end) return;
    marks.push({
      start: d.span.start,
      end: d.span.end,
      tag: 'a',
      attrs: {
        class: 'dev',
        id: `${base}-d${k + 1}`,
        href: `#${base}-r${k + 1}`,
        title: `deviation ${k + 1}`,
      },
    });
  });
  const text = renderRanges(source.text, [paragraphRanges(source.text), marks]);
  const rows = devs.map((d, k) => {
    const words = source.text.slice(d.span.start, d.span.end);
    const shown =
      d.span.start === d.span.end
        ? `<span class="empty">nothing, after “…${h(source.text.slice(Math.max(0, d.span.start - CONTEXT_CHARS), d.span.start))}”</span>`
        : `“${h(words)}”`;
    const variants = [...d.variants.values()]
      .map((v) => ({ ...v, articles: [...v.articles].sort((x, y) => rank(x) - rank(y)) }))
      .sort(
        (x, y) =>
          y.articles.length - x.articles.length ||
          rank(x.articles[0] ?? '') - rank(y.articles[0] ?? ''),
      )
      .map(
        (v) =>
          `<span class="variant">${v.text === '' ? '<em>left out</em>' : `“${h(v.text)}”`} <span class="badge ${v.framing ? 'loaded' : h(v.kind)}">${v.framing ? 'loaded term' : h(v.kind)}</span>${citeLinks(view, ids, v.articles, null)}</span>`,
      )
      .join('');
    const anchor =
      d.span.start === d.span.end ? `${k + 1}` : `<a href="#${base}-d${k + 1}">${k + 1}</a>`;
    return `<tr id="${base}-r${k + 1}"><td data-label="#">${anchor}</td><td class="quote" data-label="The source reads">${shown}</td><td class="quote" data-label="Copies read">${variants}</td></tr>`;
  });
  const extras = source.members.flatMap((m) => {
    const article = view.articles.find((a) => a.id === m.articleId);
    if (article === undefined) return [];
    const added = gaps(
      m.alignment.passages.map((p) => p.b),
      article.text.length,
    )
      .map((g) => article.text.slice(g.start, g.end).trim())
      .filter((t) => wordCount(t) >= MIN_EXTRA_WORDS);
    const dropped = gaps(
      m.alignment.passages.map((p) => p.a),
      source.text.length,
    )
      .map((g) => source.text.slice(g.start, g.end).trim())
      .filter((t) => wordCount(t) >= MIN_EXTRA_WORDS);
    if (added.length === 0 && dropped.length === 0) return [];
    const parts = [
      ...added.map((t) => `<li>adds <q>${h(t)}</q></li>`),
      ...dropped.map((t) => `<li>leaves out <q>${h(t)}</q></li>`),
    ];
    return [
      `<li><a href="#${ids.article(m.articleId)}">${view.number(m.articleId)}. ${h(view.label(m.articleId))}</a><ul>${parts.join('')}</ul></li>`,
    ];
  });
  const credited =
    source.creditedBy.length === 0
      ? 'No copy credits it.'
      : `Credited to ${h(source.credit)} by ${source.creditedBy.map((id) => h(view.label(id))).join(', ')}.`;
  const what =
    source.credit === 'unknown common source' ? 'A common text' : `The ${h(source.credit)} text`;
  return `<div class="common-source" id="${base}">
<h3>${what}, rebuilt from ${plural(source.memberIds.length, 'copy', 'copies')}${citeLinks(
    view,
    ids,
    [...source.memberIds].sort((x, y) => rank(x) - rank(y)),
    null,
  )}</h3>
<p class="lede">The words most copies agree on, passage by passage. ${credited} Marked words are where a copy deviates; select one for the copies’ versions.</p>
<div class="source-text">${text}</div>
${
  rows.length === 0
    ? '<p class="empty">Every copy has these words exactly.</p>'
    : `<h3>Each copy’s deviations <span class="count">${rows.length}</span></h3>
<div class="table-wrap"><table class="stack"><thead><tr><th scope="col">#</th><th scope="col">The source reads</th><th scope="col">Copies read</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div>`
}
${extras.length === 0 ? '' : `<h3>Beyond the shared text</h3><ul class="copy-extras">${extras.join('')}</ul>`}
</div>`;
}

/** The reconstructed common sources of a story, each with its copies' deviations. */
export function commonSourceSection(
  view: StoryView,
  ids: StoryIds,
  analysis: StoryAnalysis,
): string {
  if (analysis.sources.length === 0) return '';
  const body = analysis.sources.map((s, j) => oneSource(view, ids, s, j)).join('\n');
  return section(ids.section('source'), 'The common source', body, 'rebuilt from its copies');
}
