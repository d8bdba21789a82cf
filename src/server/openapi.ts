import { readFileSync } from 'node:fs';
import type { ServerApp } from './app-types.ts';
import { API_SCHEMAS, type JsonSchema } from './responses.ts';

/** Where the JSON Schema of src/model lives, from this file in src/server/ and in dist/server/ alike. */
const MODEL_SCHEMA_URL = new URL('../../schema/analysis.schema.json', import.meta.url);

/**
 * The definitions of schema/analysis.schema.json (generated from src/model
 * by scripts/gen-schema.ts), their `#/definitions/` references rewritten to
 * OpenAPI's `#/components/schemas/`. When the file is not there (a package
 * installed without it), `Article` and `StoryAnalysis` are described as
 * plain objects pointing to docs/json.md.
 */
export function modelSchemas(): Record<string, JsonSchema> {
  let text: string;
  try {
    text = readFileSync(MODEL_SCHEMA_URL, 'utf8');
  } catch {
    const described = { type: 'object', description: 'See docs/json.md' };
    return { Article: described, StoryAnalysis: described };
  }
  const rewritten = text.replaceAll('"#/definitions/', '"#/components/schemas/');
  const parsed = JSON.parse(rewritten) as { definitions: Record<string, JsonSchema> };
  return parsed.definitions;
}

/**
 * The OpenAPI 3.1 document of the app: every route registered with
 * `app.openapi` (paths, parameters and request bodies from their zod
 * schemas), the API's response schemas and the data model's.
 */
export function openApiDocument(app: ServerApp, version: string): Record<string, unknown> {
  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'parallax',
      version,
      description:
        'See one news story through every outlet: stories grouped from many outlets, their analyses (brief with citations, alignments, coverage, quotes), articles, text search, and ingest of files and URLs through a job queue. Reads are open; writes need `Authorization: Bearer <token>` when the server was started with a token (always when it listens beyond loopback). Errors are `{error: {code, message}}`.',
      license: { name: 'MIT' },
    },
    tags: [
      { name: 'stories', description: 'Stories and their analyses' },
      { name: 'articles', description: 'Articles and search' },
      { name: 'ingest', description: 'Adding articles, and the jobs that do it' },
      { name: 'meta', description: 'About this server and API' },
      { name: 'ui', description: 'The web UI' },
    ],
  }) as unknown as Record<string, unknown>;
  const components = (document['components'] ?? {}) as Record<string, unknown>;
  components['schemas'] = {
    ...modelSchemas(),
    ...((components['schemas'] as Record<string, unknown> | undefined) ?? {}),
    ...API_SCHEMAS,
  };
  components['securitySchemes'] = {
    writeToken: {
      type: 'http',
      scheme: 'bearer',
      description: 'The token given to `parallax serve --token` (or PARALLAX_TOKEN), for writes',
    },
  };
  document['components'] = components;
  return document;
}
