import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { extensionOf, KNOWN_EXTENSIONS } from '../ingest/index.ts';
import type { Problem } from '../model/index.ts';
import { fileError } from './read-file.ts';

/** How walkFolder treats symbolic links. */
export interface WalkOptions {
  /** Follow symbolic links that point outside the folder too (default: only links inside it). */
  followSymlinks?: boolean;
}

/** A file walkFolder found: `location` joins the folder as given with the relative path, `/`-separated. */
export interface FoundFile {
  path: string;
  location: string;
}

interface Walk {
  rootReal: string;
  options: WalkOptions;
  visited: Set<string>;
  skipped: Map<string, number>;
}

function warning(code: string, message: string, source: string): Problem {
  return { code, message, source, severity: 'warning' };
}

/** A file a folder walk reads: a known extension (or `.gz` of one), or no extension at all. */
function isDocumentName(name: string): boolean {
  const ext = extensionOf(name);
  if (ext === 'gz')
    return isDocumentName(name.slice(0, -3)) || extensionOf(name.slice(0, -3)) === '';
  return ext === '' || KNOWN_EXTENSIONS.has(ext);
}

/** `dir/name`, without doubling a slash or writing `./` in front. */
function childLocation(location: string, name: string): string {
  if (location === '.' || location === '') return name;
  return location.endsWith('/') ? `${location}${name}` : `${location}/${name}`;
}

function inside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Where a symbolic link leads, or a problem saying why it is not followed. */
async function followLink(
  full: string,
  location: string,
  walk: Walk,
): Promise<{ real: string; isDirectory: boolean } | Problem> {
  let real: string;
  try {
    real = await realpath(full);
  } catch {
    return warning(
      'ingest/broken-symlink',
      `${location} is a symbolic link to nothing; skipped it.`,
      location,
    );
  }
  if (!walk.options.followSymlinks && !inside(walk.rootReal, real)) {
    return warning(
      'ingest/symlink-skipped',
      `${location} links outside the folder (to ${real}); skipped it. Name it directly or allow following symlinks (--follow-symlinks).`,
      location,
    );
  }
  try {
    return { real, isDirectory: (await stat(real)).isDirectory() };
  } catch (error) {
    return warning('ingest/unreadable', fileError(error, location).message, location);
  }
}

async function* walkDirectory(
  dir: string,
  location: string,
  walk: Walk,
): AsyncGenerator<FoundFile | Problem> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const failure = fileError(error, location);
    yield {
      code: 'ingest/unreadable',
      message: failure.message,
      source: location,
      severity: 'error',
    };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    const where = childLocation(location, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    let real = full;
    if (entry.isSymbolicLink()) {
      const link = await followLink(full, where, walk);
      if ('code' in link) {
        yield link;
        continue;
      }
      real = link.real;
      isDirectory = link.isDirectory;
      isFile = !link.isDirectory;
    }
    if (isDirectory) {
      const key = await realpath(real).catch(() => real);
      if (walk.visited.has(key)) continue;
      walk.visited.add(key);
      yield* walkDirectory(full, where, walk);
    } else if (isFile && isDocumentName(entry.name)) {
      yield { path: full, location: where };
    } else if (isFile) {
      const ext = extensionOf(entry.name);
      walk.skipped.set(ext, (walk.skipped.get(ext) ?? 0) + 1);
    } else {
      yield warning(
        'ingest/not-a-file',
        `${where} is not a regular file (a socket, pipe or device); skipped it.`,
        where,
      );
    }
  }
}

/**
 * Walk a folder recursively in a stable order (entries sorted by name, code
 * unit order), yielding the files ingest can read. Hidden files and folders
 * (`.name`) are left out by convention. Symbolic links are followed only
 * when they stay inside the folder, unless `followSymlinks`; a link cycle is
 * walked once. Files whose extension ingest does not know (images, scripts)
 * are skipped and counted in one `ingest/skipped-files` warning at the end.
 */
export async function* walkFolder(
  root: string,
  location: string,
  options: WalkOptions = {},
): AsyncGenerator<FoundFile | Problem> {
  let rootReal: string;
  try {
    rootReal = await realpath(root);
  } catch (error) {
    const message = fileError(error, location).message;
    yield { code: 'ingest/unreadable', message, source: location, severity: 'error' };
    return;
  }
  const walk: Walk = { rootReal, options, visited: new Set([rootReal]), skipped: new Map() };
  yield* walkDirectory(root, location, walk);
  if (walk.skipped.size > 0) {
    const total = [...walk.skipped.values()].reduce((sum, count) => sum + count, 0);
    const kinds = [...walk.skipped.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([ext, count]) => `${ext ? `.${ext}` : '(no extension)'} ×${count}`)
      .join(', ');
    yield warning(
      'ingest/skipped-files',
      `Skipped ${total} file${total === 1 ? '' : 's'} in ${location} that are not documents ingest reads (${kinds}); name a file directly to read it anyway.`,
      location,
    );
  }
}
