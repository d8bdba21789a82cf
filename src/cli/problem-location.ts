import type { Problem } from '../model/index.ts';

/**
 * Where a problem is, as compilers print it: `path:line`, or the source
 * with its offset, or the source alone.
 *
 * @example problemLocation({source: 'feed.jsonl', line: 3, ...}) // => 'feed.jsonl:3'
 */
export function problemLocation(problem: Problem): string {
  if (problem.line !== undefined) return `${problem.source}:${problem.line}`;
  if (problem.offset !== undefined) return `${problem.source} (offset ${problem.offset})`;
  return problem.source;
}
