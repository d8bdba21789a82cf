import { spawn } from 'node:child_process';
import { rename, rm, writeFile } from 'node:fs/promises';
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

/**
 * Write `content` to `path` (relative to `cwd`) all at once: it goes to a
 * temporary file beside the target first and is renamed over it, so a failed
 * run never leaves half a report behind.
 *
 * @throws {IoError} `io/unwritable`, with the system error as `cause`, when the file cannot be written.
 */
export async function writeOutputFile(path: string, content: string, cwd: string): Promise<void> {
  const target = resolve(cwd, path);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, content);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => {});
    throw new IoError('io/unwritable', `Cannot write ${path}: ${systemReason(error)}`, path, {
      cause: error,
    });
  }
}

/**
 * Write `content` to a stream and wait until it is handed to the system.
 *
 * @throws {IoError} `io/unwritable` when the stream fails (a closed pipe, a full disk).
 */
export function writeToStream(stream: Writable, content: string, name = 'stdout'): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    stream.write(content, (error) => {
      if (error) {
        reject(
          new IoError('io/unwritable', `Cannot write to ${name}: ${error.message}`, name, {
            cause: error,
          }),
        );
      } else {
        resolvePromise();
      }
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
