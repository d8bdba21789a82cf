import { extractArticles } from '../extract/index.ts';
import { groupArticles } from '../group/index.ts';
import type { AnnotatedArticle, Annotation, Article } from '../model/index.ts';
import { analyzeStory, annotatedArticle } from './analyze-story.ts';
import type { PipelineStep } from './step.ts';

/**
 * Sources to articles: `extractArticles`, with its problems appended. The
 * sources are dropped from the state once extracted (their text, often
 * the HTML of thousands of pages, is not needed by the later steps).
 */
export const extractStep: PipelineStep = {
  name: 'extract',
  run(state, options) {
    const { articles, problems } = extractArticles(state.sources, {
      keepAll: options.keepAll ?? false,
    });
    return { ...state, sources: [], articles, problems: [...state.problems, ...problems] };
  },
};

/** Articles to stories and topics: `groupArticles` (batch, order-independent). */
export const groupStep: PipelineStep = {
  name: 'group',
  run(state) {
    const { stories, topics, problems } = groupArticles(state.articles);
    return { ...state, stories, topics, problems: [...state.problems, ...problems] };
  },
};

/**
 * Each story through annotate, align, compare and brief (`analyzeStory`);
 * each article gets its annotation (sentences, entities, quotes, dates).
 */
export const storyStep: PipelineStep = {
  name: 'analyze',
  run(state) {
    const annotationOf = new Map<string, Annotation>();
    const problems = [...state.problems];
    const stories = state.stories.map((story) => {
      const analysed = analyzeStory(state.articles, story);
      for (const a of analysed.annotations) annotationOf.set(a.articleId, a);
      // A loop, not push(...spread): a story of many articles may report more than the argument limit.
      for (const found of analysed.problems) problems.push(found);
      return analysed.story;
    });
    const articles: (Article | AnnotatedArticle)[] = state.articles.map((article) => {
      const annotation = annotationOf.get(article.id);
      return annotation === undefined ? article : annotatedArticle(article, annotation);
    });
    return { ...state, articles, stories, problems };
  },
};

/** The steps of `parallax extract`: sources to clean articles, nothing more. */
export const EXTRACT_STEPS: readonly PipelineStep[] = [extractStep];

/** The steps of `parallax group`: clean articles grouped into stories, without story analysis. */
export const GROUP_STEPS: readonly PipelineStep[] = [extractStep, groupStep];

/**
 * The steps of `parallax analyze`, in order. Adding a stage is one step
 * object beside `extractStep` and one entry here.
 */
export const ANALYZE_STEPS: readonly PipelineStep[] = [extractStep, groupStep, storyStep];
