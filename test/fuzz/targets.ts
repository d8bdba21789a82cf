import { apiTarget } from './api.fuzz.ts';
import { decodeTarget } from './decode.fuzz.ts';
import { feedTarget } from './feed.fuzz.ts';
import type { FuzzTarget } from './fuzz-case.ts';
import { gzipTarget } from './gzip.fuzz.ts';
import { htmlTarget } from './html.fuzz.ts';
import { ingestTarget } from './ingest.fuzz.ts';
import { jsonlTarget } from './jsonl.fuzz.ts';
import { textTarget } from './text.fuzz.ts';
import { warcTarget } from './warc.fuzz.ts';

/** Every fuzz target, by name: one per parser, plus raw bytes through sniffing and the HTTP API's input. */
export const TARGETS: readonly FuzzTarget[] = [
  htmlTarget,
  feedTarget,
  jsonlTarget,
  warcTarget,
  gzipTarget,
  textTarget,
  decodeTarget,
  ingestTarget,
  apiTarget,
];
