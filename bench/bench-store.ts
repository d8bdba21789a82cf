/**
 * The store on real text: put and assign N articles (built from ECB+ and
 * the Zyte ground truth by bench-group's seeded copy generator) on PGlite
 * and on a PostgreSQL server started for the run, then time candidate
 * lookups and show the plan PostgreSQL picks for one. Prints per backend:
 * articles/s for putArticle and assignStory, latency percentiles, whether
 * every assignment matched group's in-memory createStoryIndex and every
 * lookup matched the in-memory CandidateIndex, the candidate query's plan
 * (index or sequential scans) and the index's size per article.
 *
 *   node bench/bench-store.ts                          # 2000 articles, both backends
 *   node bench/bench-store.ts --articles 5000 --backend postgres
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  createMemoryCandidateIndex,
  createStoryIndex,
  type Fingerprint,
  fingerprint,
} from '../src/group/index.ts';
import type { Article } from '../src/model/index.ts';
import { openStore, type QueryPort, type Store } from '../src/store/index.ts';
import { pglitePort } from '../src/store/pglite/pglite-store.ts';
import { postgresPort } from '../src/store/postgres/postgres-store.ts';
import { candidateStatement } from '../src/store/sql-candidates.ts';
import {
  createDatabase,
  findPostgresBin,
  POSTGRES_MISSING,
  startPostgres,
} from '../test/support/postgres.ts';
import { buildCorpus } from './bench-group.ts';

const LOOKUPS = 200;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

function latency(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  return `mean ${mean.toFixed(2)} ms, p50 ${percentile(s, 0.5).toFixed(2)}, p95 ${percentile(s, 0.95).toFixed(2)}, p99 ${percentile(s, 0.99).toFixed(2)}`;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function scans(node: PlanNode, out: string[] = []): string[] {
  if (node['Node Type'].includes('Scan') && node['Relation Name'] !== undefined) {
    out.push(
      `${node['Node Type']} on ${node['Relation Name']}${node['Index Name'] ? ` (${node['Index Name']})` : ''}`,
    );
  }
  for (const child of node.Plans ?? []) scans(child, out);
  return out;
}

async function run(
  name: string,
  location: string,
  articles: Article[],
  port: (store: Store) => Promise<QueryPort>,
) {
  const store: Store = await openStore(location);
  try {
    let t0 = performance.now();
    for (const a of articles) await store.putArticle(a);
    const putMs = performance.now() - t0;

    const index = createStoryIndex();
    const assignMs: number[] = [];
    let agree = 0;
    t0 = performance.now();
    for (const a of articles) {
      const expected = index.add(a);
      const t = performance.now();
      const got = await store.assignStory(a.id);
      assignMs.push(performance.now() - t);
      if (got.memberHash === expected.storyId) agree++;
    }
    const assignTotal = performance.now() - t0;

    const memory = createMemoryCandidateIndex();
    const fps: Fingerprint[] = [];
    for (const a of articles) {
      const fp = fingerprint(a);
      if ((await store.getFingerprint(a.id)) !== null && fp.words >= 5) {
        memory.add(fp);
        fps.push(fp);
      }
    }
    const lookupMs: number[] = [];
    let same = 0;
    const step = Math.max(1, Math.floor(fps.length / LOOKUPS));
    for (let i = 0; i < fps.length; i += step) {
      const fp = fps[i] as Fingerprint;
      const query = { terms: fp.terms.slice(0, 20) };
      const t = performance.now();
      const got = await store.candidates(fp, query);
      lookupMs.push(performance.now() - t);
      if (JSON.stringify(got) === JSON.stringify(memory.candidates(fp, query))) same++;
    }

    const raw = await port(store);
    try {
      await raw.exec('analyze');
      const fp = fps[Math.floor(fps.length / 2)] as Fingerprint;
      const statement = candidateStatement(fp, { terms: fp.terms.slice(0, 20) });
      const plan = statement
        ? await raw.query<{ 'QUERY PLAN': unknown }>(
            `explain (format json) ${statement.sql}`,
            statement.params,
          )
        : [];
      const tree = plan[0]?.['QUERY PLAN'];
      const root = (typeof tree === 'string' ? JSON.parse(tree) : tree) as Array<{
        Plan: PlanNode;
      }>;
      const sizes = await raw.query<{ name: string; bytes: unknown }>(
        `select relname as name, pg_total_relation_size(oid)::int8 as bytes from pg_class
         where relname in ('lsh_band', 'reuse_hash', 'reuse_df', 'term', 'term_df', 'fingerprint', 'article')
         order by relname`,
      );
      const counts = await store.counts();
      console.log(`\n${name}: ${articles.length} articles`);
      console.log(
        `  putArticle   ${((articles.length / putMs) * 1000).toFixed(0)} articles/s (${(putMs / 1000).toFixed(1)} s)`,
      );
      console.log(
        `  assignStory  ${((articles.length / assignTotal) * 1000).toFixed(0)} articles/s; ${latency(assignMs)}`,
      );
      console.log(
        `  stories ${counts.stories}, merges ${counts.merges}; same story as createStoryIndex for ${agree}/${articles.length} adds`,
      );
      console.log(
        `  candidates   ${latency(lookupMs)}; same answer as the memory index for ${same}/${lookupMs.length} lookups`,
      );
      console.log(`  plan: ${scans(root[0]?.Plan as PlanNode).join('; ')}`);
      const indexed = Math.max(1, counts.indexed);
      console.log(
        `  size per indexed article: ${sizes
          .map((r) => `${r.name} ${(Number(r.bytes) / indexed / 1024).toFixed(1)} KiB`)
          .join(', ')}`,
      );
    } finally {
      await raw.close();
    }
  } finally {
    await store.close();
  }
}

/** Workers of the parallel run: the scale-out case, several processes assigning at once. */
const WORKERS = 4;

