// Full-size resource-limit runs: node scripts/limits-full.ts [--case name[,name]] [--list]
//
// Writes each huge or hostile input to a temporary folder (streamed; the
// big ones are sparse or repeated gzip members, so they take little disk),
// runs `parallax extract <file> --format json` on it in a child process,
// and prints what it cost: exit code, problem codes, articles, wall time
// and peak memory (the child's process.resourceUsage().maxRSS). The quick
// cases also run in test/limits.test.ts; the WARCs at the caps are here
// because extracting thousands of pages takes minutes. Cases that raise
// the input cap say so (`--max-bytes`); docs/security.md lists the figures.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_DECOMPRESSED_BYTES } from '../src/ingest/index.ts';
import { MAX_INPUT_BYTES } from '../src/io/index.ts';
import {
  runExtract,
  writeDeepHtml,
  writeGzipBomb,
  writeHugeFeed,
  writeHugeHtml,
  writeOneLineArticle,
  writeSparseWarc,
  writeWarc,
  writeWarcGz,
} from '../test/limits/huge-inputs.ts';

const MiB = 1024 * 1024;

/** The size of the pages of the generated WARCs: dense articles, the costliest input per byte. */
const PAGE_BYTES = 64 * 1024;

const CASES: ReadonlyArray<{
  name: string;
  file: string;
  what: string;
  write: (file: string) => void;
  /** Extra arguments of `parallax extract`. */
  args?: string[];
}> = [
  {
    name: 'html-200mb',
    file: 'huge.html',
    what: 'a 200 MB HTML page, read (--max-bytes 256M) and refused as one document',
    write: (f) => writeHugeHtml(f, 200_000_000),
    args: ['--max-bytes', '256M'],
  },
  {
    name: 'warc-1gib',
    file: 'huge.warc',
    what: 'a 1 GiB WARC (sparse)',
    write: (f) => writeSparseWarc(f, 1024 * MiB),
  },
  {
    name: 'warcgz-1.1gib',
    file: 'huge.warc.gz',
    what: 'a WARC.gz expanding to 1.1 GiB',
    write: (f) => void writeWarcGz(f, 1100 * MiB),
  },
  {
    name: 'gzip-bomb',
    file: 'bomb.txt.gz',
    what: 'a 10 MB gzip bomb expanding to 10 GiB',
    write: (f) => writeGzipBomb(f, 10 * 1024),
  },
  {
    name: 'one-line',
    file: 'one-line.txt',
    what: 'an article of one 10 MB line',
    write: (f) => writeOneLineArticle(f, 10_000_000),
  },
  {
    name: 'deep-html',
    file: 'deep.html',
    what: 'HTML nested 100,000 deep',
    write: (f) => writeDeepHtml(f, 100_000),
  },
  {
    name: 'feed-1m',
    file: 'million.xml',
    what: 'a feed of a million items (147 MiB), read with --max-bytes 256M',
    write: (f) => writeHugeFeed(f, 1_000_000),
    args: ['--max-bytes', '256M'],
  },
  {
    name: 'warc-at-cap',
    file: 'crawl.warc',
    what: `a WARC of 64 KB pages just under the ${MAX_INPUT_BYTES / MiB} MiB input cap`,
    write: (f) => void writeWarc(f, MAX_INPUT_BYTES, PAGE_BYTES),
  },
  {
    name: 'warcgz-at-cap',
    file: 'crawl.warc.gz',
    what: `a WARC.gz expanding to just under the ${MAX_DECOMPRESSED_BYTES / MiB} MiB decompression cap`,
    // writeWarcGz stops at the first record past the size: stay one page under the cap.
    write: (f) => void writeWarcGz(f, MAX_DECOMPRESSED_BYTES - 2 * PAGE_BYTES, PAGE_BYTES),
  },
  {
    name: 'warc-64mib',
    file: 'crawl.warc',
    what: 'a 64 MiB WARC of 64 KB pages, read with --max-bytes 64M',
    write: (f) => void writeWarc(f, 64 * MiB, PAGE_BYTES),
    args: ['--max-bytes', '64M'],
  },
  {
    name: 'warc-250mib',
    file: 'crawl.warc',
    what: 'a 250 MiB WARC of 64 KB pages, read with --max-bytes 256M',
    write: (f) => void writeWarc(f, 250 * MiB, PAGE_BYTES),
    args: ['--max-bytes', '256M'],
  },
  {
    name: 'warcgz-500mib',
    file: 'crawl.warc.gz',
    what: 'a WARC.gz expanding to 500 MiB (past the decompression cap)',
    write: (f) => void writeWarcGz(f, 500 * MiB, PAGE_BYTES),
  },
];

const { values } = parseArgs({
  options: { case: { type: 'string' }, list: { type: 'boolean', default: false } },
});
if (values.list) {
  for (const c of CASES) console.log(`${c.name.padEnd(14)} ${c.what}`);
  process.exit(0);
}
const wanted = values.case?.split(',').map((name) => name.trim());
const unknown = wanted?.filter((name) => !CASES.some((c) => c.name === name)) ?? [];
if (unknown.length > 0) {
  console.error(
    `Unknown case ${unknown.join(', ')}; the cases are ${CASES.map((c) => c.name).join(', ')}`,
  );
  process.exit(2);
}

const folder = mkdtempSync(path.join(os.tmpdir(), 'parallax-limits-full-'));
try {
  console.log('case           input MiB  exit  articles  seconds  CPU secs  peak MiB  problems');
  for (const c of CASES.filter((c) => wanted === undefined || wanted.includes(c.name))) {
    const file = path.join(folder, c.file);
    c.write(file);
    const size = statSync(file).size / MiB;
    const run = await runExtract(file, folder, c.args);
    const codes = [...new Set(run.problemCodes)].join(', ');
    console.log(
      `${c.name.padEnd(14)} ${size.toFixed(1).padStart(9)}  ${String(run.exitCode).padStart(4)}  ${String(run.articles).padStart(8)}  ${run.seconds.toFixed(1).padStart(7)}  ${(run.cpuSeconds ?? Number.NaN).toFixed(1).padStart(8)}  ${run.maxRssMiB.toFixed(0).padStart(8)}  ${codes}`,
    );
    rmSync(file, { force: true });
    rmSync(`${file}.out.json`, { force: true });
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
