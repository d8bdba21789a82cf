import type {
  BlockContent,
  Heading,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
} from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { AgencyMention, Analysis, Article, Problem, Story } from '../model/index.ts';
import { problemLocation } from './problem-location.ts';

// The document is built as an mdast tree and serialised by
// mdast-util-to-markdown, which escapes whatever the articles contain
// (`*`, `_`, `#`, `<`...) so their text can never turn into markup.

function text(value: string): PhrasingContent {
  return { type: 'text', value };
}

function heading(depth: Heading['depth'], value: string): Heading {
  return { type: 'heading', depth, children: [text(value)] };
}

function paragraph(...children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}

function item(...children: PhrasingContent[]): ListItem {
  return { type: 'listItem', spread: false, children: [paragraph(...children)] };
}

function list(items: ListItem[]): BlockContent {
  return { type: 'list', ordered: false, spread: false, children: items };
}

function field(label: string, value: string | PhrasingContent[]): ListItem {
  const rest = typeof value === 'string' ? [text(value)] : value;
  return item({ type: 'strong', children: [text(`${label}:`)] }, text(' '), ...rest);
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function mentions(list: AgencyMention[]): string {
  return list.map((m) => `${m.name} (“${m.evidence}”)`).join('; ');
}

function articleTitle(article: Article): string {
  return article.headline ?? '(no headline)';
}

function articleSection(article: Article, index: number): RootContent[] {
  const fields: ListItem[] = [field('Source', [{ type: 'inlineCode', value: article.source }])];
  if (article.url !== null) fields.push(field('URL', article.url));
  fields.push(field('Outlet', article.outlet ?? 'unknown'));
  fields.push(field('Published', article.publishedAt ?? 'unknown'));
  if (article.dateline !== null) fields.push(field('Dateline', article.dateline));
  fields.push(field('Bylines', article.bylines.length > 0 ? article.bylines.join('; ') : 'none'));
  fields.push(field('Credits', article.credits.length > 0 ? mentions(article.credits) : 'none'));
  fields.push(field('Cites', article.cites.length > 0 ? mentions(article.cites) : 'none'));
  fields.push(field('Language', article.language ?? 'unknown'));
  fields.push(field('Id', [{ type: 'inlineCode', value: article.id }]));

  const out: RootContent[] = [heading(3, `${index + 1}. ${articleTitle(article)}`), list(fields)];
  out.push(heading(4, 'Text'));
  for (const p of article.paragraphs) out.push(paragraph(text(p)));
  out.push(heading(4, `Removed blocks (${article.removed.length})`));
  if (article.removed.length === 0) {
    out.push(paragraph(text('None.')));
  } else {
    out.push(
      list(
        article.removed.map((block) => {
          const tail: PhrasingContent[] = [text(` ${block.text}`)];
          if (block.detail)
            tail.push(text(' '), { type: 'emphasis', children: [text(`(${block.detail})`)] });
          return item({ type: 'strong', children: [text(`${block.reason}:`)] }, ...tail);
        }),
      ),
    );
  }
  return out;
}

function storySection(story: Story, index: number, byId: Map<string, Article>): RootContent[] {
  const members = story.articleIds.map((id) => {
    const article = byId.get(id);
    const label = article ? `${articleTitle(article)} (${article.outlet ?? article.source})` : id;
    return item(text(label));
  });
  const out: RootContent[] = [
    heading(3, `Story ${index + 1}: ${plural(story.articleIds.length, 'article')}`),
    list(members),
  ];
  if (story.relations.length > 0) {
    const name = (id: string): string => byId.get(id)?.source ?? id;
    out.push(
      paragraph(text('Relations:')),
      list(
        story.relations.map((r) =>
          item(
            { type: 'strong', children: [text(r.kind)] },
            text(
              ` ${name(r.a)} and ${name(r.b)}: containment ${r.containmentAB.toFixed(2)}/${r.containmentBA.toFixed(2)}, Jaccard ${r.jaccard.toFixed(2)}, topical ${r.topical.toFixed(2)}`,
            ),
          ),
        ),
      ),
    );
  }
  return out;
}

function problemItem(problem: Problem): ListItem {
  return item(
    { type: 'strong', children: [text(problem.severity)] },
    text(' '),
    { type: 'inlineCode', value: problemLocation(problem) },
    text(` ${problem.message} `),
    { type: 'inlineCode', value: problem.code },
  );
}

/**
 * Render an analysis as a readable Markdown document: stories (when grouped),
 * then each article with its metadata, text and removed blocks, then problems.
 */
export function formatMarkdown(analysis: Analysis): string {
  const byId = new Map(analysis.articles.map((a) => [a.id, a]));
  const summary = [
    plural(analysis.articles.length, 'article'),
    plural(analysis.stories.length, 'story', 'stories'),
    plural(analysis.problems.length, 'problem'),
  ].join(', ');
  const children: RootContent[] = [
    heading(1, 'parallax analysis'),
    paragraph(text(`${summary}. JSON schema version ${analysis.schemaVersion}.`)),
  ];
  if (analysis.stories.length > 0) {
    children.push(heading(2, 'Stories'));
    analysis.stories.forEach((story, i) => {
      children.push(...storySection(story, i, byId));
    });
  }
  children.push(heading(2, 'Articles'));
  if (analysis.articles.length === 0) children.push(paragraph(text('No article could be read.')));
  analysis.articles.forEach((article, i) => {
    children.push(...articleSection(article, i));
  });
  if (analysis.problems.length > 0) {
    children.push(heading(2, 'Problems'), list(analysis.problems.map(problemItem)));
  }
  const root: Root = { type: 'root', children };
  return toMarkdown(root, { bullet: '-', emphasis: '_', strong: '*', rule: '-' });
}