/** Assign with several stores (as several worker processes would) taking articles in turn. */
async function parallel(url: string, articles: Article[], workers: number) {
  const stores = await Promise.all(Array.from({ length: workers }, () => openStore(url)));
  try {
    for (const a of articles) await (stores[0] as Store).putArticle(a);
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      stores.map(async (store) => {
        while (next < articles.length) {
          const a = articles[next++] as Article;
          await store.assignStory(a.id);
        }
      }),
    );
    const ms = performance.now() - t0;
    const counts = await (stores[0] as Store).counts();
    console.log(
      `  ${workers} workers at once: assignStory ${((articles.length / ms) * 1000).toFixed(0)} articles/s; stories ${counts.stories}, merges ${counts.merges}`,
    );
  } finally {
    await Promise.all(stores.map((s) => s.close()));
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '2000' },
      backend: { type: 'string', default: 'both' },
    },
  });
  const count = Number(values.articles);
  const articles = buildCorpus(count);
  if (articles.length === 0) {
    console.log('../shared/eval missing: no real texts to build articles from; nothing measured.');
    return;
  }
  if (values.backend === 'both' || values.backend === 'pglite') {
    const folder = mkdtempSync(join(tmpdir(), 'parallax-bench-'));
    try {
      // PGlite is one connection: the plan is read through the store's own
      // instance (and closing this port must not close it).
      await run('PGlite', folder, articles, async (store) => {
        if (store.connection.kind !== 'pglite') throw new Error('Expected a PGlite store');
        return { ...pglitePort(store.connection.pglite), close: async () => {} };
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  if (values.backend === 'both' || values.backend === 'postgres') {
    if (findPostgresBin() === null) {
      console.log(`\nPostgreSQL: ${POSTGRES_MISSING}`);
      return;
    }
    const server = await startPostgres();
    try {
      const url = await createDatabase(server.url, 'bench');
      await run('PostgreSQL', url, articles, async () =>
        postgresPort(new pg.Pool({ connectionString: url, max: 1 })),
      );
      await parallel(await createDatabase(server.url, 'bench_parallel'), articles, WORKERS);
    } finally {
      await server.stop();
    }
  }
}

if (import.meta.main) await main();
