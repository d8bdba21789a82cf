import type { Problem } from '../model/index.ts';
import { decodeCursor, encodeCursor, pageLimit } from './cursor.ts';
import type { Queryable, QueryPort } from './query-port.ts';
import { iso, isoNow, parseJson, timeParam } from './rows.ts';
import type { IngestDelta, IngestRecord, IngestStart, Page, PageOptions } from './store.ts';

function toRecord(row: Record<string, unknown>, problems: Problem[]): IngestRecord {
  return {
    id: String(row.id),
    input: parseJson<string[]>(row.input),
    startedAt: isoNow(row.started_at),
    finishedAt: iso(row.finished_at),
    counts: parseJson<Record<string, number>>(row.counts),
    problems,
  };
}

const INGEST_COLUMNS = 'id, input::text as input, started_at, finished_at, counts::text as counts';

/** Start an ingest run (an id already recorded returns that run unchanged: job retries). */
export async function beginIngest(db: Queryable, start: IngestStart): Promise<IngestRecord> {
  if (start === null || typeof start !== 'object' || !Array.isArray(start.input)) {
    throw new TypeError('Expected an IngestStart with an input array');
  }
  if (start.id !== undefined && (typeof start.id !== 'string' || start.id === '')) {
    throw new TypeError(`Expected a non-empty ingest id, got ${JSON.stringify(start.id)}`);
  }
  const rows = await db.query(
    `insert into ingest (id, input, started_at)
     values (coalesce($1, gen_random_uuid()::text), $2::json, coalesce($3, date_trunc('milliseconds', now())))
     on conflict (id) do nothing
     returning id`,
    [start.id ?? null, JSON.stringify(start.input.map(String)), timeParam(start.startedAt)],
  );
  const id = rows[0] === undefined ? (start.id as string) : String(rows[0].id);
  return (await getIngest(db, id)) as IngestRecord;
}

/** Sum counts and append problems, under the ingest row's lock. */
export async function recordIngest(
  port: QueryPort,
  id: string,
  delta: IngestDelta,
  finish = false,
): Promise<void> {
  await port.transaction(async (tx) => {
    const rows = await tx.query(
      'select counts::text as counts from ingest where id = $1 for update',
      [id],
    );
    if (rows[0] === undefined) throw new RangeError(`Expected the id of a begun ingest, got ${id}`);
    const counts = parseJson<Record<string, number>>(rows[0].counts);
    for (const [key, value] of Object.entries(delta.counts ?? {})) {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new TypeError(`Expected a number for count ${key}, got ${String(value)}`);
      }
      counts[key] = (counts[key] ?? 0) + value;
    }
    await tx.query(
      `update ingest set counts = $2::json,
         finished_at = case when $3 then date_trunc('milliseconds', now()) else finished_at end
       where id = $1`,
      [id, JSON.stringify(counts), finish],
    );
    const problems = delta.problems ?? [];
    if (problems.length > 0) {
      await tx.query(
        'insert into ingest_problem (ingest_id, data) select $1, p from unnest($2::json[]) with ordinality as u(p, n) order by n',
        [id, problems.map((p) => JSON.stringify(p))],
      );
    }
  });
}

/** An ingest run with its problems. */
export async function getIngest(db: Queryable, id: string): Promise<IngestRecord | null> {
  const rows = await db.query(`select ${INGEST_COLUMNS} from ingest where id = $1`, [id]);
  if (rows[0] === undefined) return null;
  const problems = await db.query(
    'select data::text as data from ingest_problem where ingest_id = $1 order by seq',
    [id],
  );
  return toRecord(
    rows[0],
    problems.map((row) => parseJson<Problem>(row.data)),
  );
}

/** Ingest runs, newest first, without their problems. */
export async function listIngests(
  db: Queryable,
  options: PageOptions = {},
): Promise<Page<IngestRecord>> {
  const limit = pageLimit(options.limit);
  const params: unknown[] = [limit + 1];
  let where = '';
  if (options.cursor !== undefined) {
    const c = decodeCursor('ingests', options.cursor);
    const t = timeParam(typeof c.t === 'string' ? c.t : undefined);
    if (t === null || typeof c.id !== 'string') {
      throw new RangeError(
        `Expected a cursor from a previous page of ingests, got ${options.cursor}`,
      );
    }
    params.push(t, c.id);
    where = 'where (started_at, id) < ($2::timestamptz, $3::text collate "C")';
  }
  const rows = await db.query(
    `select ${INGEST_COLUMNS} from ingest ${where} order by started_at desc, id desc limit $1`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => toRecord(row, [])),
    next:
      rows.length > limit && last !== undefined
        ? encodeCursor('ingests', { t: isoNow(last.started_at), id: String(last.id) })
        : null,
  };
}
