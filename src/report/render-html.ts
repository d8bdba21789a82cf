import { createHash } from 'node:crypto';
import type { Article } from '../model/index.ts';
import { escapeHtml as h, jsonForScript } from './escape.ts';
import { articlesSection } from './html-articles.ts';
import { briefSection } from './html-brief.ts';
import { commonSourceSection } from './html-common-source.ts';
import { type CompareData, compareData, compareSection } from './html-compare.ts';
import { coverageSection, provenanceSection } from './html-figures.ts';
import { storyIds } from './html-targets.ts';
import { plural } from './html-util.ts';
import { REPORT_SCRIPT } from './report-script.ts';
import { REPORT_CSS } from './report-style.ts';
import {
  formatDate,
  type ReportAnalysis,
  type StoryView,
  storyView,
  storyViews,
} from './story-view.ts';

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

/**
 * The page's Content-Security-Policy: nothing may load from anywhere; only
 * the one inline stylesheet and the one inline script run, named by hash.
 */
export function contentSecurityPolicy(css: string, script: string): string {
  return [
    "default-src 'none'",
    `style-src 'sha256-${sha256(css)}'`,
    `script-src 'sha256-${sha256(script)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function storyTitle(view: StoryView): string {
  if (view.story.id === 'articles' && view.analysis === null) return 'Articles read';
  return (
    view.analysis?.brief.headline ??
    view.articles.find((a) => a.headline)?.headline ??
    `Story ${view.index + 1}`
  );
}

function storyMeta(view: StoryView): string {
  const dates = view.articles
    .map((a) => a.publishedAt?.slice(0, 10))
    .filter((d): d is string => d !== undefined)
    .sort();
  const outlets = new Set(view.articles.map((a) => view.label(a.id)));
  const parts = [
    `${plural(view.articles.length, 'article')} from ${plural(outlets.size, 'outlet')}`,
  ];
  if (dates.length > 0) {
    const first = formatDate(dates[0] as string);
    const last = formatDate(dates[dates.length - 1] as string);
    parts.push(first === last ? first : `${first} – ${last}`);
  }
  return parts.join(' · ');
}

function storyBlock(
  view: StoryView,
  byId: Map<string, Article>,
  data: CompareData[],
  total: number,
): string {
  const ids = storyIds(view);
  const analysis = view.analysis;
  const parts: { id: string; title: string; html: string }[] = [];
  if (analysis !== null) {
    const compare = compareData(view, ids, analysis);
    data.push(compare);
    parts.push(
      { id: ids.section('brief'), title: 'Brief', html: briefSection(view, ids, analysis, byId) },
      {
        id: ids.section('provenance'),
        title: 'Where it came from',
        html: provenanceSection(view, ids, analysis),
      },
      {
        id: ids.section('coverage'),
        title: 'Coverage',
        html: coverageSection(view, ids, analysis),
      },
      {
        id: ids.section('compare'),
        title: 'Compare two',
        html: compareSection(view, ids, compare),
      },
      {
        id: ids.section('source'),
        title: 'Common source',
        html: commonSourceSection(view, ids, analysis),
      },
    );
  }
  parts.push({
    id: ids.section('articles'),
    title: 'Articles',
    html: articlesSection(view, ids, analysis),
  });
  const shown = parts.filter((p) => p.html !== '');
  const toc = `<nav class="toc" aria-label="Sections of this story"><div class="wrap"><ul>${shown
    .map((p) => `<li><a href="#${p.id}">${h(p.title)}</a></li>`)
    .join('')}</ul></div></nav>`;
  const kicker =
    analysis !== null ? 'Story brief' : view.story.relations.length > 0 ? 'Story' : 'Articles';
  return `<article class="story" id="${ids.story}" aria-labelledby="${ids.story}-title">
<header class="story-head"><div class="wrap">
<p class="kicker">${kicker}${total > 1 ? ` ${view.index + 1} of ${total}` : ''}</p>
<h1 id="${ids.story}-title">${h(storyTitle(view))}</h1>
<p class="meta">${h(storyMeta(view))}</p>${headlineSource(view)}
</div></header>
${toc}
<div class="wrap">
${shown.map((p) => p.html).join('\n')}
</div>
</article>`;
}

/** Whose headline the brief leads with (it is an outlet's, not parallax's). */
function headlineSource(view: StoryView): string {
  const id = view.analysis?.brief.headlineArticle ?? null;
  if (id === null || !view.position.has(id)) return '';
  return `<p class="meta">Headline as published by <a href="#${storyIds(view).article(id)}">${h(`${view.number(id)}. ${view.label(id)}`)}</a></p>`;
}

function problemsBlock(analysis: ReportAnalysis): string {
  if (analysis.problems.length === 0) return '';
  const items = analysis.problems.map(
    (p) =>
      `<li><span class="badge ${p.severity === 'error' ? 'altered' : 'substitution'}">${h(p.severity)}</span> <code>${h(p.line === undefined ? p.source : `${p.source}:${p.line}`)}</code> ${h(p.message)} <code>${h(p.code)}</code></li>`,
  );
  return `<section class="part" id="problems" aria-labelledby="problems-h"><div class="wrap"><h2 id="problems-h">Problems <span class="count">${items.length}</span></h2><ul class="problems">${items.join('')}</ul></div></section>`;
}

/**
 * Render an analysis as one self-contained HTML page: no network, no
 * external file, opens from disk. Per story: the brief with clickable
 * citations, the provenance graph (SVG, evidence on hover and focus), the
 * coverage heat map, a side-by-side view of any two articles, the
 * reconstructed common source with each copy's deviations, and every
 * article in full with its removed page furniture on demand. All article
 * text is escaped; the data the script reads sits in a JSON block escaped
 * for `<script>`; a Content-Security-Policy allows only the page's own
 * inline style and script. Deterministic: same analysis, same bytes.
 */
export function renderHtml(analysis: ReportAnalysis): string {
  const byId = new Map<string, Article>();
  for (const a of analysis.articles) if (!byId.has(a.id)) byId.set(a.id, a);
  // Articles not grouped into stories (`parallax extract`) are shown as one list.
  const views =
    analysis.stories.length === 0 && analysis.articles.length > 0
      ? [storyView({ id: 'articles', articleIds: [...byId.keys()], relations: [] }, 0, byId)]
      : storyViews(analysis);
  const data: CompareData[] = [];
  const stories = views.map((v) => storyBlock(v, byId, data, views.length));
  const first = views[0];
  const title = first === undefined ? 'parallax report' : `${storyTitle(first)} · parallax report`;
  const storyNav =
    views.length > 1
      ? `<nav class="toc" aria-label="Stories"><div class="wrap"><ul>${views
          .map(
            (v) => `<li><a href="#s${v.index}">${h(`${v.index + 1}. ${storyTitle(v)}`)}</a></li>`,
          )
          .join('')}</ul></div></nav>`
      : '';
  const empty =
    views.length === 0
      ? '<div class="wrap"><p class="empty">No story: nothing could be read, or nothing was grouped.</p></div>'
      : '';
  const css = REPORT_CSS;
  const script = REPORT_SCRIPT;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${h(contentSecurityPolicy(css, script))}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="parallax">
<title>${h(title)}</title>
<style>${css}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
<header class="top"><div class="wrap"><span class="brand">parallax</span><span class="note">${h(`${plural(analysis.articles.length, 'article')}, ${plural(views.length, 'story', 'stories')}, ${plural(analysis.problems.length, 'problem')}`)} · made offline, works offline</span></div></header>
${storyNav}
<main id="main">
${stories.join('\n')}
${empty}
${problemsBlock(analysis)}
</main>
<footer><div class="wrap">Generated by parallax. Every sentence of a brief is taken from an article and cites the articles that carry it; only the “generated summary” boxes are written by parallax. JSON schema version ${analysis.schemaVersion}.</div></footer>
<script type="application/json" id="parallax-data">${jsonForScript({ stories: data })}</script>
<script>${script}</script>
</body>
</html>
`;
}
