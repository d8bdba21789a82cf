import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readInputs } from '../src/io/index.ts';
import type { Problem } from '../src/model/index.ts';

// Where parallax reads and writes on disk: a folder walk stays inside the
// folder unless asked to follow links out, link loops end, globs follow
// the same rule, special files never block a read, and a run writes its
// report and nothing else anywhere.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ARTICLE =
  'MOSCOW (Reuters) - Russia will supply arms to Central Asian states, the minister said on Tuesday.\n\nThe council met and voted for the harbour budget after a long debate, officials told reporters.\n';

let top = '';

before(() => {
  top = mkdtempSync(path.join(os.tmpdir(), 'parallax-paths-'));
  // top/news: the folder read; top/private: what must not leak into it.
  mkdirSync(path.join(top, 'news', 'sub'), { recursive: true });
  mkdirSync(path.join(top, 'private', 'deeper'), { recursive: true });
  writeFileSync(path.join(top, 'news', 'a.txt'), ARTICLE);
  writeFileSync(path.join(top, 'news', 'sub', 'b.txt'), ARTICLE);
  writeFileSync(path.join(top, 'private', 'secret.txt'), 'SECRET outside the folder');
  writeFileSync(path.join(top, 'private', 'deeper', 'secret2.txt'), 'SECRET two');
  // Links out: a file, a folder, the parent (which holds the folder itself: a loop once followed).
  symlinkSync('../private/secret.txt', path.join(top, 'news', 'secret-link.txt'));
  symlinkSync('../../private', path.join(top, 'news', 'sub', 'private-dir'));
  symlinkSync('..', path.join(top, 'news', 'up'));
  symlinkSync('/etc/passwd', path.join(top, 'news', 'passwd.txt'));
  // Loops: a folder linking to itself, two links pointing at each other, a link to its own folder.
  symlinkSync('.', path.join(top, 'news', 'sub', 'self'));
  symlinkSync('ping.txt', path.join(top, 'news', 'pong.txt'));
  symlinkSync('pong.txt', path.join(top, 'news', 'ping.txt'));
  symlinkSync('../sub', path.join(top, 'news', 'sub', 'again'));
});

after(() => {
  rmSync(top, { recursive: true, force: true });
});

async function readAll(specs: string[], followSymlinks = false) {
  const read: string[] = [];
  const problems: Problem[] = [];
  for await (const item of readInputs(specs, { cwd: top, followSymlinks })) {
    if ('bytes' in item) read.push(item.location);
    else problems.push(item);
  }
  return { read, problems };
}

test('readInputs(folder) reads no file through a link leading out of the folder, and says so', async () => {
  const { read, problems } = await readAll(['news']);
  assert.deepEqual(read, ['news/a.txt', 'news/sub/b.txt']);
  const skipped = problems
    .filter((p) => p.code === 'ingest/symlink-skipped')
    .map((p) => p.source)
    .sort();
  assert.deepEqual(skipped, [
    'news/passwd.txt',
    'news/secret-link.txt',
    'news/sub/private-dir',
    'news/up',
  ]);
  assert.ok(problems.every((p) => p.severity === 'warning'));
});

test('readInputs(folder, followSymlinks) follows links out, yet reads each file once and ends on link loops', async () => {
  const { read } = await readAll(['news'], true);
  assert.ok(read.includes('news/secret-link.txt'));
  assert.ok(read.includes('news/sub/private-dir/secret.txt'));
  assert.ok(read.includes('news/passwd.txt'));
  // 'up' leads to the parent, which holds news/ again: walked once, never round the loop.
  assert.equal(read.filter((location) => location.endsWith('/a.txt')).length, 1);
  assert.equal(read.filter((location) => location.endsWith('secret2.txt')).length, 1);
  assert.equal(new Set(read).size, read.length);
});

