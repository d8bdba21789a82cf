import { type Article, SCHEMA_VERSION, type Story, type StoryAnalysis } from '../model/index.ts';
import { renderHtml } from '../report/index.ts';
import type { StoryDetail } from '../store/index.ts';

/** A story's HTML report and the Content-Security-Policy it must be served with. */
export interface StoryReport {
  html: string;
  /** The report's own policy (hashes of its inline style and script), plus who may frame it. */
  csp: string;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/**
 * The policy the report declares in its `<meta>`: the header must say the
 * same (a header policy without the report's hashes would block its inline
 * style and script), so it is read from the page rather than rebuilt.
 */
function declaredPolicy(html: string): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  if (m === null) throw new Error('The HTML report declares no Content-Security-Policy');
  return (m[1] as string).replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] as string);
}

/**
 * Render one stored story as the HTML report (src/report's `renderHtml`,
 * the same page `parallax analyze --format html` writes): the brief with
 * citations, provenance graph, coverage heat map, side-by-side pairs,
 * common source and every article. A story not analysed yet shows its
 * articles only. `loadArticle` fetches each member's full text.
 */
export async function storyReport(
  detail: StoryDetail,
  loadArticle: (id: string) => Promise<Article | null>,
): Promise<StoryReport> {
  const analysis: StoryAnalysis | null = detail.analysis?.analysis ?? null;
  const ids = analysis?.articleIds ?? detail.articles.map((a) => a.id);
  const articles: Article[] = [];
  for (const id of ids) {
    const article = await loadArticle(id);
    if (article !== null) articles.push(article);
  }
  const story: Story | StoryAnalysis = analysis ?? {
    id: detail.story.id,
    articleIds: articles.map((a) => a.id),
    relations: [],
  };
  const html = renderHtml({
    schemaVersion: SCHEMA_VERSION,
    articles,
    stories: [story],
    topics: [],
    problems: [],
  });
  // Framed by the UI (same origin) only; no other site may embed it.
  return { html, csp: `${declaredPolicy(html)}; frame-ancestors 'self'` };
}
