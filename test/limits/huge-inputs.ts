// Huge and hostile inputs for the resource-limit tests (test/limits.test.ts)
// and the full-size run (scripts/limits-full.ts), written to a temporary
// folder by streaming, never held in memory whole; and a runner that times
// the CLI on one of them and reads the child's peak memory.
import { spawn } from 'node:child_process';
import {
  closeSync,
  ftruncateSync,
  openSync,
  readFileSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The repository root (the folder with package.json). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const MB = 1024 * 1024;

/** Append chunks to a file until it holds `bytes`, in writes of about 1 MiB. */
function writeUntil(
  file: string,
  head: string,
  chunk: (i: number) => string,
  tail: string,
  bytes: number,
): void {
  const fd = openSync(file, 'w');
  try {
    let size = writeSync(fd, head);
    let buffer: string[] = [];
    let pending = 0;
    for (let i = 0; size + pending < bytes - tail.length; i++) {
      const piece = chunk(i);
      buffer.push(piece);
      pending += Buffer.byteLength(piece);
      if (pending >= MB) {
        size += writeSync(fd, buffer.join(''));
        buffer = [];
        pending = 0;
      }
    }
    if (buffer.length > 0) writeSync(fd, buffer.join(''));
    writeSync(fd, tail);
  } finally {
    closeSync(fd);
  }
}

const SENTENCE =
  'The harbour authority said on Tuesday that the collapsed crane would be replaced before the winter season, officials told reporters.';

/** An HTML page of about `bytes`: one article of numbered paragraphs. */
export function writeHugeHtml(file: string, bytes: number): void {
  writeUntil(
    file,
    '<!doctype html><html><head><meta charset="utf-8"><title>Huge page</title></head><body><article><h1>Huge page</h1>\n',
    (i) => `<p>Paragraph ${i}. ${SENTENCE}</p>\n`,
    '</article></body></html>\n',
    bytes,
  );
}

/** A plain-text article that is one line of about `bytes`, no line break anywhere. */
export function writeOneLineArticle(file: string, bytes: number): void {
  writeUntil(file, '', (i) => `${SENTENCE.replace('.', ` ${i}.`)} `, '', bytes);
}

/** An HTML page whose article sits inside `levels` unclosed divs. */
export function writeDeepHtml(file: string, levels: number): void {
  writeFileSync(
    file,
    `<!doctype html><html><body>${'<div>'.repeat(levels)}<p>${SENTENCE}</p><p>${SENTENCE}</p></body></html>\n`,
  );
}

/** An RSS feed of `items` short items (about 150 bytes each: a million make 147 MiB), streamed. */
export function writeHugeFeed(file: string, items: number): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(
      fd,
      '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Huge feed</title>\n',
    );
    const batch: string[] = [];
    for (let i = 1; i <= items; i++) {
      batch.push(
        `<item><title>Item ${i}</title><link>https://news.test/${i}</link><description>Item ${i}: the council met on Tuesday and voted.</description></item>\n`,
      );
      if (batch.length === 10_000 || i === items) {
        writeSync(fd, batch.join(''));
        batch.length = 0;
      }
    }
    writeSync(fd, '</channel></rss>\n');
  } finally {
    closeSync(fd);
  }
}

/**
 * A WARC file of `bytes` that costs no disk: one response record whose
 * header declares the rest of the file as its block, which is a hole (the
 * file is sparse). Any reader must refuse it by size before reading.
 */
export function writeSparseWarc(file: string, bytes: number): void {
  const head = (length: number) =>
    `WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:huge>\r\nWARC-Target-URI: https://news.test/huge\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${length}\r\n\r\n`;
  const header = head(bytes - head(bytes).length);
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, header);
    ftruncateSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
}

