import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { groupCommand } from './group.ts';
import { runInProcess } from './run-in-process.case.ts';

const run = (args: string[], cwd: string) =>
  runInProcess((a, io) => groupCommand.run(a, io), args, { cwd });

const WIRE = `Rescue teams searched collapsed buildings in Elazig through the night after a magnitude 6.8 earthquake struck eastern Turkey on Friday, killing at least 18 people, the disaster agency AFAD said. The quake was centred in Sivrice near Lake Hazar and was felt in Syria and Iran.

Interior Minister Suleyman Soylu said 30 people had been rescued from the rubble in Elazig and Malatya, and more than 550 were injured.`;

test('parallax group FILES --format json prints the stories with their relations alone', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'parallax-group-'));
  try {
    await writeFile(join(dir, 'a.txt'), `Earthquake kills 18 in Turkey\n\n${WIRE}\n`);
    await writeFile(
      join(dir, 'b.txt'),
      `Turkey quake toll rises\n\n${WIRE.replace('centred', 'centered')}\n`,
    );
    const r = await run(['a.txt', 'b.txt', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(json), ['stories', 'topics', 'problems']);
    assert.equal(json.stories.length, 1);
    assert.equal(json.stories[0].articleIds.length, 2);
    assert.equal(json.stories[0].relations[0].kind, 'duplicate');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('parallax group FILES prints a short summary, and rejects an unknown format', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'parallax-group-'));
  try {
    await writeFile(join(dir, 'a.txt'), `Earthquake kills 18 in Turkey\n\n${WIRE}\n`);
    const r = await run(['a.txt'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /^1 article\(s\), 1 stories \(0 with two or more articles\), 1 topic\(s\)/,
    );
    await assert.rejects(run(['a.txt', '--format', 'xml'], dir), /Expected --format/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
