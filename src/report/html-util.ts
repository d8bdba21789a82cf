import { escapeHtml as h } from './escape.ts';
import type { StoryIds } from './html-targets.ts';
import type { StoryView } from './story-view.ts';

/** Citation pills shown before the rest fold into a "+N" (a 50-outlet story stays readable). */
export const MAX_INLINE_CITES = 8;

/**
 * Citation pills: one link per article, to its sentence carrying `fact` (or
 * to the article); past `MAX_INLINE_CITES` the rest are counted, their
 * numbers in the tooltip.
 */
export function citeLinks(
  view: StoryView,
  ids: StoryIds,
  articles: readonly string[],
  fact: string | null,
): string {
  const present = articles.filter((id) => view.position.has(id));
  const links = present.slice(0, MAX_INLINE_CITES).map((id) => {
    const n = view.number(id);
    const label = view.label(id);
    return `<a href="#${ids.cite(id, fact)}" title="${h(`${n}. ${label}`)}" aria-label="${h(`source ${n}, ${label}`)}">${n}</a>`;
  });
  const rest = present.slice(MAX_INLINE_CITES);
  if (rest.length > 0) {
    const numbers = rest.map((id) => view.number(id)).join(', ');
    links.push(
      `<span class="more-cites" title="${h(`also ${numbers}`)}" aria-label="${h(`and ${rest.length} more sources: ${numbers}`)}">+${rest.length}</span>`,
    );
  }
  return links.length === 0 ? '' : `<span class="cites">${links.join('')}</span>`;
}

/** "42%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** "1 fact", "3 facts". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A section with a heading; `body` is HTML. */
export function section(id: string, title: string, body: string, note = ''): string {
  const count = note === '' ? '' : ` <span class="count">${h(note)}</span>`;
  return `<section class="part" id="${id}" aria-labelledby="${id}-h">\n<h2 id="${id}-h">${h(title)}${count}</h2>\n${body}\n</section>`;
}
