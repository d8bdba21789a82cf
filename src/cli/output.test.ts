import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { IoError } from '../io/index.ts';
import { UsageError } from './exit-code.ts';
import { chooseFormat, writeOutputFile, writeToStream } from './output.ts';

test('chooseFormat(format, output) takes --format first, then the extension of -o', () => {
  assert.equal(chooseFormat('md', 'report.json'), 'md');
  assert.equal(chooseFormat('markdown', undefined), 'md');
  assert.equal(chooseFormat(undefined, 'report.JSON'), 'json');
  assert.equal(chooseFormat(undefined, 'out/report.md'), 'md');
  assert.equal(chooseFormat(undefined, undefined), undefined);
});

test('chooseFormat(format, output) rejects an unknown format or extension as a usage error', () => {
  assert.throws(() => chooseFormat('xml', undefined), UsageError);
  assert.throws(() => chooseFormat(undefined, 'report.txt'), UsageError);
  assert.throws(() => chooseFormat(undefined, 'report'), UsageError);
});

test('writeOutputFile(path) replaces the file whole and leaves no temporary file behind', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'parallax-output-'));
  try {
    await writeOutputFile('out.json', '{"a":1}\n', dir);
    await writeOutputFile('out.json', '{"b":2}\n', dir);
    assert.equal(await readFile(join(dir, 'out.json'), 'utf8'), '{"b":2}\n');
    assert.deepEqual(await readdir(dir), ['out.json']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('writeOutputFile(path) throws an io/unwritable IoError naming the file it could not write', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'parallax-output-'));
  try {
    await assert.rejects(writeOutputFile('missing/out.json', 'x', dir), (error) => {
      assert.ok(error instanceof IoError);
      assert.equal(error.code, 'io/unwritable');
      assert.equal(
        error.message,
        'Cannot write missing/out.json: the folder does not exist (ENOENT)',
      );
      return true;
    });
    assert.deepEqual(await readdir(dir), []);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

/** A slow stream: each write completes a tick later; `failAt` makes that write fail. */
function slowStream(options: { highWaterMark: number; failAt?: number }) {
  const written: string[] = [];
  const stream = new Writable({
    highWaterMark: options.highWaterMark,
    write(chunk: Buffer, _encoding, callback) {
      setImmediate(() => {
        if (written.length === options.failAt) callback(new Error('EPIPE: broken pipe'));
        else {
          written.push(chunk.toString());
          callback();
        }
      });
    },
  });
  return { stream, written };
}

test('writeToStream(stream, chunks) waits for the stream to drain instead of piling chunks up', async () => {
  const { stream, written } = slowStream({ highWaterMark: 1024 });
  let produced = 0;
  let mostAhead = 0;
  function* chunks() {
    for (let i = 0; i < 200; i++) {
      mostAhead = Math.max(mostAhead, produced - written.length);
      produced++;
      yield `${String(i).padStart(3, '0')}${'x'.repeat(597)}`;
    }
  }
  await writeToStream(stream, chunks());
  assert.equal(written.length, 200);
  assert.equal(written.join('').length, 200 * 600);
  assert.ok(written.every((chunk, i) => chunk.startsWith(String(i).padStart(3, '0'))));
  // Two 600-character chunks fill the 1 KiB buffer: the generator never runs further ahead.
  assert.ok(mostAhead <= 3, `the chunks ran ${mostAhead} ahead of the stream`);
});

test('writeToStream(stream, chunks) stops pulling chunks and throws io/unwritable once the stream fails', async () => {
  const { stream } = slowStream({ highWaterMark: 1024, failAt: 3 });
  let produced = 0;
  function* chunks() {
    for (let i = 0; i < 1000; i++) {
      produced++;
      yield 'y'.repeat(600);
    }
  }
  await assert.rejects(writeToStream(stream, chunks(), 'stdout'), (error) => {
    assert.ok(error instanceof IoError);
    assert.equal(error.code, 'io/unwritable');
    assert.match(error.message, /^Cannot write to stdout: EPIPE/);
    return true;
  });
  assert.ok(produced < 20, `${produced} chunks were made for a stream that failed at the fourth`);
});

test('writeToStream(stream, chunks) lets an error of the chunks themselves through unchanged', async () => {
  const { stream } = slowStream({ highWaterMark: 1024 });
  function* chunks() {
    yield 'a';
    throw new TypeError('Converting circular structure to JSON');
  }
  await assert.rejects(writeToStream(stream, chunks()), TypeError);
});

test('writeOutputFile(path, chunks) writes every chunk, and leaves nothing when the chunks fail midway', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'parallax-output-'));
  try {
    const chunks = Array.from({ length: 300 }, (_, i) => `${i}:${'z'.repeat(1000)}\n`);
    await writeOutputFile('out.json', chunks, dir);
    assert.equal(await readFile(join(dir, 'out.json'), 'utf8'), chunks.join(''));
    function* failing() {
      yield* chunks;
      throw new TypeError('a bug while rendering');
    }
    await assert.rejects(writeOutputFile('other.json', failing(), dir), TypeError);
    assert.deepEqual(await readdir(dir), ['out.json']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
