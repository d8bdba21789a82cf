import type { Article, Problem } from '../model/index.ts';

// Plain code-unit comparison, never localeCompare: the order must not
// depend on the machine's locale (same input, same bytes).
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareOptional(a: number | undefined, b: number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a - b;
}

/** Order of `Analysis.articles`: by source location, then id. */
export function compareArticles(a: Article, b: Article): number {
  return compareStrings(a.source, b.source) || compareStrings(a.id, b.id);
}

/** Order of `Analysis.problems`: by source, line, offset, code, then message. */
export function compareProblems(a: Problem, b: Problem): number {
  return (
    compareStrings(a.source, b.source) ||
    compareOptional(a.line, b.line) ||
    compareOptional(a.offset, b.offset) ||
    compareStrings(a.code, b.code) ||
    compareStrings(a.message, b.message)
  );
}

/** Order of sources fed to the steps: by location. */
export function compareLocations(a: { location: string }, b: { location: string }): number {
  return compareStrings(a.location, b.location);
}
