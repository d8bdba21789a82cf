/**
 * A non-fatal problem with one input: bad data is recorded, never thrown,
 * so the rest of a batch carries on (STYLE.md, errors of the second kind).
 */
export interface Problem {
  /** Namespaced code, `stage/what`: `ingest/empty-file`, `extract/no-body`. */
  code: string;
  /** A sentence a person can act on: what is wrong and what to do about it. */
  message: string;
  /** Where: the input location (path, URL, `-`), with `#item` for a record inside a container. */
  source: string;
  /** 1-based line inside the source, when the problem has one (a JSONL line, a WARC record). */
  line?: number;
  /** Byte or character offset inside the source, when known. */
  offset?: number;
  /** `error`: the input (or this record) was not read; `warning`: read, with a caveat. */
  severity: 'error' | 'warning';
}
