import { z } from '@hono/zod-openapi';
import { API_ERROR_CODES } from './api-error.ts';
import type { ErrorBody } from './error-response.ts';

// Response bodies as JSON Schema (OpenAPI 3.1 takes JSON Schema 2020-12 as
// is). The data types of src/model (`Article`, `StoryAnalysis`) are
// referenced from the generated schema/analysis.schema.json rather than
// restated; test/server.test.ts validates every response the tests get
// against these, so they cannot drift from what the handlers send.

/** A JSON Schema (or OpenAPI schema) object. */
export type JsonSchema = { [key: string]: unknown };

/** A `$ref` to a component schema. */
export function ref(name: string): JsonSchema {
  return { $ref: `#/components/schemas/${name}` };
}

const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
const str: JsonSchema = { type: 'string' };
const dateTime: JsonSchema = { type: 'string', format: 'date-time' };
const count: JsonSchema = { type: 'integer', minimum: 0 };

function object(properties: Record<string, JsonSchema>, optional: string[] = []): JsonSchema {
  return {
    type: 'object',
    properties,
    required: Object.keys(properties).filter((k) => !optional.includes(k)),
    additionalProperties: false,
  };
}

function page(item: JsonSchema, description: string): JsonSchema {
  return {
    ...object({
      items: { type: 'array', items: item },
      next: {
        ...nullable(str),
        description: 'Cursor of the next page (`?cursor=`), null on the last',
      },
    }),
    description,
  };
}

const ArticleSummary = object({
  id: str,
  url: nullable(str),
  outlet: nullable(str),
  publishedAt: nullable(str),
  headline: nullable(str),
  language: nullable(str),
  storyId: { ...nullable(str), description: 'The story it is in, null until grouped' },
});

const StorySummary = object({
  id: { ...str, description: 'Stable id; a story merged into another redirects to it' },
  memberHash: { ...str, description: 'Changes whenever the members do' },
  size: { ...count, description: 'Number of articles' },
  headline: nullable(str),
  outlets: { type: 'array', items: str },
  firstPublishedAt: nullable(str),
  lastPublishedAt: nullable(str),
  createdAt: dateTime,
  updatedAt: dateTime,
});

const StoredAnalysis = object({
  storyId: str,
  memberHash: str,
  stale: { type: 'boolean', description: 'The members changed since: a newer analysis is coming' },
  analysis: ref('StoryAnalysis'),
  updatedAt: dateTime,
});

const FailedJob = object({
  id: str,
  kind: { type: 'string', enum: ['read', 'article', 'story'] },
  subject: {
    ...str,
    description: "What it was about: an input's name or URL, an article or story id",
  },
  error: { ...str, description: 'The last error' },
  attempts: count,
  ingestId: nullable(str),
  createdAt: str,
  failedAt: nullable(str),
});

const Job = {
  ...object({
    id: str,
    input: { type: 'array', items: str, description: 'The file names or URLs sent' },
    state: {
      type: 'string',
      enum: ['running', 'completed', 'failed'],
      description:
        '`completed` once every input is read and every article grouped (analyses follow); `failed` once one of its jobs failed for good',
    },
    startedAt: str,
    finishedAt: nullable(str),
    counts: {
      type: 'object',
      additionalProperties: count,
      description: 'inputs, read, sources, articles, created (new), grouped',
    },
    problems: { type: 'array', items: ref('Problem') },
    failures: { type: 'array', items: ref('FailedJob') },
  }),
  description: 'An ingest run: one per POST to /api/ingest/files or /api/ingest/urls',
};

