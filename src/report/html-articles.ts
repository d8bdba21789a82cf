import type { Article, StoryAnalysis } from '../model/index.ts';
import { escapeHtml as h, safeHttpUrl } from './escape.ts';
import { type HtmlRange, paragraphRanges, renderRanges } from './html-ranges.ts';
import type { StoryIds } from './html-targets.ts';
import { plural, section } from './html-util.ts';
import { formatDate, type StoryView } from './story-view.ts';

function metaList(article: Article): string {
  const items: [string, string][] = [];
  const url = safeHttpUrl(article.url);
  if (article.outlet) items.push(['Outlet', h(article.outlet)]);
  if (article.publishedAt) items.push(['Published', h(formatDate(article.publishedAt))]);
  if (article.bylines.length > 0) items.push(['By', h(article.bylines.join(', '))]);
  if (article.dateline) items.push(['Dateline', h(article.dateline)]);
  if (url !== null) {
    items.push([
      'URL',
      `<a href="${h(url)}" rel="noopener noreferrer nofollow">${h(article.url ?? url)}</a>`,
    ]);
  } else if (article.url) {
    items.push(['URL', h(article.url)]);
  }
  if (article.credits.length > 0) {
    items.push([
      'Credited to',
      h(article.credits.map((c) => `${c.name} (“${c.evidence}”)`).join('; ')),
    ]);
  }
  if (article.cites.length > 0) {
    items.push(['Cites', h(article.cites.map((c) => `${c.name} (“${c.evidence}”)`).join('; '))]);
  }
  items.push(['Read from', `<code>${h(article.source)}</code>`]);
  return `<dl class="article-meta">${items.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

function removedBlocks(article: Article): string {
  if (article.removed.length === 0) return '';
  const reasons = [...new Set(article.removed.map((r) => r.reason))];
  const items = article.removed.map(
    (r) =>
      `<li><span class="reason">${h(r.reason)}</span><span class="removed-text">${h(r.text)}</span>${r.detail ? ` <span class="detail">(${h(r.detail)})</span>` : ''}</li>`,
  );
  return `<details class="removed"><summary>Removed from the page: ${plural(article.removed.length, 'block')} (${h(reasons.join(', '))})</summary><ol>${items.join('')}</ol></details>`;
}

/** True when a wording holds one of the loaded terms ("rioters" holds "riot"). */
function carriesLoaded(text: string, terms: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return terms.some((t) => t !== '' && lower.includes(t.toLowerCase()));
}

/** The story's articles in full, each in a collapsible card: sentences carrying facts and changed words marked. */
export function articlesSection(
  view: StoryView,
  ids: StoryIds,
  analysis: StoryAnalysis | null,
): string {
  const carriers = new Map<string, number>();
  for (const f of analysis?.facts ?? []) carriers.set(f.id, new Set(f.articles).size);
  const wordingByArticle = new Map<string, HtmlRange[]>();
  analysis?.brief.wording.forEach((w, wi) => {
    for (const span of w.spans) {
      if (span.start === span.end) continue;
      const mine = w.variants.find((v) => v.articles.includes(span.article));
      const others = w.variants
        .filter((v) => v !== mine)
        .map((v) => `“${v.text}” (${v.articles.length})`);
      const list = wordingByArticle.get(span.article) ?? [];
      list.push({
        start: span.start,
        end: span.end,
        tag: 'mark',
        attrs: {
          class: carriesLoaded(mine?.text ?? '', w.loaded ?? []) ? 'wd loaded' : 'wd',
          id: `${ids.article(span.article)}-w${wi}`,
          title: `${w.kind === 'loaded-term' ? 'Loaded-term swap' : 'Changed words'}: elsewhere ${others.join(', ')}`,
        },
      });
      wordingByArticle.set(span.article, list);
    }
  });
  const many = view.articles.length > 1;
  const cards = view.articles.map((article) => {
    const n = view.number(article.id);
    const sentences: HtmlRange[] = (ids.sentences.get(article.id) ?? []).map((t) => {
      const only = many && carriers.get(t.fact) === 1;
      const attrs: Record<string, string> = { class: only ? 'fs only' : 'fs' };
      if (t.id !== null) attrs['id'] = t.id;
      const count = carriers.get(t.fact) ?? 1;
      attrs['title'] = only
        ? 'Only this article reports this'
        : `Reported by ${count} of ${view.articles.length} articles`;
      return { start: t.start, end: t.end, tag: 'span', attrs };
    });
    const body = renderRanges(article.text, [
      paragraphRanges(article.text),
      sentences,
      wordingByArticle.get(article.id) ?? [],
    ]);
    const per = analysis?.coverage.perArticle.find((p) => p.article === article.id);
    const sub = [
      view.label(article.id),
      formatDate(article.publishedAt),
      per === undefined ? '' : `${plural(per.facts, 'fact')}, ${per.unique.length} only here`,
    ]
      .filter((x) => x !== '')
      .join(' · ');
    return `<details class="article" id="${ids.article(article.id)}">
<summary><span class="num" aria-hidden="true">${n}</span><span class="headline">${h(article.headline ?? view.label(article.id))}</span><span class="sub">${h(sub)}</span></summary>
${metaList(article)}
<div class="article-body">${body}</div>
${removedBlocks(article)}
</details>`;
  });
  return section(
    ids.section('articles'),
    'The articles',
    `<p class="lede">Each article as extracted, page furniture removed (listed at the end of each). <span class="fs only">Underlined</span>: only this article reports it; <mark class="wd">marked</mark>: worded differently elsewhere.</p>\n${cards.join('\n')}`,
  );
}
