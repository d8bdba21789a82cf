import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { IoError } from '../io/index.ts';
import { UsageError } from './exit-code.ts';

/** Report formats a command can write to a file or to stdout. */
export const OUTPUT_FORMATS = ['json', 'md', 'html'] as const;

/** One of `OUTPUT_FORMATS`. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const FORMAT_BY_EXTENSION: Record<string, OutputFormat> = {
  '.json': 'json',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
};

/**
 * Which format to write: `--format` when given, else the extension of
 * `-o FILE`, else none (the terminal summary).
 *
 * @throws {UsageError} on an unknown `--format` value, or an `-o` file whose
 * extension names no format and no `--format` to say which.
 */
export function chooseFormat(
  format: string | undefined,
  output: string | undefined,
): OutputFormat | undefined {
  if (format !== undefined) {
    const known = OUTPUT_FORMATS.find((f) => f === format || (f === 'md' && format === 'markdown'));
    if (!known) {
      throw new UsageError(
        `Expected --format to be one of ${OUTPUT_FORMATS.join(', ')}, got '${format}'`,
      );
    }
    return known;
  }
  if (output === undefined) return undefined;
  const byExtension = FORMAT_BY_EXTENSION[extname(output).toLowerCase()];
  if (!byExtension) {
    throw new UsageError(
      `Expected -o FILE to end in .json, .md or .html (or a --format), got '${output}'`,
    );
  }
  return byExtension;
}

/** Why a write failed, in words, without the name of the temporary file. */
const REASONS: Record<string, string> = {
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'a part of the path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOSPC: 'no space left on the device',
  EROFS: 'the file system is read-only',
};

function systemReason(error: unknown): string {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const known = REASONS[code];
  if (known) return `${known} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

/** A report: one string, or chunks of one (`formatJsonChunks`) for a report too big for a string. */
export type ReportContent = string | Iterable<string>;

/**
 * Write `content` to `path` (relative to `cwd`): it goes to a temporary file
 * beside the target first, chunk by chunk with backpressure, and is renamed
 * over it once complete, so a failed run never leaves half a report behind.
 *
 * @throws {IoError} `io/unwritable`, with the system error as `cause`, when the file cannot be written.
 */
export async function writeOutputFile(
  path: string,
  content: ReportContent,
  cwd: string,
): Promise<void> {
  const target = resolve(cwd, path);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  const unwritable = (error: unknown) =>
    new IoError('io/unwritable', `Cannot write ${path}: ${systemReason(error)}`, path, {
      cause: error,
    });
  const file = createWriteStream(temporary);
  // Failures are read from callbacks and `errored`; an 'error' event with no listener would end the process.
  file.on('error', () => {});
  try {
    // The system's error (ENOENT on open, ENOSPC) rather than a later "stream destroyed".
    await writeChunks(file, content, (error) => unwritable(file.errored ?? error));
    await new Promise<void>((done, fail) => {
      file.end((error?: Error | null) => (error ? fail(unwritable(error)) : done()));
    });
    await rename(temporary, target).catch((error: unknown) => {
      throw unwritable(error);
    });
  } catch (error) {
    file.destroy();
    await rm(temporary, { force: true }).catch(() => {});
    throw error;
  }
}

/** Resolve once `stream` may take more ('drain'), reject when it fails or closes first. */
function drained(stream: Writable): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const done = (error?: Error | null) => {
      stream.off('drain', onDrain);
      stream.off('error', done);
      stream.off('close', onClose);
      if (error) reject(error);
      else resolvePromise();
    };
    const onDrain = () => done();
    const onClose = () => done(stream.errored ?? new Error('the stream closed'));
    stream.on('drain', onDrain);
    stream.on('error', done);
    stream.on('close', onClose);
  });
}

/**
 * Write a string, or each chunk of an iterable of strings, to `stream`,
 * waiting for 'drain' whenever its buffer is full (so a slow pipe never
 * makes the chunks pile up in memory), then until the last is handed to
 * the system. A failure of the stream is thrown as `fail(error)`; an error
 * thrown by the chunks themselves (a bug) passes through unchanged.
 */
async function writeChunks(
  stream: Writable,
  content: ReportContent,
  fail: (error: unknown) => IoError,
): Promise<void> {
  // A failure is read from the write callbacks and `errored`; without a
  // listener, an 'error' event (EPIPE) would end the process.
  const ignore = () => {};
  stream.on('error', ignore);
  try {
    let last: Promise<void> = Promise.resolve();
    for (const chunk of typeof content === 'string' ? [content] : content) {
      if (stream.errored || stream.destroyed) {
        throw fail(stream.errored ?? new Error('the stream is closed'));
      }
      last = new Promise((resolvePromise, reject) => {
        stream.write(chunk, (error) => (error ? reject(fail(error)) : resolvePromise()));
      });
      // Awaited below, or superseded by a later write that fails the same way.
      last.catch(ignore);
      if (stream.writableNeedDrain) {
        await Promise.race([
          drained(stream).catch((error: unknown) => Promise.reject(fail(error))),
          last,
        ]);
      }
    }
    await last;
  } finally {
    stream.off('error', ignore);
  }
}

/**
 * Write `content` (a string, or chunks of one) to a stream with
 * backpressure, and wait until it is handed to the system.
 *
 * @throws {IoError} `io/unwritable` when the stream fails (a closed pipe, a full disk).
 */
export function writeToStream(
  stream: Writable,
  content: ReportContent,
  name = 'stdout',
): Promise<void> {
  return writeChunks(stream, content, (error) => {
    const message = error instanceof Error ? error.message : String(error);
    return new IoError('io/unwritable', `Cannot write to ${name}: ${message}`, name, {
      cause: error,
    });
  });
}

/** The command that opens a file with the desktop's default application on `platform`. */
export function openCommand(platform: string, path: string): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [path] };
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '', path] };
  return { command: 'xdg-open', args: [path] };
}

/**
 * Open a written report with the default application (`--open`), detached:
 * parallax neither waits for the viewer nor fails when there is none; a
 * failure to start it goes to `onError`.
 */
export function openInViewer(path: string, onError: (message: string) => void): void {
  const { command, args } = openCommand(process.platform, path);
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', (error) => onError(`Cannot open ${path} with ${command}: ${error.message}`));
    child.unref();
  } catch (error) {
    onError(
      `Cannot open ${path} with ${command}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
