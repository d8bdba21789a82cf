import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { IoError } from '../io/index.ts';
import { UsageError } from './exit-code.ts';
import { chooseFormat, writeOutputFile } from './output.ts';

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
