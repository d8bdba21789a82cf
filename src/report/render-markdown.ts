import type {
  BlockContent,
  Heading,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
} from 'mdast';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Article, BriefSentence, StoryAnalysis } from '../model/index.ts';
import {
  briefParagraphs,
  formatDate,
  formatDateOrInterval,
  type ReportAnalysis,
  type StoryView,
  storyViews,
} from './story-view.ts';

// The document is an mdast tree serialised by mdast-util-to-markdown (with
// the GFM table extension), which escapes whatever the articles contain
// (`*`, `|`, `<`, `[`...) so their text can never turn into markup.

function text(value: string): PhrasingContent {
  return { type: 'text', value };
}

function strong(value: string): PhrasingContent {
  return { type: 'strong', children: [text(value)] };
}

function emphasis(value: string): PhrasingContent {
  return { type: 'emphasis', children: [text(value)] };
}

function heading(depth: Heading['depth'], value: string): Heading {
  return { type: 'heading', depth, children: [text(value)] };
}

function paragraph(...children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}

function list(items: PhrasingContent[][], ordered = false): List {
  return {
    type: 'list',
    ordered,
    spread: false,
    children: items.map(
      (children): ListItem => ({
        type: 'listItem',
        spread: false,
        children: [paragraph(...children)],
      }),
    ),
  };
}

function table(header: string[], rows: PhrasingContent[][][], align?: Table['align']): Table {
  const row = (cells: PhrasingContent[][]): TableRow => ({
    type: 'tableRow',
    children: cells.map((children): TableCell => ({ type: 'tableCell', children })),
  });
  return {
    type: 'table',
    align: align ?? header.map(() => null),
    children: [row(header.map((h) => [text(h)])), ...rows.map(row)],
  };
}

