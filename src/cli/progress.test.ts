import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { createProgress } from './progress.ts';

function terminal(columns = 80) {
  const writes: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        writes.push(chunk.toString());
        callback();
      },
    }),
    { columns },
  );
  return { stream, writes };
}

test('createProgress(stream) draws nothing during the first moments of a run', () => {
  const { stream, writes } = terminal();
  let time = 1000;
  const progress = createProgress(stream, () => time);
  progress.update('read', 1, 10, 'a.html');
  time += 100;
  progress.update('read', 2, 10, 'b.html');
  progress.done();
  assert.deepEqual(writes, []);
});

test('createProgress(stream) draws a bar in place once a run takes long, and erases it when done', () => {
  const { stream, writes } = terminal();
  let time = 0;
  const progress = createProgress(stream, () => time);
  time = 500;
  progress.update('read', 5, 10, 'news/e.html');
  assert.equal(writes.length, 1);
  assert.equal(writes[0], '\r\u001b[2Kread 5/10 [##########          ] news/e.html');
  time = 520;
  progress.update('read', 6, 10, 'news/f.html');
  assert.equal(writes.length, 1, 'no redraw within 100 ms');
  time = 700;
  progress.update('extract', 0);
  assert.equal(writes[1], '\r\u001b[2Kextract 0');
  progress.done();
  assert.equal(writes[2], '\r\u001b[2K');
});

test('createProgress(stream) cuts the line to the width of the terminal', () => {
  const { stream, writes } = terminal(30);
  let time = 0;
  const progress = createProgress(stream, () => time);
  time = 1000;
  progress.update('read', 1, undefined, 'a/very/long/path/to/some/article.html');
  const line = (writes[0] ?? '').replace('\r\u001b[2K', '');
  assert.equal(line.length, 29);
  assert.ok(line.endsWith('…'));
});
