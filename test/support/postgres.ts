/**
 * A real PostgreSQL server for tests, started by the test itself: `initdb`
 * and `pg_ctl` from Debian's package in a fresh temporary folder, listening
 * on 127.0.0.1 only, on a free port, with its unix socket inside that
 * folder and durability off (fsync, synchronous commit, full page writes)
 * for speed. Never a mock: the store, jobs and server tests run their SQL
 * on the same engine as production.
 *
 * @example
 * const bin = findPostgresBin();
 * test('...', { skip: bin === null && POSTGRES_MISSING }, async (t) => {
 *   const pg = await startPostgres();
 *   t.after(() => pg.stop());
 *   const url = await createDatabase(pg.url);
 * });
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';

/** The skip message of tests that need PostgreSQL on a machine without it. */
export const POSTGRES_MISSING = 'PostgreSQL not installed: apt-get install -y postgresql';

/** A running test server. */
export interface TestPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust authentication, superuser). */
  url: string;
  /** Stop the server (`pg_ctl stop -m immediate`) and remove its folder; safe to call twice. */
  stop(): Promise<void>;
}

/** Folder of PostgreSQL's server binaries (`initdb`, `pg_ctl`), or null when none is installed. */
export function findPostgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0] !== undefined) return join(root, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir !== '' && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')))
      return dir;
  }
  return null;
}

const running = new Set<() => void>();
let exitHookInstalled = false;

/**
 * Start a PostgreSQL server in a new temporary folder. As root, the server
 * runs as the `postgres` system user (PostgreSQL refuses to run as root).
 * The server is also stopped when the process exits.
 */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = findPostgresBin();
  if (bin === null) throw new Error(POSTGRES_MISSING);
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'parallax-pg-'));
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  // Runs a server binary as the postgres user when we are root.
  const run = (tool: string, args: string[]) => {
    const file = join(bin, tool);
    const [cmd, argv] = root ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
    const result = spawnSync(cmd, argv, { encoding: 'utf8', cwd: dir, timeout: 120_000 });
    if (result.status !== 0) {
      const logText = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
      throw new Error(
        `${tool} failed (${result.status ?? result.signal}): ${result.stderr}${result.stdout}${logText}`,
      );
    }
  };
  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    running.delete(stopSync);
    if (existsSync(join(data, 'postmaster.pid'))) {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Already gone: nothing to stop.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
      '--no-instructions',
    ]);
    // The port is free when we look; another process could take it before
    // the server binds, so a failed start retries once on a new port.
    let port = 0;
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      const options = [
        `-p ${port}`,
        "-c listen_addresses='127.0.0.1'",
        `-c unix_socket_directories='${dir}'`,
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c shared_buffers=16MB',
        '-c max_connections=100',
      ].join(' ');
      try {
        run('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-o', options, 'start']);
        break;
      } catch (error) {
        if (attempt >= 1) throw error;
      }
    }
    running.add(stopSync);
    if (!exitHookInstalled) {
      exitHookInstalled = true;
      process.on('exit', () => {
        for (const stop of [...running]) stop();
      });
    }
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      stop: async () => stopSync(),
    };
  } catch (error) {
    stopSync();
    throw error;
  }
}

let databases = 0;

/**
 * Create a new empty database on a test server and return its URL, so each
 * test starts from nothing without starting another server.
 */
export async function createDatabase(serverUrl: string, name?: string): Promise<string> {
  const db = name ?? `test_${process.pid}_${++databases}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(db))
    throw new RangeError(`Expected a plain database name, got ${db}`);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`create database ${db}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${db}`;
  return url.toString();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
