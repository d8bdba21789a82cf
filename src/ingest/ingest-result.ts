import type { Problem, Source } from '../model/index.ts';

/** What ingest read from one input: the documents found and the problems met on the way. */
export interface IngestResult {
  sources: Source[];
  problems: Problem[];
}
