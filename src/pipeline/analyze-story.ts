import { type AlignOptions, alignStory } from '../align/index.ts';
import { type AnnotateOptions, annotate } from '../annotate/index.ts';
import { buildBrief } from '../brief/index.ts';
import { type CompareOptions, compareStory } from '../compare/index.ts';
import type {
  AnnotatedArticle,
  Annotation,
  Article,
  Problem,
  Story,
  StoryAnalysis,
} from '../model/index.ts';

/** Options of `analyzeStory`, passed on to each stage. */
export interface AnalyzeStoryOptions {
  /** Annotate's options; `tokens` is off unless set (the analysis does not keep tokens). */
  annotate?: AnnotateOptions;
  align?: AlignOptions;
  compare?: CompareOptions;
}

/** What `analyzeStory` returns. */
export interface AnalyzedStory {
  story: StoryAnalysis;
  /** One per article of the story, in the story's `articleIds` order. */
  annotations: Annotation[];
  /** What align reported (a story id with no article, an article cut at the word cap). */
  problems: Problem[];
}

/**
 * Run the later stages on one story: annotate each of its articles, align
 * them, compare them and write the brief. Pure and deterministic (no IO);
 * articles not in `story.articleIds` are ignored, ids it lists without an
 * article become problems.
 *
 * @example
 * const { story: analysed, annotations } = analyzeStory(articles, story);
 * analysed.brief.sentences[0].cites
 */
export function analyzeStory(
  articles: readonly Article[],
  story: Story,
  options: AnalyzeStoryOptions = {},
): AnalyzedStory {
  if (!Array.isArray(articles)) {
    throw new TypeError(`Expected articles to be an array, got ${typeof articles}`);
  }
  if (typeof story !== 'object' || story === null || !Array.isArray(story.articleIds)) {
    throw new TypeError('Expected a Story with `articleIds`, as groupArticles returns');
  }
  const byId = new Map<string, Article>();
  for (const a of articles) if (!byId.has(a.id)) byId.set(a.id, a);
  const members = story.articleIds.flatMap((id) => byId.get(id) ?? []);
  const annotateOptions: AnnotateOptions = { tokens: false, ...options.annotate };
  const annotations = members.map((a) => annotate(a, annotateOptions));
  const alignment = alignStory(members, story, options.align);
  const comparison = compareStory(members, annotations, alignment, options.compare);
  const brief = buildBrief(members, alignment, comparison);
  return {
    story: {
      id: story.id,
      articleIds: story.articleIds,
      relations: story.relations,
      alignments: alignment.alignments,
      sources: alignment.sources,
      provenance: alignment.provenance,
      facts: comparison.facts,
      coverage: comparison.coverage,
      quoteVariants: comparison.quoteVariants,
      entities: comparison.entities,
      timeline: comparison.timeline,
      brief,
    },
    annotations,
    problems: alignment.problems,
  };
}

/** An article with its annotation's sentences, entities, quotes and dates (no tokens). */
export function annotatedArticle(article: Article, annotation: Annotation): AnnotatedArticle {
  if (annotation.articleId !== article.id) {
    throw new RangeError(
      `Expected the annotation of article ${article.id}, got one of ${annotation.articleId}`,
    );
  }
  return {
    ...article,
    sentences: annotation.sentences,
    entities: annotation.entities,
    quotes: annotation.quotes,
    dates: annotation.dates,
  };
}
