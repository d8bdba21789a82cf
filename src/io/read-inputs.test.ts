import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { RawInput } from '../ingest/index.ts';
import type { Problem } from '../model/index.ts';
import { IoError } from './io-error.ts';
import { type ReadOptions, readInputs } from './read-inputs.ts';

let root = '';
let outside = '';
let socketServer: net.Server | undefined;

before(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'parallax-read-'));
  outside = await mkdtemp(path.join(os.tmpdir(), 'parallax-outside-'));
  const files: Record<string, string | Buffer> = {
    'news/b.md': '# B',
    'news/a.txt': 'A text',
    'news/sub/c.html': '<p>C</p>',
    'news/sub/d.jsonl.gz': gzipSync('{"text": "d"}\n'),
    'news/Z.xml': '<rss/>',
    'news/.hidden.txt': 'hidden',
    'news/.git/config.txt': 'hidden folder',
    'news/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]),
    'news/style.css': 'p {}',
    'news/README': 'no extension',
    'one.txt': 'one',
    'two.txt': 'two',
    'big.txt': 'x'.repeat(100),
  };
  for (const [name, body] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), body);
  }
  await writeFile(path.join(outside, 'secret.txt'), 'outside the folder');
  await symlink(path.join(root, 'news/a.txt'), path.join(root, 'news/sub/link-inside.txt'));
  await symlink(path.join(outside, 'secret.txt'), path.join(root, 'news/sub/link-outside.txt'));
  await symlink(path.join(root, 'news/nowhere.txt'), path.join(root, 'news/sub/broken.txt'));
  await symlink(path.join(root, 'news'), path.join(root, 'news/sub/loop'));
});