/** One WARC response record holding an HTML page of about `bodyBytes`. */
function warcResponse(id: number, bodyBytes: number): Buffer {
  const paragraphs: string[] = [];
  let size = 0;
  for (let i = 0; size < bodyBytes; i++) {
    const p = `<p>Record ${id}, paragraph ${i}. ${SENTENCE}</p>\n`;
    paragraphs.push(p);
    size += p.length;
  }
  const body = `<!doctype html><html><head><title>Record ${id}</title></head><body><article>${paragraphs.join('')}</article></body></html>`;
  const http = `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${body}`;
  const block = Buffer.from(http);
  const head = `WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:record-${id}>\r\nWARC-Date: 2021-08-24T10:20:00Z\r\nWARC-Target-URI: https://news.test/${id}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${block.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), block, Buffer.from('\r\n\r\n')]);
}

/**
 * A WARC.gz of about `bytes` decompressed, as crawlers write it (one gzip
 * member per record), of `recordBytes` pages; the members repeat, so it is
 * small on disk and quick to write. Returns the decompressed size.
 */
export function writeWarcGz(file: string, bytes: number, recordBytes = 64 * 1024): number {
  const members = [0, 1, 2, 3].map((id) => gzipSync(warcResponse(id, recordBytes)));
  const plain = [0, 1, 2, 3].map((id) => warcResponse(id, recordBytes).length);
  const fd = openSync(file, 'w');
  let total = 0;
  try {
    for (let i = 0; total < bytes; i++) {
      writeSync(fd, members[i % 4] as Buffer);
      total += plain[i % 4] as number;
    }
  } finally {
    closeSync(fd);
  }
  return total;
}

/** An uncompressed WARC of about `bytes` (under it), of `recordBytes` pages; records repeat. */
export function writeWarc(file: string, bytes: number, recordBytes = 64 * 1024): number {
  const records = [0, 1, 2, 3].map((id) => warcResponse(id, recordBytes));
  const fd = openSync(file, 'w');
  let total = 0;
  try {
    for (let i = 0; total + (records[i % 4] as Buffer).length <= bytes; i++) {
      writeSync(fd, records[i % 4] as Buffer);
      total += (records[i % 4] as Buffer).length;
    }
  } finally {
    closeSync(fd);
  }
  return total;
}

/**
 * A gzip bomb: `members` gzip members of 1 MiB of spaces each (about 1 KB
 * each on disk), so `members` MiB once expanded.
 */
export function writeGzipBomb(file: string, members: number): void {
  const member = gzipSync(Buffer.alloc(MB, 0x20), { level: 9 });
  const fd = openSync(file, 'w');
  try {
    const batch = Buffer.concat(new Array(64).fill(member));
    for (let i = 0; i < members; i += 64)
      writeSync(fd, i + 64 <= members ? batch : Buffer.concat(new Array(members - i).fill(member)));
  } finally {
    closeSync(fd);
  }
}

/** What one CLI run on a huge input cost and said. */
export interface CliRun {
  exitCode: number | null;
  /** Peak resident memory of the child, in MiB (`process.resourceUsage().maxRSS`). */
  maxRssMiB: number;
  /** Wall time, in seconds. */
  seconds: number;
  /** CPU time of the child (user and system), in seconds: less sensitive than wall time to a loaded machine. */
  cpuSeconds?: number;
  /** Problem codes of the JSON report, in order (empty when stdout was not JSON). */
  problemCodes: string[];
  articles: number;
  stderr: string;
}

/**
 * Run `parallax extract <file> --format json` in a child process, its JSON
 * written to a file beside the input, and read back its exit code, problem
 * codes, time and peak memory. The peak comes from a module preloaded with
 * `--import` that writes `process.resourceUsage().maxRSS` when the process
 * exits (portable, unlike `/usr/bin/time -v`).
 */
export async function runExtract(
  file: string,
  folder: string,
  extraArgs: string[] = [],
): Promise<CliRun> {
  const rssFile = path.join(folder, `${path.basename(file)}.rss`);
  const outFile = path.join(folder, `${path.basename(file)}.out.json`);
  const preload = path.join(folder, 'max-rss.mjs');
  writeFileSync(
    preload,
    `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { const u = process.resourceUsage(); writeFileSync(${JSON.stringify(rssFile)}, \`\${u.maxRSS} \${u.userCPUTime + u.systemCPUTime}\`); });\n`,
  );
  const started = performance.now();
  const out = openSync(outFile, 'w');
  const child = spawn(
    process.execPath,
    [
      '--import',
      preload,
      path.join(ROOT, 'src', 'cli', 'main.ts'),
      'extract',
      file,
      '--format',
      'json',
      '--quiet',
      ...extraArgs,
    ],
    { cwd: folder, stdio: ['ignore', out, 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    if (stderr.length < 100_000) stderr += chunk.toString();
  });
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  closeSync(out);
  const seconds = (performance.now() - started) / 1000;
  let problemCodes: string[] = [];
  let articles = 0;
  try {
    const report = JSON.parse(readFileSync(outFile, 'utf8')) as {
      problems: Array<{ code: string }>;
      articles: unknown[];
    };
    problemCodes = report.problems.map((p) => p.code);
    articles = report.articles.length;
  } catch {
    // No JSON: the run crashed; the exit code and stderr say how.
  }
  let maxRssMiB = Number.NaN;
  let cpuSeconds = Number.NaN;
  try {
    const [rss, cpu] = readFileSync(rssFile, 'utf8').split(' ');
    maxRssMiB = Number(rss) / 1024;
    cpuSeconds = Number(cpu) / 1e6;
  } catch {
    // The child died before its exit handler ran (killed, out of memory).
  }
  return { exitCode, maxRssMiB, seconds, cpuSeconds, problemCodes, articles, stderr };
}
