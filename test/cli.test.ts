import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { COMMANDS, main } from '../src/cli/main.ts';
import { type InProcessRun, runInProcess } from '../src/cli/run-in-process.case.ts';
import type { Analysis } from '../src/model/index.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLE = 'examples/harbour-crane';
const EXAMPLE_FILES = [
  'coastline-courier.html',
  'freightline-weekly.html',
  'mpa-wire.txt',
  'northern-ledger.txt',
  'tidewater-lantern.md',
];
const ESCAPE = '\u001b[';

/** Run `parallax <argv>` in process on fake streams (`tty`: both are terminals). */
function run(
  argv: string[],
  options: {
    cwd?: string;
    stdin?: string;
    env?: Record<string, string | undefined>;
    tty?: boolean;
  } = {},
): Promise<InProcessRun> {
  const { tty, cwd, ...rest } = options;
  return runInProcess(main, argv, {
    ...rest,
    cwd: cwd ?? ROOT,
    stdoutIsTTY: tty,
    stderrIsTTY: tty,
  });
}

let scratch = '';
before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'parallax-cli-'));
});
after(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A fresh folder inside the scratch folder. */
async function folder(name: string): Promise<string> {
  const path = join(scratch, name);
  await mkdir(path, { recursive: true });
  return path;
}

test('parallax --help lists every command and exits 0', async () => {
  const result = await run(['--help']);
  assert.equal(result.code, 0);
  for (const command of COMMANDS) assert.match(result.stdout, new RegExp(`\\n  ${command.name} `));
  assert.equal(result.stderr, '');
});

test('parallax --version prints the version of package.json', async () => {
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const result = await run(['--version']);
  assert.equal(result.code, 0);
  assert.equal(result.stdout, `${pkg.version}\n`);
});

for (const command of COMMANDS) {
  test(`parallax ${command.name} --help and parallax help ${command.name} print the same help with exit codes`, async () => {
    const viaFlag = await run([command.name, '--help']);
    const viaHelp = await run(['help', command.name]);
    assert.equal(viaFlag.code, 0);
    assert.equal(viaHelp.code, 0);
    assert.equal(viaFlag.stdout, viaHelp.stdout);
    assert.match(viaFlag.stdout, new RegExp(`^Usage: parallax ${command.name}`));
    assert.match(viaFlag.stdout, /Exit codes:/);
  });
}

test('parallax analyze --help and extract --help show examples', async () => {
  for (const name of ['analyze', 'extract']) {
    const result = await run([name, '--help']);
    assert.match(result.stdout, new RegExp(`Examples:\\n  parallax ${name} `));
  }
});

const USAGE_ERRORS: [string, string[], RegExp][] = [
  ['no arguments', [], /Usage: parallax/],
  ['an unknown command', ['frobnicate'], /Unknown command 'frobnicate'/],
  ['help for an unknown command', ['help', 'frobnicate'], /Unknown command 'frobnicate'/],
  ['analyze without inputs', ['analyze'], /Expected at least one input/],
  ['an unknown option', ['analyze', '--frobnicate', EXAMPLE], /Unknown option '--frobnicate'/],
  [
    'an unknown format',
    ['extract', '--format', 'xml', EXAMPLE],
    /Expected --format to be one of json, md, html, got 'xml'/,
  ],
  [
    '-o with an unknown extension',
    ['extract', '-o', 'out.txt', EXAMPLE],
    /Expected -o FILE to end in \.json, \.md or \.html/,
  ],
  [
    'a bad --timeout',
    ['analyze', '--timeout', 'soon', EXAMPLE],
    /Expected --timeout to be a positive number/,
  ],
  ['an option missing its value', ['analyze', EXAMPLE, '--format'], /--format/],
];
for (const [what, argv, message] of USAGE_ERRORS) {
  test(`parallax exits 2 with a message on stderr for ${what}`, async () => {
    const result = await run(argv);
    assert.equal(result.code, 2);
    assert.match(result.stderr, message);
    assert.equal(result.stdout, '');
  });
}

test('parallax analyze examples/harbour-crane --format json gives the five articles, each with a headline', async () => {
  const result = await run(['analyze', EXAMPLE, '--format', 'json']);
  assert.equal(result.code, 0, result.stderr);
  const analysis = JSON.parse(result.stdout) as Analysis;
  assert.equal(analysis.schemaVersion, 1);
  assert.deepEqual(
    analysis.articles.map((a) => a.source),
    EXAMPLE_FILES.map((f) => `${EXAMPLE}/${f}`),
  );
  for (const article of analysis.articles) {
    assert.ok(article.headline && article.headline.length > 10, `${article.source} has a headline`);
    assert.ok(article.paragraphs.length >= 5, `${article.source} has a body`);
  }
  assert.ok(Array.isArray(analysis.stories) && Array.isArray(analysis.topics));
});

test('parallax analyze writes the same bytes when run twice on the same input', async () => {
  const first = await run(['analyze', EXAMPLE, '--format', 'json']);
  const second = await run(['analyze', `${EXAMPLE}/`, '--format', 'json']);
  assert.equal(first.code, 0);
  assert.equal(first.stdout, second.stdout);
});

test('parallax analyze sorts articles by source whatever order the inputs are given in', async () => {
  const files = EXAMPLE_FILES.map((f) => `${EXAMPLE}/${f}`);
  const forward = await run(['extract', '--format', 'json', ...files]);
  const backward = await run(['extract', '--format', 'json', ...[...files].reverse()]);
  assert.equal(forward.code, 0);
  assert.equal(forward.stdout, backward.stdout);
});

test('parallax extract writes the analysis shape with empty stories and topics', async () => {
  const result = await run(['extract', `${EXAMPLE}/mpa-wire.txt`, '--format', 'json']);
  assert.equal(result.code, 0, result.stderr);
  const analysis = JSON.parse(result.stdout) as Analysis;
  assert.deepEqual(Object.keys(analysis), [
    'schemaVersion',
    'articles',
    'stories',
    'topics',
    'problems',
  ]);
  assert.equal(analysis.articles.length, 1);
  assert.deepEqual(analysis.stories, []);
  assert.deepEqual(analysis.topics, []);
});

test('parallax extract - reads the article from standard input', async () => {
  const wire = await readFile(join(ROOT, EXAMPLE, 'mpa-wire.txt'), 'utf8');
  const result = await run(['extract', '-', '--format', 'json'], { stdin: wire });
  assert.equal(result.code, 0, result.stderr);
  const analysis = JSON.parse(result.stdout) as Analysis;
  assert.equal(analysis.articles.length, 1);
  assert.equal(analysis.articles[0]?.source, '-');
  assert.match(analysis.articles[0]?.text ?? '', /crane collapsed onto a cargo vessel/);
});

test('parallax analyze -o out.json writes the JSON report to the file and nothing to stdout', async () => {
  const dir = await folder('out-json');
  const result = await run(['analyze', join(ROOT, EXAMPLE), '-o', 'out.json'], { cwd: dir });
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /Wrote out\.json: 5 articles/);
  const analysis = JSON.parse(await readFile(join(dir, 'out.json'), 'utf8')) as Analysis;
  assert.equal(analysis.articles.length, 5);
});

