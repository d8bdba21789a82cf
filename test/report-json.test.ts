import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { test } from 'node:test';
import { Ajv } from 'ajv';
import { generateSchema, SCHEMA_PATH } from '../scripts/gen-schema.ts';
import { formatJson, JSON_CHUNK_CHARS } from '../src/cli/format-json.ts';
import { main } from '../src/cli/main.ts';
import type { Analysis } from '../src/model/index.ts';
import { renderJson } from '../src/report/index.ts';
import { exampleAnalysis, repoRoot } from './report-example.case.ts';

const schemaText = readFileSync(join(repoRoot(), SCHEMA_PATH), 'utf8');
const schema = JSON.parse(schemaText) as {
  definitions: Record<string, { properties?: Record<string, unknown> }>;
};

test('the JSON report of the bundled example is valid against schema/analysis.schema.json', async () => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  const validate = ajv.compile(schema);
  const json = JSON.parse(renderJson(await exampleAnalysis())) as unknown;
  const valid = validate(json);
  assert.ok(valid, ajv.errorsText(validate.errors, { separator: '\n' }));
});

test('the schema rejects a story whose brief lacks its sentences (additional and missing fields are caught)', async () => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  const validate = ajv.compile(schema);
  const json = JSON.parse(renderJson(await exampleAnalysis())) as {
    stories: { brief: Record<string, unknown> }[];
  };
  const brief = json.stories[0]?.brief;
  assert.ok(brief);
  delete brief['sentences'];
  assert.equal(validate(json), false);
});

test('schema/analysis.schema.json is what scripts/gen-schema.ts generates from the types', () => {
  assert.ok(
    generateSchema() === schemaText,
    `${SCHEMA_PATH} is out of date: run node scripts/gen-schema.ts`,
  );
});

test('docs/json.md documents every field of the story analysis and the brief', () => {
  const docs = readFileSync(join(repoRoot(), 'docs', 'json.md'), 'utf8');
  const types = [
    'AnnotatedArticle',
    'Entity',
    'Quote',
    'DateMention',
    'StoryAnalysis',
    'Alignment',
    'Passage',
    'WordEdit',
    'CommonSource',
    'SourceMember',
    'ProvenanceGraph',
    'ProvenanceNode',
    'ProvenanceEdge',
    'ProvenanceEvidence',
    'FactUnit',
    'FactMember',
    'Coverage',
    'ArticleCoverage',
    'QuoteGroup',
    'QuoteVariant',
    'EntitySummary',
    'TimelineEntry',
    'Brief',
    'BriefSentence',
    'BriefExcerpt',
    'BriefAdditions',
    'WordingDifference',
    'WordingVariant',
    'BriefQuote',
    'BriefProvenance',
    'BriefSourceCopies',
    'BriefDate',
    'BriefEntity',
  ];
  const fields = (type: string): string[] =>
    Object.keys(schema.definitions[type]?.properties ?? {});
  const missing: string[] = [];
  for (const type of types) {
    const heading = new RegExp(`^#{2,3} \`${type}\`$`, 'm').exec(docs);
    if (heading === null) {
      missing.push(`a section for ${type}`);
      continue;
    }
    const rest = docs.slice(heading.index + heading[0].length);
    const next = rest.search(/^#{1,3} /m);
    const body = next === -1 ? rest : rest.slice(0, next);
    // "Every field of `Story`, and:" / "A `Span` and:": the base's fields are documented in its own section.
    const base = /(?:Every field of|^A) `(\w+)`/m.exec(body)?.[1];
    const inherited = new Set(base === undefined ? [] : fields(base));
    assert.ok(fields(type).length > 0, `${type} is in the schema`);
    for (const field of fields(type)) {
      if (!inherited.has(field) && !body.includes(`\`${field}\``)) missing.push(`${type}.${field}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('formatJson(analysis), the CLI JSON, is byte for byte the JSON report (renderJson) of the example', async () => {
  const analysis = await exampleAnalysis();
  assert.ok(formatJson(analysis as Analysis) === renderJson(analysis));
});

test('parallax extract --format json writes a report many times the chunk size in chunks, never as one string', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'parallax-json-stream-'));
  try {
    const paragraph =
      'The harbour authority said on Tuesday that the collapsed crane would be replaced before the winter season, officials told reporters in Kestrel Bay.';
    for (let i = 0; i < 120; i++) {
      const body = Array.from(
        { length: 12 },
        (_, p) => `Paragraph ${p} of report ${i}. ${paragraph}`,
      );
      await writeFile(join(dir, `report-${i}.txt`), `Crane report ${i}\n\n${body.join('\n\n')}\n`);
    }
    const sizes: number[] = [];
    const chunks: string[] = [];
    const stdout = new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        sizes.push(chunk.length);
        chunks.push(chunk.toString());
        callback();
      },
    });
    const ignore = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    const code = await main(['extract', dir, '--format', 'json', '--quiet'], {
      stdin: Readable.from([]),
      stdout,
      stderr: ignore,
      env: {},
      cwd: dir,
      stdoutIsTTY: false,
      stderrIsTTY: false,
    });
    assert.equal(code, 0);
    const total = sizes.reduce((sum, n) => sum + n, 0);
    assert.ok(total > 8 * JSON_CHUNK_CHARS, `the report is only ${total} bytes`);
    // A chunk overshoots the size by at most the value that crossed it: one paragraph or short text here.
    const largest = Math.max(...sizes);
    assert.ok(largest < JSON_CHUNK_CHARS + 16 * 1024, `the largest write was ${largest} bytes`);
    const report = JSON.parse(chunks.join('')) as Analysis;
    assert.equal(report.articles.length, 120);
    assert.equal(chunks.join(''), formatJson(report));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
