import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Ajv } from 'ajv';
import { generateSchema, SCHEMA_PATH } from '../scripts/gen-schema.ts';
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
