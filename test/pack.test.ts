import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

// The package as a user gets it: `npm pack` (which runs `prepare`, the
// build), one `npm install <tarball>` into a fresh project, then the
// installed `parallax` binary and the typed subpath exports. Slow (one
// install from the registry), so everything shares that one install.

const run = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'node_modules', '.bin');
/** Node 24 from the `node` devDependency first on PATH, as npm scripts have it. */
const ENV = {
  ...process.env,
  PATH: `${BIN}${delimiter}${process.env['PATH'] ?? ''}`,
  NO_COLOR: '1',
};
const SLOW = { timeout: 5 * 60_000 };

let scratch = '';
let project = '';

async function exec(
  file: string,
  args: string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(file, args, {
      cwd,
      env: ENV,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof e.code === 'number' ? e.code : -1,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? '',
    };
  }
}

before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'parallax-pack-'));
  const packed = await exec('npm', ['pack', '--pack-destination', scratch], ROOT);
  assert.equal(packed.code, 0, `npm pack failed:\n${packed.stderr}`);
  const tarball = (await readdir(scratch)).find((f) => f.endsWith('.tgz'));
  assert.ok(tarball, 'npm pack wrote a tarball');

  project = join(scratch, 'consumer');
  await mkdir(project);
  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2),
  );
  const installed = await exec(
    'npm',
    ['install', '--no-audit', '--no-fund', join(scratch, tarball)],
    project,
  );
  assert.equal(installed.code, 0, `npm install of the tarball failed:\n${installed.stderr}`);
}, SLOW);

after(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

test(
  'the packed parallax ships only dist, docs and the README, with the built CLI',
  SLOW,
  async () => {
    const files = await readdir(join(project, 'node_modules', 'parallax'));
    assert.ok(
      files.includes('dist') && files.includes('README.md') && files.includes('package.json'),
    );
    assert.ok(!files.includes('src') && !files.includes('test') && !files.includes('node_modules'));
    const main = await readFile(
      join(project, 'node_modules', 'parallax', 'dist', 'cli', 'main.js'),
      'utf8',
    );
    assert.ok(main.startsWith('#!/usr/bin/env node\n'), 'the shebang survives the build');
    const tests = await exec('find', ['node_modules/parallax/dist', '-name', '*.test.*'], project);
    assert.equal(tests.stdout, '', 'no test files in dist');
  },
);

test('the installed parallax --help runs through the npm bin link', SLOW, async () => {
  const result = await exec(join(project, 'node_modules', '.bin', 'parallax'), ['--help'], project);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^Usage: parallax <command>/);
  assert.match(result.stdout, /\n {2}extract /);
  const version = await exec(
    join(project, 'node_modules', '.bin', 'parallax'),
    ['--version'],
    project,
  );
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  assert.equal(version.stdout, `${pkg.version}\n`);
});

test('the installed parallax extract reads a small file and writes its JSON', SLOW, async () => {
  await writeFile(
    join(project, 'story.txt'),
    [
      'Ferry service resumes after storm',
      '',
      'LOWHAVEN, May 2 (MPA) - Ferries between Lowhaven and the outer islands ran again on Friday after three days of gales kept every boat in port, the operator said.',
      '',
      'The first sailing left at 7 a.m. with about 40 passengers and a load of mail, and the operator said extra crossings would run on Saturday to clear the backlog.',
      '',
      'Harbour officials said the breakwater had been inspected overnight and showed no damage.',
      '',
    ].join('\n'),
  );
  const result = await exec(
    join(project, 'node_modules', '.bin', 'parallax'),
    ['extract', 'story.txt', '--format', 'json'],
    project,
  );
  assert.equal(result.code, 0, result.stderr);
  const analysis = JSON.parse(result.stdout) as { articles: { source: string; text: string }[] };
  assert.equal(analysis.articles.length, 1);
  assert.equal(analysis.articles[0]?.source, 'story.txt');
  assert.match(analysis.articles[0]?.text ?? '', /Ferries between Lowhaven/);
});

test(
  'the typed exports of the installed package check with tsc and run, as a user imports them',
  SLOW,
  async () => {
    await writeFile(
      join(project, 'use.mts'),
      `import { analyzeSources, SCHEMA_VERSION } from 'parallax';
import { extractArticles } from 'parallax/extract';
import type { Analysis, Article, Source } from 'parallax/model';

const source: Source = {
  location: 'note.txt',
  format: 'text',
  content: 'Library reopens\\n\\nThe town library reopened on Monday after a two-month repair of its roof, the council said, and opening hours return to normal next week.\\n\\nVolunteers moved about 12,000 books back onto the shelves over the weekend.\\n',
  meta: {},
};
const { articles } = extractArticles([source], { keepAll: false });
const first: Article | undefined = articles[0];
// @ts-expect-error keepAll is a boolean: a user's mistake must not type-check
extractArticles([source], { keepAll: 'yes' });
const analysis: Analysis = analyzeSources([source]);
console.log(JSON.stringify({ articles: articles.length, text: first?.text.slice(0, 20), same: analysis.schemaVersion === SCHEMA_VERSION }));
`,
    );
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'es2024',
          lib: ['es2024'],
          module: 'nodenext',
          moduleResolution: 'nodenext',
          strict: true,
          noEmit: true,
          typeRoots: [join(ROOT, 'node_modules', '@types')],
          types: ['node'],
        },
        files: ['use.mts'],
      }),
    );
    const checked = await exec(join(BIN, 'tsc'), ['-p', 'tsconfig.json'], project);
    assert.equal(checked.code, 0, `tsc found errors:\n${checked.stdout}${checked.stderr}`);

    // The @ts-expect-error line throws at run time (a TypeError, as it should), so run the rest only.
    const source = (await readFile(join(project, 'use.mts'), 'utf8')).replace(
      /\/\/ @ts-expect-error.*\n.*\n/,
      '',
    );
    await writeFile(join(project, 'run.mts'), source);
    const ran = await exec(join(BIN, 'node'), ['run.mts'], project);
    assert.equal(ran.code, 0, ran.stderr);
    assert.deepEqual(JSON.parse(ran.stdout), {
      articles: 1,
      text: 'The town library reo',
      same: true,
    });
  },
);

test(
  'every export of package.json that has a stage in src resolves in the installed package',
  SLOW,
  async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      exports: Record<string, { types: string; default: string }>;
    };
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      const source = target.default.replace('./dist/', 'src/').replace(/\.js$/, '.ts');
      if (!existsSync(join(ROOT, source))) continue; // a stage not written yet
      const name = subpath === '.' ? 'parallax' : `parallax/${subpath.slice(2)}`;
      const result = await exec(
        join(BIN, 'node'),
        [
          '--input-type=module',
          '-e',
          `const m = await import('${name}'); console.log(Object.keys(m).length)`,
        ],
        project,
      );
      assert.equal(result.code, 0, `${name}: ${result.stderr}`);
      assert.ok(Number(result.stdout) > 0, `${name} exports something`);
      assert.ok(
        existsSync(join(project, 'node_modules', 'parallax', target.types)),
        `${name} has types`,
      );
    }
  },
);
