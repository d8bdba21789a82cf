import type { Context } from 'hono';
import { ApiError } from './api-error.ts';
import { MAX_FILENAME_LENGTH, MAX_FILES_PER_REQUEST } from './limits.ts';

/** One uploaded file: its name (the format is told by its extension) and its bytes. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
  /** The Content-Type the client gave the part or body, when it gave a specific one. */
  contentType?: string;
}

/** Content types that carry a file as the raw body (anything else but JSON and forms). */
function isRawBody(type: string): boolean {
  return !/^(application\/json|application\/x-www-form-urlencoded)\b/i.test(type);
}

/**
 * Check an uploaded file's name: a plain name (no folder, no control
 * character), because it becomes the `location` problems are reported at.
 */
export function checkFilename(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > MAX_FILENAME_LENGTH) {
    throw new ApiError(
      'bad-request',
      `Expected a file name of 1 to ${MAX_FILENAME_LENGTH} characters, got ${trimmed.length}`,
    );
  }
  if (/[/\\\u0000-\u001f\u007f]/.test(trimmed) || trimmed === '.' || trimmed === '..') {
    throw new ApiError(
      'bad-request',
      `Expected a plain file name (no folder, no control character), got ${JSON.stringify(trimmed)}`,
    );
  }
  return trimmed;
}

function specificType(type: string | undefined): string | undefined {
  if (type === undefined || type === '' || /^application\/octet-stream\b/i.test(type)) {
    return undefined;
  }
  return type;
}

/**
 * The files of an upload request: every file part of a
 * `multipart/form-data` body (any field name), or the raw body named by
 * `?filename=`. The body size is bounded before this runs (`bodyLimit`).
 */
export async function readUpload(
  c: Context,
  filename: string | undefined,
): Promise<UploadedFile[]> {
  const type = c.req.header('content-type') ?? '';
  if (/^multipart\/form-data\b/i.test(type)) {
    if (filename !== undefined) {
      throw new ApiError(
        'bad-request',
        "Invalid query parameter 'filename': only for a raw body; a multipart part names its own file",
      );
    }
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError('bad-request', 'Malformed multipart/form-data body', { cause: error });
    }
    const files: UploadedFile[] = [];
    for (const value of form.values()) {
      if (typeof value === 'string') continue;
      if (files.length === MAX_FILES_PER_REQUEST) {
        throw new ApiError(
          'bad-request',
          `Expected at most ${MAX_FILES_PER_REQUEST} files in one request; send the rest in another`,
        );
      }
      const part: UploadedFile = {
        name: checkFilename(value.name),
        bytes: new Uint8Array(await value.arrayBuffer()),
      };
      const partType = specificType(value.type);
      if (partType !== undefined) part.contentType = partType;
      files.push(part);
    }
    if (files.length === 0) {
      throw new ApiError('bad-request', 'Expected at least one file part in the multipart body');
    }
    return files;
  }
  if (!isRawBody(type)) {
    throw new ApiError(
      'unsupported-media-type',
      `Expected multipart/form-data or a raw file body, got ${type}; URLs go to POST /api/ingest/urls`,
    );
  }
  if (filename === undefined) {
    throw new ApiError(
      'bad-request',
      "Missing query parameter 'filename': a raw body needs a name whose extension tells its format",
    );
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length === 0) throw new ApiError('bad-request', 'Expected a file body, got 0 bytes');
  const file: UploadedFile = { name: checkFilename(filename), bytes };
  const rawType = specificType(type);
  if (rawType !== undefined) file.contentType = rawType;
  return [file];
}
