import { glob, lstat, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { RawInput } from '../ingest/index.ts';
import type { Problem } from '../model/index.ts';
import { type FetchOptions, fetchUrl } from './fetch-url.ts';
import type { Resolver } from './guarded-lookup.ts';
import { IoError, type IoErrorCode } from './io-error.ts';
import { MAX_INPUT_BYTES } from './limits.ts';
import { readFileCapped } from './read-file.ts';
import { readStream } from './read-stream.ts';
import { walkFolder } from './walk-folder.ts';

/** Where and how readInputs reads. */
export interface ReadOptions {
  /** Folder relative paths and globs are resolved against. */
  cwd: string;
  /** The stream `-` reads (the process's stdin in the CLI). */
  stdin?: NodeJS.ReadableStream | Readable;
  /** Fetch private, loopback and link-local addresses too. */
  allowPrivate?: boolean;
  /** Exact IP addresses allowed although private. */
  allowAddresses?: readonly string[];
  /** In folders, follow symbolic links that lead outside the folder. */
  followSymlinks?: boolean;
  /** Per-URL time limit (default `FETCH_TIMEOUT_MS`). */
  timeoutMs?: number;
  /** Byte cap per input (default `MAX_INPUT_BYTES` for files and stdin, `MAX_FETCH_BYTES` for URLs). */
  maxBytes?: number;
  /** Redirects followed per URL (default `MAX_REDIRECTS`). */
  maxRedirects?: number;
  /** DNS resolver for fetches (default: the system's). */
  resolve?: Resolver;
  /** Replaces fetchUrl (tests, a caching layer). */
  fetch?: (url: string, options: FetchOptions) => Promise<RawInput>;
}

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;
const GLOB_MAGIC = /[*?[\]{}]/;

const FILE_CODES: Partial<Record<IoErrorCode, string>> = {
  'io/not-found': 'ingest/not-found',
  'io/too-large': 'ingest/too-large',
};
const URL_CODES: Partial<Record<IoErrorCode, string>> = {
  'io/refused': 'ingest/fetch-refused',
  'io/bad-url': 'ingest/bad-url',
  'io/too-large': 'ingest/too-large',
};

function toProblem(
  error: unknown,
  source: string,
  codes: Partial<Record<IoErrorCode, string>>,
  fallback: string,
): Problem {
  if (error instanceof IoError) {
    return {
      code: codes[error.code] ?? fallback,
      message: error.message,
      source,
      severity: 'error',
    };
  }
  // Misuse still throws; any other failure is one input's problem, and the batch carries on.
  if (error instanceof TypeError || error instanceof RangeError) throw error;
  const reason = error instanceof Error ? error.message : String(error);
  return {
    code: fallback,
    message: `Could not read ${source}: ${reason}`,
    source,
    severity: 'error',
  };
}

/** A path spec as a location: normalised, `/`-separated, no trailing slash. */
function pathLocation(spec: string): string {
  const normal = path.normalize(spec).split(path.sep).join('/');
  return normal.length > 1 ? normal.replace(/\/+$/, '') : normal;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function fetchOptions(options: ReadOptions): FetchOptions {
  const result: FetchOptions = {};
  if (options.allowPrivate !== undefined) result.allowPrivate = options.allowPrivate;
  if (options.allowAddresses) result.allowAddresses = options.allowAddresses;
  if (options.timeoutMs !== undefined) result.timeoutMs = options.timeoutMs;
  if (options.maxBytes !== undefined) result.maxBytes = options.maxBytes;
  if (options.maxRedirects !== undefined) result.maxRedirects = options.maxRedirects;
  if (options.resolve) result.resolve = options.resolve;
  return result;
}

function checkArguments(specs: string[], options: ReadOptions): void {
  if (!Array.isArray(specs) || specs.some((spec) => typeof spec !== 'string')) {
    throw new TypeError(`Expected specs to be an array of strings, got ${JSON.stringify(specs)}`);
  }
  if (typeof options?.cwd !== 'string' || options.cwd === '') {
    throw new TypeError(
      `Expected options.cwd to be a folder path, got ${JSON.stringify(options?.cwd)}`,
    );
  }
  for (const name of ['maxBytes', 'timeoutMs', 'maxRedirects'] as const) {
    const value = options[name];
    const least = name === 'maxRedirects' ? 0 : 1;
    if (value !== undefined && (!Number.isSafeInteger(value) || value < least)) {
      throw new RangeError(
        `Expected options.${name} to be an integer of at least ${least}, got ${value}`,
      );
    }
  }
}

interface Batch {
  options: ReadOptions;
  maxFileBytes: number;
  seen: Set<string>;
  stdinRead: boolean;
}

/** Read one file, unless this batch already read it. */
async function readOne(
  file: string,
  location: string,
  batch: Batch,
): Promise<RawInput | Problem | undefined> {
  const key = path.resolve(batch.options.cwd, file);
  if (batch.seen.has(key)) {
    return {
      code: 'ingest/duplicate-input',
      message: `${location} was named more than once; read it once.`,
      source: location,
      severity: 'warning',
    };
  }
  batch.seen.add(key);
  try {
    return { location, bytes: await readFileCapped(key, batch.maxFileBytes, location) };
  } catch (error) {
    return toProblem(error, location, FILE_CODES, 'ingest/unreadable');
  }
}

async function* readFolder(
  folder: string,
  location: string,
  batch: Batch,
): AsyncGenerator<RawInput | Problem> {
  const walkOptions = batch.options.followSymlinks ? { followSymlinks: true } : {};
  for await (const found of walkFolder(folder, location, walkOptions)) {
    if ('code' in found) yield found;
    else {
      const item = await readOne(found.path, found.location, batch);
      if (item) yield item;
    }
  }
}

/** The folder a glob searches: its path up to the first segment holding a glob character. */
function globBase(pattern: string, cwd: string): string {
  const fixed: string[] = [];
  for (const segment of pattern.split(/[\\/]/)) {
    if (GLOB_MAGIC.test(segment)) break;
    fixed.push(segment);
  }
  return path.resolve(cwd, fixed.join('/') || '.');
}

/** Where a glob match that is a symbolic link leads, when that is outside the glob's folder. */
async function escapingLink(match: string, base: string): Promise<string | undefined> {
  try {
    if (!(await lstat(match)).isSymbolicLink()) return undefined;
    const [real, realBase] = await Promise.all([realpath(match), realpath(base)]);
    const relative = path.relative(realBase, real);
    return relative.startsWith('..') || path.isAbsolute(relative) ? real : undefined;
  } catch {
    // A broken link or a vanished file: reading it reports the problem.
    return undefined;
  }
}

async function* readGlob(pattern: string, batch: Batch): AsyncGenerator<RawInput | Problem> {
  const matches: string[] = [];
  try {
    for await (const match of glob(pattern, { cwd: batch.options.cwd })) matches.push(match);
  } catch (error) {
    yield toProblem(error, pattern, FILE_CODES, 'ingest/unreadable');
    return;
  }
  if (matches.length === 0) {
    yield {
      code: 'ingest/glob-no-match',
      message: `No file matches ${pattern} (in ${batch.options.cwd}); check the pattern and quote it so the shell does not expand it.`,
      source: pattern,
      severity: 'error',
    };
    return;
  }
  // Globs follow the folder rule: a matched link that leads out of the glob's folder is not read.
  const base = globBase(pattern, batch.options.cwd);
  for (const match of matches.sort(byCodeUnits)) {
    const target = batch.options.followSymlinks
      ? undefined
      : await escapingLink(path.resolve(batch.options.cwd, match), base);
    if (target === undefined) {
      yield* readPath(match, batch, false);
      continue;
    }
    const location = pathLocation(match);
    yield {
      code: 'ingest/symlink-skipped',
      message: `${location} links outside ${pattern}'s folder (to ${target}); skipped it. Name it directly or allow following symlinks (--follow-symlinks).`,
      source: location,
      severity: 'warning',
    };
  }
}

async function* readPath(
  spec: string,
  batch: Batch,
  globAllowed: boolean,
): AsyncGenerator<RawInput | Problem> {
  const full = path.resolve(batch.options.cwd, spec);
  const location = pathLocation(spec);
  // stat, not lstat: a link the user names is followed; only links met inside folders are checked.
  const info = await stat(full).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error && globAllowed && GLOB_MAGIC.test(spec) && info.code === 'ENOENT') {
    yield* readGlob(spec, batch);
  } else if (!(info instanceof Error) && info.isDirectory()) {
    yield* readFolder(full, location, batch);
  } else {
    const item = await readOne(full, location, batch);
    if (item) yield item;
  }
}

async function readStdin(batch: Batch): Promise<RawInput | Problem> {
  const { stdin } = batch.options;
  if (!stdin || batch.stdinRead) {
    const message = stdin
      ? '"-" (standard input) was named more than once; read it once.'
      : '"-" asks for standard input, but none was given to read.';
    return {
      code: stdin ? 'ingest/duplicate-input' : 'ingest/no-stdin',
      message,
      source: '-',
      severity: stdin ? 'warning' : 'error',
    };
  }
  batch.stdinRead = true;
  try {
    return { location: '-', bytes: await readStream(stdin, batch.maxFileBytes, 'standard input') };
  } catch (error) {
    return toProblem(error, '-', FILE_CODES, 'ingest/unreadable');
  }
}

async function readUrl(spec: string, batch: Batch): Promise<RawInput | Problem> {
  const key = URL.canParse(spec) ? new URL(spec).href.replace(/#.*$/, '') : spec;
  if (batch.seen.has(key)) {
    return {
      code: 'ingest/duplicate-input',
      message: `${spec} was named more than once; read it once.`,
      source: spec,
      severity: 'warning',
    };
  }
  batch.seen.add(key);
  try {
    return await (batch.options.fetch ?? fetchUrl)(spec, fetchOptions(batch.options));
  } catch (error) {
    return toProblem(error, spec, URL_CODES, 'ingest/fetch-failed');
  }
}

/**
 * Read every input a user named, in order: files, folders (walked in a
 * stable sorted order), globs (matches sorted), `-` for standard input and
 * http(s) URLs. Yields a RawInput for each document read and a Problem for
 * each input that could not be (missing path, unreadable file, glob with no
 * match, refused or failed fetch, a file named twice), then carries on.
 * @example for await (const item of readInputs(['news/', 'https://example.org/feed.xml'], { cwd })) …
 */
export async function* readInputs(
  specs: string[],
  options: ReadOptions,
): AsyncGenerator<RawInput | Problem> {
  checkArguments(specs, options);
  const batch: Batch = {
    options,
    maxFileBytes: options.maxBytes ?? MAX_INPUT_BYTES,
    seen: new Set(),
    stdinRead: false,
  };
  for (const spec of specs) {
    if (spec === '-') yield await readStdin(batch);
    else if (/^https?:\/\//i.test(spec)) yield await readUrl(spec, batch);
    else if (URL_LIKE.test(spec)) {
      yield {
        code: 'ingest/bad-url',
        message: `Only http and https URLs can be read, got ${spec}; download it and name the file instead.`,
        source: spec,
        severity: 'error',
      };
    } else yield* readPath(spec, batch, true);
  }
}
