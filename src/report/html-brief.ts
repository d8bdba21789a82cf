import { diffWords } from 'diff';
import type { Article, BriefQuote, StoryAnalysis, WordingDifference } from '../model/index.ts';
import { escapeHtml as h } from './escape.ts';
import type { StoryIds } from './html-targets.ts';
import { citeLinks, plural, section } from './html-util.ts';
import { briefParagraphs, formatDate, formatDateOrInterval, type StoryView } from './story-view.ts';

/** Rows of the wording table shown before the rest fold away (loaded terms come first). */
const WORDING_SHOWN = 20;
/**
 * Rows of the wording table the page holds at most: 50 machine-edited
 * copies of one wire story (bench/bench-report.ts) give ~900 changed-word
 * differences, 0.9 MB of HTML that nobody reads; the JSON keeps them all.
 */
const MAX_WORDING_ROWS = 200;

/** Facts of one "reported by only some" group shown before the rest folds away. */
const ONLY_SOME_SHOWN = 4;

/** The numbered list of the story's articles that citations refer to. */
function sourcesAside(view: StoryView, ids: StoryIds): string {
  const items = view.articles.map((a) => {
    const n = view.number(a.id);
    const sub = [formatDate(a.publishedAt), a.bylines.join(', ')]
      .filter((x) => x !== '')
      .join(' · ');
    return `<li><span class="num" aria-hidden="true">${n}</span><a class="outlet" href="#${ids.article(a.id)}">${h(view.label(a.id))}</a>${sub === '' ? '' : `<span class="sub">${h(sub)}</span>`}</li>`;
  });
  return `<aside class="sources" aria-labelledby="${ids.section('sources-h')}"><h3 id="${ids.section('sources-h')}">Sources</h3><ol>${items.join('')}</ol></aside>`;
}

function account(
  view: StoryView,
  ids: StoryIds,
  analysis: StoryAnalysis,
  byId: Map<string, Article>,
): string {
  const brief = analysis.brief;
  if (brief.sentences.length === 0) {
    return '<p class="empty">No fact is carried by more than one article: see what each reports below.</p>';
  }
  const paragraphs = briefParagraphs(brief.sentences, byId).map(
    (para) =>
      `<p>${para
        .map((s) => `<span class="bs">${h(s.text)}</span>${citeLinks(view, ids, s.cites, s.fact)}`)
        .join(' ')}</p>`,
  );
  return `<div class="account">\n${paragraphs.join('\n')}\n</div>`;
}

function onlySome(view: StoryView, ids: StoryIds, analysis: StoryAnalysis): string {
  const groups = analysis.brief.onlySome;
  if (groups.length === 0) return '';
  const out = groups.map((g) => {
    const names = g.articles.map((id) => h(view.label(id)));
    const title =
      g.articles.length === 1
        ? `Only ${names[0]}`
        : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    const items = g.sentences.map(
      (s) => `<li>${h(s.text)}${citeLinks(view, ids, s.cites, s.fact)}</li>`,
    );
    // A long list (an article from another angle) shows its first facts; the rest on demand.
    const shown = items.length > ONLY_SOME_SHOWN + 1 ? items.slice(0, ONLY_SOME_SHOWN) : items;
    const rest = items.slice(shown.length);
    const more =
      rest.length === 0
        ? ''
        : `<details><summary>${plural(rest.length, 'more fact')}</summary><ul>${rest.join('')}</ul></details>`;
    return `<div class="only-group"><h4>${title} <span class="count">${plural(g.sentences.length, 'fact')}</span></h4><ul>${shown.join('')}</ul>${more}</div>`;
  });
  return `<h3>Reported by only some</h3>\n${out.join('\n')}`;
}

function highlight(context: string, words: string): string {
  const at = words === '' ? -1 : context.indexOf(words);
  if (at === -1) return h(context);
  return `${h(context.slice(0, at))}<mark class="wd">${h(words)}</mark>${h(context.slice(at + words.length))}`;
}

