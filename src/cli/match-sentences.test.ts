import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { matchSentencesCommand } from './match-sentences.ts';
import { runInProcess } from './run-in-process.case.ts';

const run = (args: string[], stdin = '', cwd = process.cwd()) =>
  runInProcess((a, io) => matchSentencesCommand.run(a, io), args, { stdin, cwd });

const HEADER = '\uFEFFQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\r\n';
const SAME =
  '1\t1\t2\tUzbekistan and Tajikistan held joint military exercises with Russia near Afghanistan.\tUzbekistan and Tajikistan earlier held joint military exercises with Russia near Afghanistan.\r\n';
const OTHER =
  '0\t3\t4\tUzbekistan and Tajikistan held joint military exercises with Russia near Afghanistan.\tDmitry Peskov told a briefing that Moscow is interested in peace.\r\n';

test('match-sentences FILE prints a decision and a score per pair, tolerating a BOM and CRLF', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'parallax-match-'));
  try {
    await writeFile(join(dir, 'pairs.tsv'), HEADER + SAME + OTHER);
    const r = await run(['pairs.tsv'], '', dir);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0] ?? '', /^1\t0\.\d{4}$/);
    assert.match(lines[1] ?? '', /^0\t0\.\d{4}$/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('match-sentences - reads standard input and reports bad lines with their line number', async () => {
  const r = await run(['-'], `${HEADER}${SAME}only\ttwo columns\r\n${OTHER}`);
  assert.equal(r.code, 0);
  assert.equal(r.stdout.trimEnd().split('\n').length, 2);
  assert.match(r.stderr, /-:3: Expected 5 tab-separated columns/);
  assert.match(r.stderr, /compare\/bad-pair/);
});

test('match-sentences exits 1 when nothing could be read and 2 on wrong usage', async () => {
  assert.equal((await run(['/nonexistent/parallax/pairs.tsv'])).code, 1);
  assert.equal((await run(['-'], HEADER)).code, 1);
  assert.equal((await run([])).code, 2);
  assert.equal((await run(['a', 'b'])).code, 2);
  assert.equal((await run(['--bogus', 'a'])).code, 2);
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Usage: parallax match-sentences FILE/);
});
