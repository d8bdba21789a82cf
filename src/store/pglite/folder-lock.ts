import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StoreError } from '../store-error.ts';

/** The lock file inside a PGlite store folder: the pid of the process that has it open. */
export const LOCK_FILE = 'parallax.lock';

const held = new Set<string>();
let exitHookInstalled = false;

/**
 * Take the folder for this process, or throw a StoreError naming the
 * process that has it. PGlite is one process per folder: a second one
 * opening it aborts inside WebAssembly (and could damage the data), so
 * this says so in words first. A lock left by a process that is gone is
 * taken over. Returns the release function (also run at process exit).
 */
export function lockFolder(folder: string): () => void {
  const file = join(folder, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StoreError(
          'store/unavailable',
          `Cannot lock the store folder ${folder}: ${(error as Error).message}`,
          {
            cause: error,
          },
        );
      }
      const pid = Number.parseInt(readLock(file), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new StoreError(
          'store/unavailable',
          `The store folder ${folder} is in use by process ${pid}; the embedded store allows one process at a time. Stop that process, or run several on a PostgreSQL server (--db postgres://…).`,
        );
      }
      if (pid === process.pid && held.has(file)) {
        throw new StoreError(
          'store/unavailable',
          `The store folder ${folder} is already open in this process; close that store first.`,
        );
      }
      // Left behind by a process that is gone: take it over.
      rmSync(file, { force: true });
      continue;
    }
    writeSync(fd, String(process.pid));
    closeSync(fd);
    held.add(file);
    if (!exitHookInstalled) {
      exitHookInstalled = true;
      process.on('exit', () => {
        for (const f of held) rmSync(f, { force: true });
      });
    }
    return () => {
      if (held.delete(file)) rmSync(file, { force: true });
    };
  }
  throw new StoreError(
    'store/unavailable',
    `Cannot lock the store folder ${folder}: another process keeps taking it.`,
  );
}

function readLock(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
