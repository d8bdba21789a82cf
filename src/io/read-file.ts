import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { IoError } from './io-error.ts';
import { readStream } from './read-stream.ts';

/** Turn a Node file-system error into an IoError whose message says what to do. */
export function fileError(error: unknown, target: string): IoError {
  if (error instanceof IoError) return error;
  const cause = error as NodeJS.ErrnoException;
  switch (cause?.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new IoError('io/not-found', `No such file or folder: ${target}`, target, { cause });
    case 'EACCES':
    case 'EPERM':
      return new IoError(
        'io/unreadable',
        `Permission denied reading ${target}; check its permissions.`,
        target,
        { cause },
      );
    case 'ELOOP':
      return new IoError('io/unreadable', `${target} is a symbolic link loop.`, target, { cause });
    default:
      return new IoError(
        'io/unreadable',
        `Could not read ${target}: ${cause?.message ?? String(error)}`,
        target,
        { cause },
      );
  }
}

/**
 * Read one regular file whole, refusing files past `maxBytes` before
 * reading them (and streams that grow past it while read).
 * @throws IoError `io/not-found`, `io/unreadable` or `io/too-large`
 */
export async function readFileCapped(
  path: string,
  maxBytes: number,
  target: string,
): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.isDirectory())
      throw new IoError('io/unreadable', `${target} is a folder, not a file.`, target);
    if (!info.isFile())
      throw new IoError(
        'io/unreadable',
        `${target} is not a regular file (a device, socket or pipe).`,
        target,
      );
    if (info.size > maxBytes) {
      throw new IoError(
        'io/too-large',
        `${target} is ${info.size} bytes, more than the ${maxBytes} allowed; raise the cap with --max-bytes (maxBytes) or split it.`,
        target,
      );
    }
    return await readStream(createReadStream(path), maxBytes, target);
  } catch (error) {
    // readStream wraps a system error (EACCES on open, EISDIR) generically; say it in file terms.
    const systemError = (error instanceof IoError ? error.cause : error) as
      | NodeJS.ErrnoException
      | undefined;
    if (error instanceof IoError && !systemError?.code) throw error;
    throw fileError(systemError, target);
  }
}