after(async () => {
  socketServer?.close();
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

async function collect(
  specs: string[],
  options: Partial<ReadOptions> = {},
): Promise<Array<RawInput | Problem>> {
  const items: Array<RawInput | Problem> = [];
  for await (const item of readInputs(specs, { cwd: root, ...options })) items.push(item);
  return items;
}

function summary(items: Array<RawInput | Problem>): string[] {
  return items.map((item) => ('bytes' in item ? item.location : `${item.code} ${item.source}`));
}

test('readInputs([folder]) walks it in sorted order, skipping hidden files and links that leave it', async () => {
  const items = await collect(['news']);
  assert.deepEqual(summary(items), [
    'news/README',
    'news/Z.xml',
    'news/a.txt',
    'news/b.md',
    'ingest/broken-symlink news/sub/broken.txt',
    'news/sub/c.html',
    'news/sub/d.jsonl.gz',
    'news/sub/link-inside.txt',
    'ingest/symlink-skipped news/sub/link-outside.txt',
    'ingest/skipped-files news',
  ]);
  const skipped = items.at(-1) as Problem;
  assert.equal(skipped.severity, 'warning');
  assert.match(skipped.message, /Skipped 2 files.*\.css ×1, \.png ×1/);
  const a = items[2] as RawInput;
  assert.equal(Buffer.from(a.bytes).toString(), 'A text');
});

test('readInputs([folder], {followSymlinks}) also reads links that lead outside the folder', async () => {
  const items = await collect(['news/sub/'], { followSymlinks: true });
  const outsideItem = items.find(
    (item) => 'bytes' in item && item.location === 'news/sub/link-outside.txt',
  ) as RawInput;
  assert.equal(Buffer.from(outsideItem.bytes).toString(), 'outside the folder');
  assert.ok(summary(items).includes('news/sub/loop/a.txt'));
});

test('readInputs([glob]) reads the sorted matches and reports a glob that matches nothing', async () => {
  const items = await collect(['*.txt', 'nothing-*.md']);
  assert.deepEqual(summary(items), [
    'big.txt',
    'one.txt',
    'two.txt',
    'ingest/glob-no-match nothing-*.md',
  ]);
});

test('readInputs(specs) reports missing paths, too-large files and repeats, and carries on', async () => {
  const items = await collect(
    ['missing.txt', 'big.txt', 'one.txt', './one.txt', 'news/sub/../a.txt'],
    { maxBytes: 50 },
  );
  assert.deepEqual(summary(items), [
    'ingest/not-found missing.txt',
    'ingest/too-large big.txt',
    'one.txt',
    'ingest/duplicate-input one.txt',
    'news/a.txt',
  ]);
  assert.match((items[0] as Problem).message, /No such file or folder: missing\.txt/);
  assert.match((items[1] as Problem).message, /100 bytes, more than the 50 allowed/);
});

test('readInputs([socket]) reports a path that is not a regular file as unreadable', async () => {
  const socketPath = path.join(root, 'news.sock');
  socketServer = net.createServer();
  await new Promise<void>((resolve) => socketServer?.listen(socketPath, resolve));
  const items = await collect(['news.sock', 'one.txt']);
  assert.deepEqual(summary(items), ['ingest/unreadable news.sock', 'one.txt']);
  assert.match((items[0] as Problem).message, /not a regular file/);
});

test('readInputs([file]) reports a file without read permission as unreadable', async (t) => {
  if (process.getuid?.() === 0) {
    t.skip('running as root: permissions do not stop root from reading');
    return;
  }
  const locked = path.join(root, 'locked.txt');
  await writeFile(locked, 'secret');
  await chmod(locked, 0o000);
  const items = await collect(['locked.txt']);
  assert.deepEqual(summary(items), ['ingest/unreadable locked.txt']);
  assert.match((items[0] as Problem).message, /Permission denied/);
});

test('readInputs(["-"]) reads standard input once, and reports "-" without a stream', async () => {
  const items = await collect(['-', '-'], {
    stdin: Readable.from([Buffer.from('piped '), Buffer.from('text')]),
  });
  assert.deepEqual(summary(items), ['-', 'ingest/duplicate-input -']);
  assert.equal(Buffer.from((items[0] as RawInput).bytes).toString(), 'piped text');
  assert.deepEqual(summary(await collect(['-'])), ['ingest/no-stdin -']);
});

test('readInputs([url]) fetches http(s) URLs and turns fetch failures into problems', async () => {
  const fetched: string[] = [];
  const fetch = async (url: string): Promise<RawInput> => {
    fetched.push(url);
    if (url.endsWith('/gone')) {
      throw new IoError('io/http-status', `${url} answered HTTP 410 Gone`, url, { status: 410 });
    }
    return { location: url, bytes: Buffer.from('<p>page</p>'), contentType: 'text/html', url };
  };
  const items = await collect(
    ['https://news.example/a', 'https://news.example/gone', 'ftp://news.example/x', 'one.txt'],
    {
      fetch,
    },
  );
  assert.deepEqual(summary(items), [
    'https://news.example/a',
    'ingest/fetch-failed https://news.example/gone',
    'ingest/bad-url ftp://news.example/x',
    'one.txt',
  ]);
  assert.match((items[1] as Problem).message, /HTTP 410/);
  assert.deepEqual(fetched, ['https://news.example/a', 'https://news.example/gone']);
});

test('readInputs([loopback url]) without allowPrivate gives a clear fetch-refused problem', async () => {
  const items = await collect(['http://127.0.0.1:9/feed.xml', 'http://[::1]:9/x']);
  assert.deepEqual(summary(items), [
    'ingest/fetch-refused http://127.0.0.1:9/feed.xml',
    'ingest/fetch-refused http://[::1]:9/x',
  ]);
  assert.match((items[0] as Problem).message, /loopback address.*--allow-private/);
});

test('readInputs(specs, options) with bad arguments is misuse and throws', async () => {
  await assert.rejects(collect([42 as unknown as string]), TypeError);
  await assert.rejects(readInputs(['a'], { cwd: '' }).next(), TypeError);
  await assert.rejects(collect(['a'], { maxBytes: 0 }), RangeError);
});
