import { closeSync, fsyncSync, openSync } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/**
 * PGlite's start parameters with durable commits. PGlite starts PostgreSQL
 * with `-F` (fsync off), and its Node file system (Emscripten's NODEFS)
 * has no fsync at all, so by default a commit reaches the operating system
 * (it survives the process being killed) but not the disk (an OS crash or
 * a power cut may lose it, or leave data pages without their WAL). Here
 * fsync is on, and WAL is flushed with `fsync`: Emscripten's `fdatasync`,
 * PostgreSQL's default on Linux, does nothing.
 */
export const DURABLE_START_PARAMS: readonly string[] = [
  ...PGlite.defaultStartParams.filter((p) => p !== '-F'),
  '-c',
  'wal_sync_method=fsync',
];

/** Emscripten's errno of an input/output error. */
const EIO = 29;

/** A function PGlite's Emscripten module runs before PostgreSQL starts. */
type PreRun = NonNullable<Awaited<ReturnType<NodeFS['init']>>['emscriptenOpts']['preRun']>[number];

/** The part of Emscripten's NODEFS this file touches: the stream operations of an open file. */
interface NodeStreamOps {
  stream_ops: { fsync?: (stream: { nfd?: number }) => number | undefined };
}

/**
 * PGlite's Node file system for a data folder, with fsync: a file
 * PostgreSQL syncs (the WAL at every commit, data files at checkpoints) is
 * `fsync`ed on disk. Use with DURABLE_START_PARAMS.
 *
 * @example
 * const db = await PGlite.create({ fs: durableNodeFs(folder), startParams: [...DURABLE_START_PARAMS] });
 */
export function durableNodeFs(folder: string): NodeFS {
  const fs = new NodeFS(folder);
  const init = fs.init.bind(fs);
  fs.init = async (pg, options) => {
    const { emscriptenOpts } = await init(pg, options);
    const addFsync: PreRun = (mod) => {
      const nodefs = mod.NODEFS as unknown as NodeStreamOps;
      nodefs.stream_ops.fsync = (stream) => {
        try {
          if (stream.nfd !== undefined) fsyncSync(stream.nfd);
        } catch {
          // As a failed fsync(2) to PostgreSQL, which then stops (data_sync_retry is off): the
          // data may not be on disk, and the next open recovers from the WAL.
          throw new mod.FS.ErrnoError(EIO);
        }
        return 0;
      };
    };
    return {
      emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), addFsync] },
    };
  };
  return fs;
}

/**
 * fsyncs at once while syncing a tree: one by one, a new database's 1,000
 * files took 4.7 s on a virtio disk; 32 at a time, 0.3 s (the disk merges
 * them), within any open-file limit.
 */
const SYNC_CONCURRENCY = 32;

/**
 * fsync every file and folder under `folder` (and the folder): what a new
 * PGlite database needs before it counts as made (PGlite writes its files
 * without syncing them).
 */
export async function syncTree(folder: string): Promise<void> {
  const paths: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) paths.push(path);
    }
    paths.push(dir);
  };
  await walk(folder);
  let next = 0;
  const run = async () => {
    while (next < paths.length) await syncFile(paths[next++] as string);
  };
  await Promise.all(Array.from({ length: SYNC_CONCURRENCY }, run));
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** fsync one file or folder by path. */
export function syncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
