import { sampleStory } from '../brief/brief.case.ts';
import { buildBrief } from '../brief/index.ts';
import type { Analysis, StoryAnalysis } from '../model/index.ts';

// A *.case.ts file: the brief stage's hand-made story (four articles, a
// common source, two loaded-term swaps) as a full analysis, for the report
// tests; left out of the build.

/** The hand-made story as an `Analysis` with one analysed story. */
export function sampleAnalysis(): Analysis {
  const { articles, comparison, alignment } = sampleStory();
  const story: StoryAnalysis = {
    id: 'story:sample',
    articleIds: articles.map((a) => a.id).sort(),
    relations: [],
    alignments: alignment.alignments,
    sources: alignment.sources,
    provenance: alignment.provenance,
    ...comparison,
    brief: buildBrief(articles, alignment, comparison),
  };
  return { schemaVersion: 1, articles, stories: [story], topics: [], problems: [] };
}