function wording(view: StoryView, ids: StoryIds, analysis: StoryAnalysis): string {
  const diffs = analysis.brief.wording;
  if (diffs.length === 0) return '';
  const sentenceOf = new Map<string, string>(analysis.facts.map((f) => [f.id, f.text]));
  for (const s of [
    ...analysis.brief.sentences,
    ...analysis.brief.onlySome.flatMap((g) => g.sentences),
  ]) {
    sentenceOf.set(s.fact, s.text);
  }
  const row = (w: WordingDifference): string => {
    const [first] = w.variants;
    const context = w.fact === null ? '' : (sentenceOf.get(w.fact) ?? '');
    const variants = w.variants
      .map(
        (v) =>
          `<span class="variant">“${h(v.text) || '<em>nothing</em>'}”${citeLinks(view, ids, v.articles, w.fact)}</span>`,
      )
      .join('');
    const badge =
      w.kind === 'loaded-term'
        ? `<span class="badge loaded" title="${h(`loaded term: ${(w.loaded ?? []).join(', ')}`)}">loaded term</span>`
        : '<span class="badge substitution">changed words</span>';
    return `<tr><td data-label="Kind">${badge}</td><td data-label="Wordings">${variants}</td><td class="context" data-label="In the sentence">${highlight(context, first?.text ?? '')}</td></tr>`;
  };
  const head =
    '<thead><tr><th scope="col">Kind</th><th scope="col">Wordings</th><th scope="col">In the sentence</th></tr></thead>';
  const rows = diffs.slice(0, MAX_WORDING_ROWS).map(row);
  const shown = rows.length > WORDING_SHOWN + 5 ? rows.slice(0, WORDING_SHOWN) : rows;
  const rest = rows.slice(shown.length);
  const left = diffs.length - rows.length;
  const more =
    rest.length === 0
      ? ''
      : `<details class="more-rows"><summary>${plural(rest.length, 'more difference')}</summary><div class="table-wrap"><table class="stack">${head}<tbody>\n${rest.join('\n')}\n</tbody></table></div></details>`;
  const beyond =
    left === 0
      ? ''
      : `<p class="lede">${plural(left, 'more difference')} of changed words ${left === 1 ? 'is' : 'are'} left out of this page; the JSON report has every one.</p>`;
  return `<h3>How the wording differs</h3>
<p class="lede">The same passage in other words: loaded terms first, then other changed words. The most common wording comes first.</p>
<div class="table-wrap"><table class="stack">${head}<tbody>
${shown.join('\n')}
</tbody></table></div>${more}${beyond}`;
}

function quoteDiff(canonical: string, variant: string): string {
  return diffWords(canonical, variant)
    .map((part) => {
      if (part.added) return `<ins>${h(part.value)}</ins>`;
      if (part.removed) return `<del>${h(part.value)}</del>`;
      return h(part.value);
    })
    .join('');
}

