import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeCommand } from './analyze.ts';
import { UsageError } from './exit-code.ts';
import { extractCommand } from './extract.ts';
import { groupCommand } from './group.ts';
import { parseByteSize, parseMaxBytes } from './max-bytes.ts';
import { runInProcess } from './run-in-process.case.ts';

test('parseByteSize(text) reads plain bytes and K, M, G binary units with an optional B or iB', () => {
  assert.equal(parseByteSize('1000'), 1000);
  assert.equal(parseByteSize('512k'), 512 * 1024);
  assert.equal(parseByteSize('64M'), 64 * 1024 * 1024);
  assert.equal(parseByteSize('64MiB'), 64 * 1024 * 1024);
  assert.equal(parseByteSize(' 1.5 GB '), 1.5 * 1024 ** 3);
  assert.equal(parseByteSize('100b'), 100);
});

test('parseByteSize(text) rejects zero, negative, malformed and unsafe sizes', () => {
  for (const text of [
    '0',
    '0.1',
    '-5',
    '',
    'M',
    '64 megabytes',
    '1e6',
    '64T',
    '5MM',
    '99999999999G',
  ]) {
    assert.equal(parseByteSize(text), undefined, text);
  }
});

test('parseMaxBytes(value) passes through no value and reports a bad one as a usage error', () => {
  assert.equal(parseMaxBytes(undefined), undefined);
  assert.equal(parseMaxBytes('2M'), 2 * 1024 * 1024);
  assert.throws(
    () => parseMaxBytes('lots'),
    (error) => {
      assert.ok(error instanceof UsageError);
      assert.match(error.message, /Expected --max-bytes to be a positive size .*got 'lots'/);
      return true;
    },
  );
});

test('parallax analyze, extract and group take --max-bytes, list it in their help and refuse a bad size as a usage error', async () => {
  for (const command of [analyzeCommand, extractCommand, groupCommand]) {
    const help = await runInProcess(command.run, ['--help']);
    assert.match(help.stdout, /--max-bytes SIZE/, command.name);
    await assert.rejects(
      runInProcess(command.run, ['missing.txt', '--max-bytes', '0']),
      (error) => error instanceof UsageError && /--max-bytes/.test(error.message),
      command.name,
    );
  }
});

test('parallax extract --max-bytes SIZE refuses standard input past the cap and reads it under', async () => {
  const article = `Crane report\n\n${'The harbour authority said the crane would be replaced. '.repeat(40)}\n`;
  const refused = await runInProcess(
    extractCommand.run,
    ['-', '--max-bytes', '1K', '--format', 'json'],
    {
      stdin: article,
    },
  );
  assert.equal(refused.code, 1);
  assert.match(refused.stdout, /ingest\/too-large/);
  const read = await runInProcess(extractCommand.run, ['-', '--max-bytes', '4K'], {
    stdin: article,
  });
  assert.equal(read.code, 0, read.stderr);
});
