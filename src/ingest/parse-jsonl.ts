import type { Problem, Source } from '../model/index.ts';
import { crawlerRecordSource } from './crawler-record.ts';
import type { IngestResult } from './ingest-result.ts';
import { problem } from './problem.ts';

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

/**
 * Read JSON Lines of crawler records: each non-blank line one JSON object,
 * one Source at `location#<line>`. A line that is not a JSON object gives
 * `ingest/bad-jsonl-line` with its line number and the rest carry on; past
 * `maxItems` records the rest are reported as `ingest/too-many-items`.
 */
export function parseJsonl(text: string, location: string, maxItems: number): IngestResult {
  const sources: Source[] = [];
  const problems: Problem[] = [];
  const lines = text.split('\n');
  let items = 0;
  for (let index = 0; index < lines.length; index++) {
    const body = (lines[index] ?? '').trim();
    if (!body) continue;
    const line = index + 1;
    const where = `${location}#${line}`;
    if (++items > maxItems) {
      const left = lines.slice(index).filter((rest) => rest.trim()).length;
      problems.push(
        problem(
          'ingest/too-many-items',
          `Stopped after ${maxItems} records; ${left} more from line ${line} on were not read. Split the file or raise maxItems.`,
          location,
          { line },
        ),
      );
      break;
    }
    let record: unknown;
    try {
      record = JSON.parse(body);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      problems.push(
        problem(
          'ingest/bad-jsonl-line',
          `Line ${line} is not valid JSON (${reason}); skipped it. Each line must hold one whole JSON object.`,
          where,
          { line },
        ),
      );
      continue;
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      problems.push(
        problem(
          'ingest/bad-jsonl-line',
          `Line ${line} holds ${describe(record)}, not a JSON object; skipped it.`,
          where,
          { line },
        ),
      );
      continue;
    }
    const result = crawlerRecordSource(record as Record<string, unknown>, where, line);
    if (result.source) sources.push(result.source);
    problems.push(...result.problems.map((found) => ({ ...found, line })));
  }
  return { sources, problems };
}