test('parallax extract -o out.md writes a Markdown listing with each article and its removed blocks', async () => {
  const dir = await folder('out-md');
  const result = await run(['extract', join(ROOT, EXAMPLE), '-o', 'out.md', '--quiet'], {
    cwd: dir,
  });
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stderr, '');
  const markdown = await readFile(join(dir, 'out.md'), 'utf8');
  assert.match(markdown, /^# parallax analysis\n/);
  const json = JSON.parse((await run(['extract', EXAMPLE, '--format', 'json'])).stdout) as Analysis;
  for (const article of json.articles) {
    assert.ok(markdown.includes(article.source), `lists ${article.source}`);
  }
  assert.equal(markdown.match(/^#### Removed blocks \(\d+\)$/gm)?.length, 5);
});

test('parallax analyze -o out.md writes the brief report citing every article of the story', async () => {
  const dir = await folder('out-brief-md');
  const result = await run(['analyze', join(ROOT, EXAMPLE), '-o', 'out.md', '--quiet'], {
    cwd: dir,
  });
  assert.equal(result.code, 0, result.stderr);
  const markdown = await readFile(join(dir, 'out.md'), 'utf8');
  assert.match(markdown, /^# parallax report\n/);
  assert.match(markdown, /^### The story$/m);
  for (const file of ['mpa-wire.txt', 'coastline-courier.html', 'northern-ledger.txt']) {
    assert.ok(markdown.includes(file), `cites ${file}`);
  }
});

test('parallax analyze --format md escapes Markdown in article text', async () => {
  const dir = await folder('escape');
  await writeFile(
    join(dir, 'stars.txt'),
    'Stars and *asterisks* in the news\n\nThe council said the *temporary* closure of the [old] bridge on Main Street would last until June, and that # signs would go up on Monday.\n\nResidents said they had heard nothing about the plan before the notices went up on the bridge.\n',
  );
  const result = await run(['extract', 'stars.txt', '--format', 'md'], { cwd: dir });
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /\\\*temporary\\\*/);
});

test('parallax analyze prints a summary with headlines, outlets and removed blocks by default', async () => {
  const result = await run(['analyze', EXAMPLE]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^5 articles from 5 sources/);
  for (const file of EXAMPLE_FILES) assert.ok(result.stdout.includes(`${EXAMPLE}/${file}`));
  assert.match(result.stdout, /removed \d+ blocks?: /);
  assert.ok(!result.stdout.includes(ESCAPE), 'no colour when stdout is not a terminal');
});

test('parallax analyze colours the summary on a terminal unless NO_COLOR is set', async () => {
  const coloured = await run(['analyze', EXAMPLE, '--no-progress'], { tty: true });
  assert.ok(coloured.stdout.includes(ESCAPE));
  const plain = await run(['analyze', EXAMPLE, '--no-progress'], {
    tty: true,
    env: { NO_COLOR: '1' },
  });
  assert.equal(plain.code, 0);
  assert.ok(!plain.stdout.includes(ESCAPE));
  assert.ok(!plain.stderr.includes(ESCAPE));
});

test('parallax analyze keeps the good articles of a batch with one bad file and locates the problem', async () => {
  const dir = await folder('one-bad');
  await copyFile(join(ROOT, EXAMPLE, 'mpa-wire.txt'), join(dir, 'good.txt'));
  await writeFile(join(dir, 'empty.html'), '');
  const result = await run(['analyze', '.', 'missing.txt', '--format', 'json'], { cwd: dir });
  assert.equal(result.code, 0, result.stderr);
  const analysis = JSON.parse(result.stdout) as Analysis;
  assert.deepEqual(
    analysis.articles.map((a) => a.source),
    ['good.txt'],
  );
  const sources = analysis.problems.map((p) => p.source);
  assert.ok(sources.includes('empty.html'), `a problem located at empty.html, got ${sources}`);
  assert.ok(sources.includes('missing.txt'), `a problem located at missing.txt, got ${sources}`);
  assert.match(result.stderr, /^empty\.html: error: /m);
});

test('parallax analyze exits 1 when nothing could be read', async () => {
  const dir = await folder('all-bad');
  await writeFile(join(dir, 'empty.txt'), '');
  const result = await run(['analyze', 'empty.txt', 'missing.html', '--format', 'json'], {
    cwd: dir,
  });
  assert.equal(result.code, 1);
  const analysis = JSON.parse(result.stdout) as Analysis;
  assert.equal(analysis.articles.length, 0);
  assert.ok(analysis.problems.length >= 2);
  assert.match(result.stderr, /nothing could be read from 2 inputs/);
});

test('parallax analyze exits 3 when the output file cannot be written', async () => {
  const dir = await folder('unwritable');
  const result = await run(['analyze', join(ROOT, EXAMPLE), '-o', 'no/such/folder/out.json'], {
    cwd: dir,
  });
  assert.equal(result.code, 3);
  assert.match(result.stderr, /Cannot write no\/such\/folder\/out\.json/);
});
