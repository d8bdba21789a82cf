import type { Readable } from 'node:stream';
import { IoError } from './io-error.ts';

/**
 * Read a whole stream (stdin, a file stream) into memory, failing with
 * `io/too-large` as soon as it passes `maxBytes` rather than after.
 * @throws IoError
 */
export async function readStream(
  stream: NodeJS.ReadableStream | Readable,
  maxBytes: number,
  target: string,
): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer | string>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += bytes.length;
      if (size > maxBytes) {
        (stream as Readable).destroy?.();
        throw new IoError(
          'io/too-large',
          `${target} is larger than ${maxBytes} bytes; raise the cap with --max-bytes (maxBytes) to read it.`,
          target,
        );
      }
      chunks.push(bytes);
    }
  } catch (error) {
    if (error instanceof IoError) throw error;
    const cause = error as NodeJS.ErrnoException;
    throw new IoError('io/unreadable', `Could not read ${target}: ${cause.message}`, target, {
      cause,
    });
  }
  const whole = Buffer.concat(chunks);
  // A view, not a copy: the input may be hundreds of MiB.
  return new Uint8Array(whole.buffer, whole.byteOffset, whole.byteLength);
}
