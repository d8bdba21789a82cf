import type { Analysis, Article } from '../model/index.ts';
import type { Colors } from './colors.ts';
import { problemLocation } from './problem-location.ts';

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/u).length;
}

/** `header 1, legal 2`: removed blocks counted by reason, most frequent first, then by name. */
function removedByReason(article: Article): string {
  const counts = new Map<string, number>();
  for (const block of article.removed)
    counts.set(block.reason, (counts.get(block.reason) ?? 0) + 1);
  return [...counts]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
    .map(([reason, count]) => `${reason} ${count}`)
    .join(', ');
}

function articleLines(article: Article, c: Colors): string[] {
  const meta = [
    article.outlet ?? 'unknown outlet',
    article.publishedAt ?? 'undated',
    plural(wordCount(article.text), 'word'),
  ];
  if (article.bylines.length > 0) meta.splice(1, 0, `by ${article.bylines.join(', ')}`);
  const lines = [
    c.cyan(article.source),
    `  ${c.bold(article.headline ?? '(no headline)')}`,
    `  ${c.dim(meta.join(' · '))}`,
  ];
  if (article.credits.length > 0) {
    const names = [...new Set(article.credits.map((m) => m.name))];
    lines.push(`  ${c.dim(`credited to ${names.join(', ')}`)}`);
  }
  lines.push(
    article.removed.length > 0
      ? `  ${c.dim(`removed ${plural(article.removed.length, 'block')}: ${removedByReason(article)}`)}`
      : `  ${c.dim('removed nothing')}`,
  );
  return lines;
}

/**
 * A short human summary of an analysis for the terminal: each article read
 * (headline, outlet, date, removed blocks by reason), the stories when
 * grouped, and the problems.
 */
export function formatSummary(analysis: Analysis, c: Colors): string {
  const sources = new Set(analysis.articles.map((a) => a.source)).size;
  const out: string[] = [
    c.bold(
      `${plural(analysis.articles.length, 'article')} from ${plural(sources, 'source')}, ` +
        `${plural(analysis.problems.length, 'problem')}`,
    ),
    '',
  ];
  for (const article of analysis.articles) out.push(...articleLines(article, c), '');

  if (analysis.stories.length > 0) {
    const byId = new Map(analysis.articles.map((a) => [a.id, a]));
    out.push(c.bold(`Stories (${analysis.stories.length})`));
    analysis.stories.forEach((story, i) => {
      const first = byId.get(story.articleIds[0] ?? '');
      out.push(
        `  ${i + 1}. ${plural(story.articleIds.length, 'article')}: ${first?.headline ?? '(no headline)'}`,
      );
      for (const id of story.articleIds) out.push(`     ${c.dim(byId.get(id)?.source ?? id)}`);
    });
    out.push('');
  }

  if (analysis.problems.length > 0) {
    out.push(c.bold(`Problems (${analysis.problems.length})`));
    for (const p of analysis.problems) {
      const severity = p.severity === 'error' ? c.red('error  ') : c.yellow('warning');
      out.push(`  ${severity} ${problemLocation(p)}: ${p.message} ${c.dim(`[${p.code}]`)}`);
    }
    out.push('');
  }
  return out.join('\n');
}
