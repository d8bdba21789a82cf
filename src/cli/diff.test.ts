import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { diffCommand } from './diff.ts';
import { UsageError } from './exit-code.ts';
import { runInProcess } from './run-in-process.case.ts';

const WIRE = [
  'Russia said Thursday it has received new orders for arms and helicopters from Central Asian republics bordering Afghanistan.',
  'The orders come as countries in the ex-Soviet region, where Moscow holds military bases, have raised concerns over the militant group sweeping to power.',
  'Drills involving members of the Collective Security Treaty Organization are also scheduled in Kyrgyzstan between Sept. 7 and 9.',
].join('\n\n');
const COPY = [
  'Russia said Thursday it has received new orders for arms and helicopters from Central Asian republics bordering Afghanistan.',
  'The orders come as countries in the ex-Soviet region, where Moscow holds military bases, have raised concerns over the terrorist group sweeping to power.',
  'Drills involving members of the Collective Security Treaty Organisation are also scheduled in Kyrgyzstan between September 7 and 9.',
  'Local officials said they were watching the border closely and would report any change.',
].join('\n\n');

async function run(args: string[], options: { env?: Record<string, string>; tty?: boolean } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'parallax-diff-'));
  try {
    await writeFile(join(dir, 'wire.txt'), WIRE);
    await writeFile(join(dir, 'copy.txt'), COPY);
    return await runInProcess((a, io) => diffCommand.run(a, io), args, {
      cwd: dir,
      stdin: COPY,
      env: options.env ?? {},
      stdoutIsTTY: options.tty ?? false,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const ANSI = /\u001b\[/;

test('diff a b prints each passage inline with marked edits and lists the framing change', async () => {
  const r = await run(['wire.txt', 'copy.txt', '--no-paraphrase']);
  assert.equal(r.code, 0);
  assert.equal(r.stderr, '');
  assert.doesNotMatch(r.stdout, ANSI);
  assert.match(r.stdout, /\[!militant!\]\{!terrorist!\} group/);
  assert.match(r.stdout, /\[-Organization-\]\{\+Organisation\+\}/);
  assert.match(r.stdout, /\[-Sept\.-\]\{\+September\+\} 7/);
  assert.match(r.stdout, /── only in b[^\n]*\nLocal officials said/);
  assert.match(
    r.stdout,
    /Framing changes \(loaded terms\):\n {2}militant → terrorist {2}\(militant, terrorist\)/,
  );
});

test('diff a b colours edits on a terminal and not when NO_COLOR is set', async () => {
  const tty = await run(['wire.txt', 'copy.txt', '--no-paraphrase'], { tty: true });
  assert.match(tty.stdout, ANSI);
  assert.doesNotMatch(tty.stdout, /\[-Organization-\]/);
  const noColor = await run(['wire.txt', 'copy.txt', '--no-paraphrase'], {
    tty: true,
    env: { NO_COLOR: '1' },
  });
  assert.doesNotMatch(noColor.stdout, ANSI);
});

test('diff --side-by-side keeps every line within --width', async () => {
  const r = await run([
    'wire.txt',
    'copy.txt',
    '--side-by-side',
    '--width',
    '60',
    '--no-paraphrase',
  ]);
  assert.equal(r.code, 0);
  const rows = r.stdout.split('\n').filter((l) => l.includes('│'));
  assert.ok(rows.length > 6);
  for (const row of rows) assert.ok(row.length <= 60, `${row.length}: ${row}`);
  assert.ok(rows.some((row) => /\[!militant!\].*│.*\{!terrorist!\}/.test(row)));
});

test('diff --format json writes the alignment with both articles', async () => {
  const r = await run(['wire.txt', '-', '--format', 'json']);
  assert.equal(r.code, 0);
  const json = JSON.parse(r.stdout);
  assert.equal(json.a.source, 'wire.txt');
  assert.equal(json.b.source, '-');
  assert.equal(json.alignment.a, json.a.id);
  assert.equal(json.alignment.passages.length, 1);
  const framing = json.alignment.passages[0].edits.filter((e: { framing: boolean }) => e.framing);
  assert.equal(framing.length, 1);
});

test('diff with one input, two stdins or a bad option is a usage error', async () => {
  await assert.rejects(run(['wire.txt']), UsageError);
  await assert.rejects(run(['-', '-']), UsageError);
  await assert.rejects(run(['wire.txt', 'copy.txt', '--format', 'md']), UsageError);
  await assert.rejects(run(['wire.txt', 'copy.txt', '--width', '10']), UsageError);
});

test('diff exits 1 with the problem when an input gives no article', async () => {
  const r = await run(['wire.txt', 'missing.txt']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /missing\.txt/);
  assert.equal(r.stdout, '');
});