test('readInputs(folder) ends on links to themselves, to each other and to their own folder', async () => {
  for (const follow of [false, true]) {
    const { read, problems } = await readAll(['news/sub'], follow);
    assert.deepEqual(
      read.filter((location) => !location.includes('private-dir')),
      ['news/sub/b.txt'],
      `followSymlinks ${follow}`,
    );
    assert.ok(!problems.some((p) => p.severity === 'error'));
  }
  const { problems } = await readAll(['news']);
  const broken = problems.filter((p) => p.code === 'ingest/broken-symlink').map((p) => p.source);
  assert.deepEqual(broken.sort(), ['news/ping.txt', 'news/pong.txt']);
});

test('readInputs(glob) skips a matched link that leads out of the glob folder, unless links are followed', async () => {
  const { read, problems } = await readAll(['news/*.txt']);
  assert.deepEqual(read, ['news/a.txt']);
  assert.deepEqual(
    problems.filter((p) => p.code === 'ingest/symlink-skipped').map((p) => p.source),
    ['news/passwd.txt', 'news/secret-link.txt'],
  );
  const followed = await readAll(['news/*.txt'], true);
  assert.ok(followed.read.includes('news/secret-link.txt'));
});

test('readInputs(a link named on the command line) reads it: naming a path is asking for it', async () => {
  const { read } = await readAll(['news/secret-link.txt']);
  assert.deepEqual(read, ['news/secret-link.txt']);
});

test('readInputs never blocks on a FIFO or a device, in a folder, behind a link or named', async () => {
  const folder = path.join(top, 'special');
  mkdirSync(folder);
  try {
    execFileSync('mkfifo', [path.join(folder, 'pipe.txt')]);
  } catch {
    // No mkfifo on this system: the device cases below still run.
  }
  symlinkSync('/dev/zero', path.join(folder, 'zero.txt'));
  symlinkSync('/dev/urandom', path.join(folder, 'random.txt'));
  writeFileSync(path.join(folder, 'ok.txt'), ARTICLE);
  const walked = await readAll(['special'], true);
  assert.deepEqual(walked.read, ['special/ok.txt']);
  const named = await readAll(['special/zero.txt', '/dev/zero']);
  assert.deepEqual(named.read, []);
  assert.deepEqual(
    named.problems.map((p) => p.code),
    ['ingest/unreadable', 'ingest/unreadable'],
  );
});

/** Every path under a folder, relative, sorted. */
function listing(folder: string): string[] {
  return (readdirSync(folder, { recursive: true }) as string[]).sort();
}

function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number | null> {
  const child = spawn(process.execPath, [path.join(ROOT, 'src', 'cli', 'main.ts'), ...args], {
    cwd,
    env,
    stdio: 'ignore',
  });
  return new Promise((resolve) => child.on('close', resolve));
}

test('parallax extract -o FILE writes that file and nothing else: not in the working folder, the temp folder or home', async () => {
  const work = path.join(top, 'work');
  const tmp = path.join(top, 'tmp');
  const home = path.join(top, 'home');
  for (const folder of [work, tmp, home]) mkdirSync(folder);
  mkdirSync(path.join(work, 'in'));
  mkdirSync(path.join(work, 'reports'));
  writeFileSync(path.join(work, 'in', 'story.txt'), ARTICLE);
  writeFileSync(
    path.join(work, 'in', 'page.html'),
    `<html><body><article><p>${ARTICLE}</p></article></body></html>`,
  );
  const before = listing(work);
  const env = { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp, HOME: home, NO_COLOR: '1' };
  const code = await runCli(['extract', 'in', '-o', 'reports/out.json', '--quiet'], work, env);
  assert.equal(code, 0);
  assert.deepEqual(listing(work), [...before, path.join('reports', 'out.json')].sort());
  assert.deepEqual(listing(tmp), []);
  assert.deepEqual(listing(home), []);
});

test('parallax extract -o into a missing folder fails and leaves no temporary file behind', async () => {
  const work = path.join(top, 'work-fail');
  mkdirSync(work);
  writeFileSync(path.join(work, 'story.txt'), ARTICLE);
  const code = await runCli(['extract', 'story.txt', '-o', 'missing/out.json', '--quiet'], work, {
    ...process.env,
    NO_COLOR: '1',
  });
  assert.notEqual(code, 0);
  assert.deepEqual(listing(work), ['story.txt']);
});
