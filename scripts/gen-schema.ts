// Generate schema/analysis.schema.json (JSON Schema, draft-07) from the
// TypeScript types of the JSON output (`Analysis` in src/model), so the
// schema can never drift from the types by hand. Uses ts-json-schema-generator,
// which runs on the TypeScript 5 compiler API it bundles (the repo's own
// compiler is TypeScript 7, which has no JS API).
//
//   node scripts/gen-schema.ts           write the file
//   node scripts/gen-schema.ts --check   exit 1 when the file is out of date

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';
import { SCHEMA_VERSION } from '../src/model/index.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the schema lives, relative to the repository root. */
export const SCHEMA_PATH = 'schema/analysis.schema.json';

/** The JSON Schema of the `Analysis` type, as the bytes of the checked-in file. */
export function generateSchema(): string {
  const generator = createGenerator({
    path: join(root, 'src/model/index.ts'),
    tsconfig: join(root, 'tsconfig.json'),
    type: 'Analysis',
    expose: 'export',
    jsDoc: 'extended',
    skipTypeCheck: true,
    additionalProperties: false,
    topRef: true,
  });
  const schema = generator.createSchema('Analysis') as Record<string, unknown>;
  const definitions = schema['definitions'] as Record<string, Record<string, unknown>>;
  const analysis = definitions['Analysis'];
  const version = (
    analysis?.['properties'] as Record<string, Record<string, unknown>> | undefined
  )?.['schemaVersion'];
  // The type says `number`; the file says which version it describes.
  if (version !== undefined) version['const'] = SCHEMA_VERSION;
  const out = {
    $schema: schema['$schema'],
    $id: `https://parallax.example/schema/analysis-v${SCHEMA_VERSION}.schema.json`,
    title: 'parallax analysis',
    description: `The JSON written by \`parallax analyze\` and \`parallax extract\` (schemaVersion ${SCHEMA_VERSION}). Generated from src/model by scripts/gen-schema.ts; see docs/json.md.`,
    $ref: schema['$ref'],
    definitions,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = generateSchema();
  const path = join(root, SCHEMA_PATH);
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // A missing file is out of date.
    }
    if (current !== text) {
      process.stderr.write(`${SCHEMA_PATH} is out of date: run node scripts/gen-schema.ts\n`);
      process.exit(1);
    }
    process.stdout.write(`${SCHEMA_PATH} is up to date\n`);
  } else {
    writeFileSync(path, text);
    process.stdout.write(`Wrote ${SCHEMA_PATH}\n`);
  }
}