/** The component schemas of the API's own bodies (the model's come from schema/). */
export const API_SCHEMAS: Record<string, JsonSchema> = {
  Error: {
    ...object({
      error: object({
        code: { type: 'string', enum: API_ERROR_CODES },
        message: { ...str, description: 'What was wrong, for a person' },
      }),
    }),
    description: 'Every error response: a code for programs, a message for people',
  },
  ArticleSummary,
  StorySummary,
  StoryPage: page(ref('StorySummary'), 'A page of stories'),
  SearchHit: {
    ...object({
      ...(ArticleSummary['properties'] as Record<string, JsonSchema>),
      rank: { type: 'number' },
    }),
    description: 'An article matching a search, with its rank (higher is better)',
  },
  SearchPage: page(ref('SearchHit'), 'A page of search results, best match first'),
  ArticlePage: page(ref('ArticleSummary'), 'A page of stored articles, most recently stored first'),
  StoredAnalysis,
  StoryDetail: object(
    {
      story: ref('StorySummary'),
      articles: { type: 'array', items: ref('ArticleSummary') },
      analysis: nullable(ref('StoredAnalysis')),
      mergedFrom: { ...str, description: 'Set when the id asked for was merged into this story' },
    },
    ['mergedFrom'],
  ),
  StoredArticle: object({ article: ref('Article'), storyId: nullable(str), storedAt: dateTime }),
  FailedJob,
  FailedJobList: object({ items: { type: 'array', items: ref('FailedJob') } }),
  Job,
  JobPage: page(ref('Job'), 'A page of ingest runs, newest first'),
  IngestAccepted: {
    ...object({ job: ref('Job') }),
    description: 'The ingest run queued: follow it at /api/jobs/{id}',
  },
  Info: object({
    name: { const: 'parallax' },
    version: str,
    writeTokenRequired: { type: 'boolean' },
    jobs: { type: 'boolean', description: 'Whether ingest is available (a job queue is running)' },
    limits: object({
      maxPageLimit: count,
      maxUploadBytes: count,
      maxFilesPerRequest: count,
      maxUrlsPerRequest: count,
    }),
    counts: object({ articles: count, stories: count, analyses: count }),
  }),
};

/**
 * A JSON body of type `T` described by the component schema `name`: the
 * handler's return is type-checked against `T` (the store's own types), the
 * document refers to the schema (zod checks nothing at run time here; the
 * tests validate real responses against the schema).
 */
export function body<T>(name: string) {
  return z
    .custom<T>(() => true)
    .openapi({ type: 'object', $ref: `#/components/schemas/${name}` } as { type: 'object' });
}

/** A JSON response of type `T` whose schema is the component `name`. */
export function json<T>(description: string, name: string) {
  return { description, content: { 'application/json': { schema: body<T>(name) } } };
}

/** An error response as `errors` describes it: the `Error` body, and for a 429 its `Retry-After`. */
type ErrorResponseConfig = ReturnType<typeof json<ErrorBody>> & {
  headers?: Record<string, { description: string; schema: JsonSchema }>;
};

/** The error responses a route may give, each with the `Error` body. */
export function errors(...statuses: number[]): Record<number, ErrorResponseConfig> {
  const descriptions: Record<number, string> = {
    400: 'A query parameter, path id or body is not valid: the message names it',
    401: 'This server needs a token for writes (Authorization: Bearer <token>)',
    403: 'Refused: a write from another origin, or a foreign Host header',
    404: 'Not found',
    413: 'The request body is over the limit',
    415: 'The Content-Type is not one this route takes',
    429: 'Too many write requests, or files or URLs, from this client: wait as many seconds as Retry-After says',
    500: 'A bug or a database failure (details only in the server log)',
    503: 'Ingest is not available: this server runs without a job queue',
  };
  const out: Record<number, ErrorResponseConfig> = {};
  for (const status of [...statuses, 500]) {
    out[status] = json<ErrorBody>(descriptions[status] ?? 'Error', 'Error');
  }
  if (out[429] !== undefined) {
    out[429].headers = {
      'Retry-After': {
        description: 'Seconds until the same request would be taken',
        schema: { type: 'integer', minimum: 1 },
      },
    };
  }
  return out;
}
