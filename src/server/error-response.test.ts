import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { IoError } from '../io/index.ts';
import { StoreError } from '../store/index.ts';
import { ApiError } from './api-error.ts';
import { errorResponse, validationError } from './error-response.ts';

test('errorResponse(ApiError) keeps its code, message and status', () => {
  const response = errorResponse(new ApiError('not-found', "No story with id 's1'"));
  assert.deepEqual(response, {
    status: 404,
    body: { error: { code: 'not-found', message: "No story with id 's1'" } },
    log: false,
  });
});

test("errorResponse maps hono's HTTPExceptions by status with messages a client can act on", () => {
  assert.equal(errorResponse(new HTTPException(413)).body.error.code, 'too-large');
  assert.equal(errorResponse(new HTTPException(415)).status, 415);
  const json = errorResponse(new HTTPException(400, { message: 'Malformed JSON in request body' }));
  assert.deepEqual(json.body.error, {
    code: 'bad-request',
    message: 'Malformed JSON in request body',
  });
});

test('errorResponse maps IO failures by kind and an unreachable database to 503', () => {
  assert.equal(errorResponse(new IoError('io/too-large', 'too big', 'x')).status, 413);
  assert.equal(errorResponse(new IoError('io/network', 'reset', 'x')).status, 502);
  const down = errorResponse(
    new StoreError('store/unavailable', 'connect ECONNREFUSED 10.0.0.5:5432'),
  );
  assert.equal(down.status, 503);
  assert.doesNotMatch(down.body.error.message, /10\.0\.0\.5/, 'the host stays in the log');
  assert.equal(down.log, true);
});

test('errorResponse turns anything else into a 500 with a fixed message and no detail', () => {
  for (const error of [
    new TypeError('Cannot read properties of undefined'),
    new StoreError('store/query', 'relation "story" does not exist'),
    'a string',
    null,
  ]) {
    const response = errorResponse(error);
    assert.equal(response.status, 500);
    assert.equal(response.log, true);
    assert.deepEqual(response.body.error, {
      code: 'internal',
      message: 'Internal error: the server log has the details',
    });
  }
});

test('validationError(target, error) names the value and what was expected', () => {
  const query = z.strictObject({ limit: z.number().max(100) });
  const tooBig = query.safeParse({ limit: 500 });
  assert.ok(!tooBig.success);
  const error = validationError('query', tooBig.error);
  assert.equal(error.status, 400);
  assert.match(error.message, /^Invalid query parameter 'limit': .*100/);
  const unknown = query.safeParse({ limit: 1, sortt: 'x' });
  assert.ok(!unknown.success);
  assert.match(validationError('query', unknown.error).message, /query parameter 'sortt'/);
  const root = z.object({ urls: z.array(z.string()) }).safeParse([1]);
  assert.ok(!root.success);
  assert.match(validationError('json', root.error).message, /^Invalid JSON body: /);
});
