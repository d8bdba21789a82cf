import type { Readable } from 'node:stream';
import { type IngestOptions, ingest, type RawInput } from '../ingest/index.ts';
import { type ReadOptions, readInputs } from '../io/index.ts';
import type { Analysis, Problem, Source } from '../model/index.ts';
import { type AnalyzeSourcesOptions, initialState, runState } from './analyze-sources.ts';

/** Options of `analyze`: where and how to read the inputs, and what to run on them. */
export interface AnalyzeOptions extends AnalyzeSourcesOptions {
  /** Folder relative paths and globs are resolved against (default `process.cwd()`). */
  cwd?: string;
  /** What `-` reads (default: nothing; `-` then becomes a problem). */
  stdin?: Readable;
  /** Allow URLs on private, loopback and link-local addresses (off by default). */
  allowPrivate?: boolean;
  /** Follow symbolic links while walking folders. */
  followSymlinks?: boolean;
  /** Time limit for fetching one URL, in milliseconds. */
  timeoutMs?: number;
  /**
   * Cap on the bytes of one input: a file, standard input or a fetched URL
   * (default `MAX_INPUT_BYTES`, `MAX_FETCH_BYTES` for URLs), and on what a
   * gzip stream in it expands to (default `MAX_DECOMPRESSED_BYTES`), so
   * compressing an input never lets more through (`--max-bytes`).
   */
  maxBytes?: number;
  /** Cap on HTTP redirects followed for one URL. */
  maxRedirects?: number;
}

function isProblem(item: RawInput | Problem): item is Problem {
  return !('bytes' in item);
}

/**
 * Read inputs (files, folders, globs, URLs, `-`) and ingest them into
 * `Source` records, collecting every problem on the way.
 */
export async function readSources(
  inputs: string[],
  options: AnalyzeOptions = {},
): Promise<{ sources: Source[]; problems: Problem[] }> {
  const sources: Source[] = [];
  const problems: Problem[] = [];
  const readOptions: ReadOptions = { cwd: options.cwd ?? process.cwd() };
  if (options.stdin !== undefined) readOptions.stdin = options.stdin;
  if (options.allowPrivate !== undefined) readOptions.allowPrivate = options.allowPrivate;
  if (options.followSymlinks !== undefined) readOptions.followSymlinks = options.followSymlinks;
  if (options.timeoutMs !== undefined) readOptions.timeoutMs = options.timeoutMs;
  if (options.maxBytes !== undefined) readOptions.maxBytes = options.maxBytes;
  if (options.maxRedirects !== undefined) readOptions.maxRedirects = options.maxRedirects;
  const ingestOptions: IngestOptions = {};
  if (options.maxBytes !== undefined) ingestOptions.maxDecompressedBytes = options.maxBytes;
  let done = 0;
  for await (const item of readInputs(inputs, readOptions)) {
    if (isProblem(item)) {
      problems.push(item);
      continue;
    }
    const result = await ingest(item, ingestOptions);
    // Loops, not push(...spread): one archive gives up to 100,000 sources, past the argument limit.
    for (const source of result.sources) sources.push(source);
    for (const found of result.problems) problems.push(found);
    done += 1;
    options.onProgress?.({ phase: 'read', done, detail: item.location });
  }
  return { sources, problems };
}

/**
 * Run the whole pipeline on inputs: read them (files, folders, globs, URLs,
 * `-` for stdin), ingest, extract the articles and run the later stages.
 * Bad inputs become `problems` in the result; nothing is thrown for bad data.
 *
 * @param inputs what to read, as typed on the command line.
 * @returns the `Analysis`, in the deterministic order of the JSON output.
 * @example
 * const analysis = await analyze(['examples/harbour-crane']);
 * console.log(analysis.articles.map((a) => a.headline));
 */
export async function analyze(inputs: string[], options: AnalyzeOptions = {}): Promise<Analysis> {
  if (!Array.isArray(inputs) || inputs.some((input) => typeof input !== 'string')) {
    throw new TypeError(
      `Expected inputs to be an array of strings, got ${Array.isArray(inputs) ? 'an array with a non-string' : typeof inputs}`,
    );
  }
  // The state owns the sources from here on: the extract step drops them,
  // so their text is freed while the later steps run.
  return runState(await readState(inputs, options), options);
}

async function readState(inputs: string[], options: AnalyzeOptions) {
  const { sources, problems } = await readSources(inputs, options);
  return initialState(sources, problems);
}