function quotes(view: StoryView, ids: StoryIds, analysis: StoryAnalysis): string {
  const list = analysis.brief.quotes;
  if (list.length === 0) return '';
  const factOf = (article: string, quote: BriefQuote): string | null => {
    const group = analysis.quoteVariants.find((g) => g.id === quote.quote);
    const v = group?.variants.find((x) => x.article === article);
    if (v === undefined) return null;
    const targets = ids.sentences.get(article) ?? [];
    return targets.find((t) => t.start <= v.start && t.end >= v.end)?.fact ?? null;
  };
  const citeEach = (q: BriefQuote, articles: readonly string[]): string =>
    articles.map((a) => citeLinks(view, ids, [a], factOf(a, q))).join('');
  const row = (q: BriefQuote): string => {
    const kept =
      q.kept.length === 0
        ? '<span class="empty">none</span>'
        : `<span class="badge kept">as said</span>${citeEach(q, q.kept)}`;
    const changed = q.changed
      .map(
        (c) =>
          `<span class="variant"><span class="badge ${h(c.kind)}">${h(c.kind)}</span>${citeEach(q, [c.article])} ${quoteDiff(q.text, c.text)}${c.kind === 'misattributed' ? ` <em>(to ${h(c.speaker ?? 'nobody')})</em>` : ''}</span>`,
      )
      .join('');
    return `<tr><td data-label="Speaker">${h(q.speaker ?? 'unknown speaker')}</td><td class="quote" data-label="Quote">“${h(q.text)}”</td><td data-label="Kept by">${kept}</td><td class="quote" data-label="Changed by">${changed || '<span class="empty">none</span>'}</td></tr>`;
  };
  return `<h3>Quotes</h3>
<p class="lede">Each quote with its speaker, the outlets that kept it as said, and how the others changed it (<del>removed</del>, <ins>added</ins>).</p>
<div class="table-wrap"><table class="stack"><thead><tr><th scope="col">Speaker</th><th scope="col">Quote</th><th scope="col">Kept by</th><th scope="col">Changed by</th></tr></thead><tbody>
${list.map(row).join('\n')}
</tbody></table></div>`;
}

function timeline(view: StoryView, ids: StoryIds, analysis: StoryAnalysis): string {
  const days: { date: string; items: string[] }[] = [];
  for (const t of analysis.brief.timeline) {
    const item = `<li><span class="what">${h(t.text)}</span>${citeLinks(view, ids, t.cites, t.fact)}</li>`;
    const last = days[days.length - 1];
    if (last !== undefined && last.date === t.date) last.items.push(item);
    else days.push({ date: t.date, items: [item] });
  }
  if (days.length === 0) return '';
  const entries = days.map(
    (d) =>
      `<li><time datetime="${h(d.date.split('/')[0] ?? d.date)}">${h(formatDateOrInterval(d.date))}</time><ul>${d.items.join('')}</ul></li>`,
  );
  return `<h3>Timeline</h3>\n<ol class="timeline">${entries.join('')}</ol>`;
}

function who(view: StoryView, analysis: StoryAnalysis): string {
  const entities = analysis.brief.entities;
  if (entities.length === 0) return '';
  const total = view.articles.length;
  const kinds = [
    ['person', 'People'],
    ['organization', 'Organisations'],
    ['place', 'Places'],
  ] as const;
  const columns = kinds.flatMap(([kind, title]) => {
    const of = entities.filter((e) => e.kind === kind);
    if (of.length === 0) return [];
    const items = of.map(
      (e) =>
        `<li>${h(e.name)} <span class="count" title="${h(`named by ${e.cites.map((c) => view.label(c)).join(', ')}`)}">${e.cites.length} of ${total}</span></li>`,
    );
    return [`<div><h4>${title}</h4><ul>${items.join('')}</ul></div>`];
  });
  return `<h3>Who and where</h3>\n<div class="who">${columns.join('')}</div>`;
}

/** The brief of a story: generated provenance summary, cited account, and its other sections. */
export function briefSection(
  view: StoryView,
  ids: StoryIds,
  analysis: StoryAnalysis,
  byId: Map<string, Article>,
): string {
  const provenance = `<div class="generated" role="note"><span class="label">Where the text came from · generated summary, not from the articles</span><p>${h(analysis.brief.provenance.text)}</p></div>`;
  const main = [
    provenance,
    '<h3>The story as most outlets tell it</h3>',
    account(view, ids, analysis, byId),
    onlySome(view, ids, analysis),
    wording(view, ids, analysis),
    quotes(view, ids, analysis),
    timeline(view, ids, analysis),
    who(view, analysis),
  ]
    .filter((part) => part !== '')
    .join('\n');
  return section(
    ids.section('brief'),
    'Brief',
    `<div class="brief-grid"><div class="brief-main">\n${main}\n</div>${sourcesAside(view, ids)}</div>`,
    'every sentence is an outlet’s own, cited',
  );
}
