import { groupArticles } from '../src/group/index.ts';
import type {
  Analysis,
  AnnotatedArticle,
  Article,
  Story,
  StoryAnalysis,
} from '../src/model/index.ts';
import { analyze } from '../src/pipeline/analyze.ts';
import { analyzeSources } from '../src/pipeline/analyze-sources.ts';
import { analyzeStory, annotatedArticle } from '../src/pipeline/analyze-story.ts';
import { repoRoot } from './support/repo-root.ts';

// A *.case.ts file: shared by the report tests, the browser test and the
// report benchmark; left out of the build.

/** The repository root (re-exported for the report tests that import it from here). */
export { repoRoot };

/** An analysis whose stories went through every stage (what the reports render). */
export interface FullAnalysis extends Omit<Analysis, 'stories' | 'articles'> {
  articles: (Article | AnnotatedArticle)[];
  stories: StoryAnalysis[];
}

function isStoryAnalysis(story: Story): story is StoryAnalysis {
  return 'brief' in story && 'facts' in story;
}

/**
 * Complete an analysis whose stories lack the later stages (while the
 * pipeline does not run them yet): group the articles when there are no
 * stories, then run `analyzeStory` on each story that has no brief.
 */
export function completeAnalysis(analysis: Analysis): FullAnalysis {
  let stories: Story[] = analysis.stories;
  const problems = [...analysis.problems];
  if (stories.length === 0 && analysis.articles.length > 0) {
    const grouped = groupArticles(analysis.articles);
    stories = grouped.stories;
    problems.push(...grouped.problems);
  }
  const annotated = new Map<string, Article | AnnotatedArticle>(
    analysis.articles.map((a) => [a.id, a]),
  );
  const full = stories.map((story) => {
    if (isStoryAnalysis(story)) return story;
    const result = analyzeStory(analysis.articles, story);
    for (const an of result.annotations) {
      const article = annotated.get(an.articleId);
      if (article !== undefined) annotated.set(an.articleId, annotatedArticle(article, an));
    }
    problems.push(...result.problems);
    return result.story;
  });
  return {
    ...analysis,
    articles: analysis.articles.map((a) => annotated.get(a.id) ?? a),
    stories: full,
    problems,
  };
}

let cached: Promise<FullAnalysis> | undefined;

/** The full analysis of the bundled example (examples/harbour-crane), computed once per process. */
export function exampleAnalysis(): Promise<FullAnalysis> {
  const root = repoRoot();
  cached ??= analyze(['examples/harbour-crane'], { cwd: root }).then(completeAnalysis);
  return cached;
}

/** Text that runs script if any report lets it through as markup. */
export const HOSTILE = `<script>window.__pwned=1</script>"><img src=x onerror="window.__pwned=2">`;

function escapeForHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function hostilePage(extra: string): string {
  const p = escapeForHtml(HOSTILE);
  return `<!doctype html><html><head><title>${p} Crane collapse</title></head><body><article>
<h1>${p} Crane collapse</h1><p class="byline">By ${p}</p>
<p>${p} A crane collapsed at the port of Kestrel Bay on Tuesday, killing one worker and injuring four others, officials said.</p>
<p>About 200 protesters gathered at the gate on Wednesday morning, blocking trucks for two hours before union representatives asked them to leave ${p}.</p>
<p>The harbour master said no crane would lift another box until every one had been checked, and inspections would run until Sunday${extra}.</p>
</article></body></html>`;
}

/**
 * Two copies of one story whose headline, byline, outlet, URL and body
 * carry `HOSTILE` (escaped in the page, so extraction turns it into real
 * `<script>` text), run through every stage.
 */
export function hostileAnalysis(): FullAnalysis {
  const analysis = analyzeSources([
    {
      location: 'hostile-1.html',
      format: 'html',
      content: hostilePage(''),
      meta: {
        url: 'javascript:window.__pwned=3',
        outlet: HOSTILE,
        bylines: [HOSTILE],
        title: HOSTILE,
      },
    },
    {
      location: 'hostile-2.html',
      format: 'html',
      content: hostilePage(' at the latest'),
      meta: { url: `https://x.example/${HOSTILE}`, outlet: `${HOSTILE} Courier` },
    },
  ]);
  return completeAnalysis(analysis);
}
