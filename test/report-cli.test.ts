import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../src/cli/main.ts';
import { chooseFormat, openCommand } from '../src/cli/output.ts';
import { type InProcessRun, runInProcess } from '../src/cli/run-in-process.case.ts';
import { repoRoot } from './report-example.case.ts';

function run(argv: string[], cwd = repoRoot()): Promise<InProcessRun> {
  return runInProcess(main, argv, { cwd });
}

test('chooseFormat(format, output) picks the HTML report from a .html or .htm file name', () => {
  assert.equal(chooseFormat(undefined, 'report.html'), 'html');
  assert.equal(chooseFormat(undefined, 'REPORT.HTM'), 'html');
  assert.equal(chooseFormat('html', 'report.txt'), 'html');
});

test('parallax analyze <inputs> -o report.html writes one self-contained HTML page', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'parallax-report-'));
  try {
    const result = await run(
      ['analyze', join(repoRoot(), 'examples/harbour-crane'), '-o', 'report.html', '-q'],
      dir,
    );
    assert.equal(result.code, 0, result.stderr);
    const html = await readFile(join(dir, 'report.html'), 'utf8');
    assert.match(html, /^<!doctype html>/);
    assert.match(
      html,
      /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/,
    );
    assert.doesNotMatch(html, /<(?:link|img|iframe)\b|\ssrc=/, 'nothing is loaded from elsewhere');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('parallax analyze --open without -o is a usage error', async () => {
  const result = await run(['analyze', 'examples/harbour-crane', '--open']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /Expected -o FILE with --open/);
});

test('openCommand(platform, path) uses the desktop opener of each system', () => {
  assert.deepEqual(openCommand('linux', '/tmp/r.html'), {
    command: 'xdg-open',
    args: ['/tmp/r.html'],
  });
  assert.deepEqual(openCommand('darwin', '/tmp/r.html'), {
    command: 'open',
    args: ['/tmp/r.html'],
  });
  assert.deepEqual(openCommand('win32', 'C:\\r.html'), {
    command: 'cmd',
    args: ['/c', 'start', '', 'C:\\r.html'],
  });
});