/** Table cells cannot hold line breaks: collapse white space. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function cites(view: StoryView, ids: readonly string[]): string {
  const numbers = ids.map((id) => view.number(id)).filter((n) => n > 0);
  return numbers.length === 0 ? '' : `[${numbers.join(', ')}]`;
}

function names(view: StoryView, ids: readonly string[]): string {
  return ids.map((id) => `${view.label(id)} [${view.number(id)}]`).join(', ');
}

function sentenceText(view: StoryView, s: BriefSentence): PhrasingContent[] {
  return [text(`${s.text} `), strong(cites(view, s.cites))];
}

function sourcesList(view: StoryView): BlockContent {
  return list(
    view.articles.map((a) => {
      const out: PhrasingContent[] = [strong(view.label(a.id))];
      if (a.headline) out.push(text(`: “${oneLine(a.headline)}”`));
      const meta = [formatDate(a.publishedAt), a.bylines.join(', ')].filter((m) => m !== '');
      if (meta.length > 0) out.push(text(` (${meta.join('; ')})`));
      out.push(text(' '), { type: 'inlineCode', value: a.source });
      return out;
    }),
    true,
  );
}

function briefSection(
  view: StoryView,
  analysis: StoryAnalysis,
  byId: Map<string, Article>,
): RootContent[] {
  const brief = analysis.brief;
  const out: RootContent[] = [];
  out.push(heading(3, 'The story'));
  if (brief.sentences.length === 0) {
    out.push(paragraph(emphasis('No fact is carried by more than one article.')));
  }
  for (const para of briefParagraphs(brief.sentences, byId)) {
    const children: PhrasingContent[] = [];
    para.forEach((s, i) => {
      if (i > 0) children.push(text(' '));
      children.push(...sentenceText(view, s));
    });
    out.push(paragraph(...children));
  }

  if (brief.onlySome.length > 0) {
    out.push(heading(3, 'Reported by only some'));
    for (const group of brief.onlySome) {
      const who =
        group.articles.length === 1
          ? `Only ${names(view, group.articles)}`
          : `${names(view, group.articles)}`;
      out.push(paragraph(strong(who)));
      out.push(list(group.sentences.map((s) => [text(oneLine(s.text))])));
    }
  }

  out.push(heading(3, 'Where the text came from'));
  out.push(
    paragraph(emphasis('Generated from the analysis, not taken from the articles:')),
    paragraph(text(brief.provenance.text)),
  );

  if (brief.wording.length > 0) {
    // The sentence as the brief renders it (its neutral wording), else as the fact reads.
    const sentenceOf = new Map<string, string>(analysis.facts.map((f) => [f.id, f.text]));
    for (const s of [...brief.sentences, ...brief.onlySome.flatMap((g) => g.sentences)]) {
      sentenceOf.set(s.fact, s.text);
    }
    out.push(heading(3, 'How the wording differs'));
    out.push(
      table(
        ['', 'Most outlets', 'Others', 'In the sentence'],
        brief.wording.map((w) => {
          const [first, ...rest] = w.variants;
          const variant = (v: { text: string; articles: string[] }): string =>
            `“${oneLine(v.text) || '(nothing)'}” ${cites(view, v.articles)}`;
          const context = w.fact === null ? undefined : sentenceOf.get(w.fact);
          return [
            [text(w.kind === 'loaded-term' ? 'loaded term' : 'changed words')],
            [text(first === undefined ? '' : variant(first))],
            [text(rest.map(variant).join('; '))],
            [text(context === undefined ? '' : oneLine(context))],
          ];
        }),
      ),
    );
  }

  if (brief.quotes.length > 0) {
    out.push(heading(3, 'Quotes'));
    out.push(
      table(
        ['Speaker', 'Quote', 'Kept as said by', 'Changed by'],
        brief.quotes.map((q) => [
          [text(q.speaker ?? 'unknown')],
          [text(`“${oneLine(q.text)}”`)],
          [text(cites(view, q.kept))],
          [
            text(
              q.changed
                .map((c) => `${c.kind}: “${oneLine(c.text)}” [${view.number(c.article)}]`)
                .join('; '),
            ),
          ],
        ]),
      ),
    );
  }

  if (brief.timeline.length > 0) {
    out.push(heading(3, 'Timeline'));
    out.push(
      table(
        ['Date', 'What', 'Reported by'],
        brief.timeline.map((t) => [
          [text(formatDateOrInterval(t.date))],
          [text(oneLine(t.text))],
          [text(cites(view, t.cites))],
        ]),
      ),
    );
  }

  if (brief.entities.length > 0) {
    out.push(heading(3, 'Who and where'));
    const kinds = [
      ['person', 'People'],
      ['organization', 'Organisations'],
      ['place', 'Places'],
    ] as const;
    const items: PhrasingContent[][] = [];
    for (const [kind, title] of kinds) {
      const of = brief.entities.filter((e) => e.kind === kind);
      if (of.length === 0) continue;
      items.push([
        strong(`${title}:`),
        text(` ${of.map((e) => `${e.name} ${cites(view, e.cites)}`).join(', ')}`),
      ]);
    }
    out.push(list(items));
  }
  return out;
}

function coverageSection(view: StoryView, analysis: StoryAnalysis): RootContent[] {
  const cov = analysis.coverage;
  if (cov.facts.length === 0) return [];
  const rows = cov.facts.map((id, i) => {
    const fact = view.facts.get(id);
    const cells = cov.matrix[i] ?? [];
    const carriers = cells.filter((c) => c > 0).length;
    return { fact, cells, carriers, i };
  });
  rows.sort((a, b) => b.carriers - a.carriers || a.i - b.i);
  const omitted = new Map(cov.perArticle.map((p) => [p.article, new Set(p.omissions)]));
  return [
    heading(3, 'Coverage'),
    paragraph(
      text(
        'Which article carries which fact: ●, carries it; ○, leaves out what most others carry; blank, does not carry it.',
      ),
    ),
    table(
      ['Fact', ...cov.articles.map((id) => String(view.number(id))), 'Carried by'],
      rows.map((r) => [
        [text(oneLine(r.fact?.text ?? ''))],
        ...r.cells.map((c, j): PhrasingContent[] => {
          const article = cov.articles[j] as string;
          if (c > 0) return [text('●')];
          return [text(r.fact !== undefined && omitted.get(article)?.has(r.fact.id) ? '○' : '')];
        }),
        [text(`${r.carriers} of ${cov.articles.length}`)],
      ]),
      ['left', ...cov.articles.map(() => 'center' as const), 'right'],
    ),
  ];
}

function storySection(view: StoryView, byId: Map<string, Article>): RootContent[] {
  const analysis = view.analysis;
  const title =
    analysis?.brief.headline ??
    view.articles.find((a) => a.headline)?.headline ??
    `Story ${view.index + 1}`;
  const out: RootContent[] = [heading(2, oneLine(title))];
  const dates = view.articles
    .map((a) => a.publishedAt)
    .filter((d): d is string => d !== null)
    .sort();
  const outlets = new Set(view.articles.map((a) => view.label(a.id)));
  const summary = [
    `${view.articles.length} article${view.articles.length === 1 ? '' : 's'} from ${outlets.size} outlet${outlets.size === 1 ? '' : 's'}`,
  ];
  if (dates.length > 0) {
    const first = formatDate((dates[0] as string).slice(0, 10));
    const last = formatDate((dates[dates.length - 1] as string).slice(0, 10));
    summary.push(first === last ? first : `${first} to ${last}`);
  }
  out.push(paragraph(emphasis(summary.join(', '))));
  out.push(heading(3, 'Sources'), sourcesList(view));
  if (analysis === null) {
    out.push(paragraph(emphasis('This story was not aligned or compared.')));
    return out;
  }
  out.push(...briefSection(view, analysis, byId));
  out.push(...coverageSection(view, analysis));
  return out;
}

/**
 * Render an analysis as a Markdown report readable on GitHub: per story,
 * the cited brief (numbers in brackets refer to the numbered sources), what
 * only some report, the wording and quote differences, the provenance
 * summary, the coverage table, the timeline and who and where; then the
 * problems. Deterministic: the same analysis gives the same bytes.
 */
export function renderMarkdown(analysis: ReportAnalysis): string {
  const byId = new Map<string, Article>();
  for (const a of analysis.articles) if (!byId.has(a.id)) byId.set(a.id, a);
  const views = storyViews(analysis);
  const children: RootContent[] = [heading(1, 'parallax report')];
  const stories = views.length;
  children.push(
    paragraph(
      text(
        `${analysis.articles.length} article${analysis.articles.length === 1 ? '' : 's'} in ${stories} stor${stories === 1 ? 'y' : 'ies'}. Numbers in brackets cite the numbered sources of each story.`,
      ),
    ),
  );
  for (const view of views) children.push(...storySection(view, byId));
  if (analysis.problems.length > 0) {
    children.push(heading(2, 'Problems'));
    children.push(
      list(
        analysis.problems.map((p) => [
          strong(p.severity),
          text(' '),
          { type: 'inlineCode', value: p.line === undefined ? p.source : `${p.source}:${p.line}` },
          text(` ${p.message} `),
          { type: 'inlineCode', value: p.code },
        ]),
      ),
    );
  }
  const root: Root = { type: 'root', children };
  return toMarkdown(root, {
    bullet: '-',
    emphasis: '_',
    strong: '*',
    rule: '-',
    extensions: [gfmTableToMarkdown({ tablePipeAlign: false })],
  });
}
