import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type Harness, repoRoot, startHarness } from '../src/server/server-harness.case.ts';

// Rate limits of writes on the real server (127.0.0.1, a free port, a real
// store and queue, no worker), on a clock the test moves by hand: no sleep.

const TOKEN = 'correct-horse-battery-staple';

interface Reply {
  status: number;
  retryAfter: string | null;
  body: { error?: { code: string; message: string } } & Record<string, unknown>;
}

async function send(base: string, path: string, init: RequestInit = {}): Promise<Reply> {
  const response = await fetch(new URL(path, base), init);
  const text = await response.text();
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: JSON.parse(text) as Reply['body'],
  };
}

function postUrls(base: string, urls: string[], headers: Record<string, string> = {}) {
  return send(base, '/api/ingest/urls', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ urls }),
  });
}

/** URLs on a loopback port nothing listens on: queued, never fetched (no worker runs). */
const urls = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => `http://127.0.0.1:9/story-${from + i}.html`);

/** The error body every error has, and nothing else. */
function assertErrorShape(reply: Reply, code: string): void {
  assert.deepEqual(Object.keys(reply.body), ['error']);
  assert.deepEqual(Object.keys(reply.body.error ?? {}).sort(), ['code', 'message']);
  assert.equal(reply.body.error?.code, code);
}

describe('rate limits of writes, per client', () => {
  const clock = { ms: 0 };
  let h: Harness;
  before(async () => {
    h = await startHarness({
      worker: false,
      rateLimit: {
        writesPerMinute: 6,
        writeBurst: 4,
        inputsPerMinute: 30,
        inputBurst: 5,
        now: () => clock.ms,
      },
    });
  });
  after(async () => {
    await h?.close();
  });

  test('a client past its write burst gets 429 with Retry-After in the JSON error shape; reads stay open', async () => {
    clock.ms = 0;
    // Refused writes count too: they cost the server a parse and a check each.
    for (let i = 0; i < 4; i++) {
      const bad = await send(h.url, '/api/ingest/urls', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"urls": []}',
      });
      assert.equal(bad.status, 400);
    }
    const refused = await postUrls(h.url, urls(1));
    assert.equal(refused.status, 429);
    assertErrorShape(refused, 'too-many-requests');
    assert.equal(refused.retryAfter, '10', 'six a minute: one every 10 s');
    assert.match(refused.body.error?.message ?? '', /6 a minute .*try again in 10 s/);
    assert.equal((await send(h.url, '/api/stories')).status, 200);
    assert.equal((await send(h.url, '/api/info')).status, 200);
    // Any write method on any path counts, not only the ingest routes.
    assert.equal((await send(h.url, '/api/stories', { method: 'DELETE' })).status, 429);
    clock.ms += 10_000;
    assert.equal((await postUrls(h.url, urls(1))).status, 202);
    assert.equal((await postUrls(h.url, urls(1, 1))).status, 429);
  });

  test('files and URLs are charged per item: past the input burst a 429, over it a 413', async () => {
    clock.ms += 3_600_000; // every bucket full again
    const first = await postUrls(h.url, urls(4, 10));
    assert.equal(first.status, 202, JSON.stringify(first.body));
    const second = await postUrls(h.url, urls(3, 20));
    assert.equal(second.status, 429);
    assertErrorShape(second, 'too-many-requests');
    // One input left of five; two more come in at 30 a minute, one every 2 s.
    assert.equal(second.retryAfter, '4');
    assert.match(second.body.error?.message ?? '', /files or URLs .* 30 a minute \(5 at once\)/);
    const form = new FormData();
    for (let i = 0; i < 2; i++) form.append('file', new Blob([`Story ${i}\n\nText.`]), `s${i}.txt`);
    const files = await send(h.url, '/api/ingest/files', { method: 'POST', body: form });
    assert.equal(files.status, 429, 'uploaded files are charged like URLs');
    const tooMany = await postUrls(h.url, urls(6, 30));
    assert.equal(tooMany.status, 413);
    assertErrorShape(tooMany, 'too-large');
    assert.match(tooMany.body.error?.message ?? '', /at most 5 at once/);
    assert.equal(tooMany.retryAfter, null);
    // Ten seconds later: the inputs are back to five and one write came in.
    clock.ms += 10_000;
    assert.equal((await postUrls(h.url, urls(3, 40))).status, 202);
  });

  test('/openapi.json documents the 429 of both ingest routes with its Retry-After header', async () => {
    const doc = (await (await fetch(new URL('/openapi.json', h.url))).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, Record<string, unknown>> }>>;
    };
    for (const path of ['/api/ingest/urls', '/api/ingest/files']) {
      const tooMany = doc.paths[path]?.['post']?.responses['429'];
      assert.ok(tooMany, `${path} documents 429`);
      assert.ok((tooMany['headers'] as Record<string, unknown>)['Retry-After'], path);
    }
  });
});

describe('rate limits with a write token', () => {
  const clock = { ms: 0 };
  let h: Harness;
  before(async () => {
    h = await startHarness({
      worker: false,
      token: TOKEN,
      rateLimit: { writesPerMinute: 1, writeBurst: 2, now: () => clock.ms },
    });
  });
  after(async () => {
    await h?.close();
  });

  test('token holders are counted by the token, guesses by address: guessing is throttled, the holder is not', async () => {
    const guess = { authorization: 'Bearer not-the-token-at-all' };
    assert.equal((await postUrls(h.url, urls(1), guess)).status, 401);
    assert.equal((await postUrls(h.url, urls(1), guess)).status, 401);
    const throttled = await postUrls(h.url, urls(1), guess);
    assert.equal(throttled.status, 429);
    assert.equal(throttled.retryAfter, '60');
    assert.equal((await postUrls(h.url, urls(1))).status, 429, 'no token: the same address');
    const holder = { authorization: `Bearer ${TOKEN}` };
    assert.equal((await postUrls(h.url, urls(1), holder)).status, 202);
    assert.equal((await postUrls(h.url, urls(1, 1), holder)).status, 202);
    assert.equal((await postUrls(h.url, urls(1, 2), holder)).status, 429);
  });
});

describe('parallax serve rate options', () => {
  const main = join(repoRoot(), 'src', 'cli', 'main.ts');

  function serve(args: string[]) {
    const folder = mkdtempSync(join(tmpdir(), 'parallax-serve-rate-'));
    const child = spawn(process.execPath, [main, 'serve', '--db', folder, '--port', '0', ...args], {
      env: { ...process.env, DATABASE_URL: '', PARALLAX_TOKEN: '' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    return {
      child,
      closed,
      stderr: () => stderr,
      cleanup: () => rmSync(folder, { recursive: true, force: true }),
    };
  }

  test('refuses a burst of 0 or a rate that is not a whole number (exit 2)', async () => {
    for (const args of [
      ['--write-burst', '0'],
      ['--ingest-rate', 'fast'],
    ]) {
      const run = serve(args);
      assert.equal(await run.closed, 2, args.join(' '));
      assert.match(run.stderr(), new RegExp(`--${(args[0] as string).slice(2)}`));
      run.cleanup();
    }
  });

  test('--write-burst and --write-rate reach the server', async (t) => {
    const run = serve(['--write-burst', '1', '--write-rate', '1', '--workers', '0', '-q']);
    t.after(() => {
      run.child.kill('SIGKILL');
      run.cleanup();
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      run.child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const line = /^(http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
        if (line) resolve(line[1] as string);
      });
      run.closed.then((code) => reject(new Error(`serve exited ${code}: ${run.stderr()}`)));
    });
    assert.equal((await postUrls(url, urls(1))).status, 202);
    const second = await postUrls(url, urls(1, 1));
    assert.equal(second.status, 429);
    assert.ok(Number(second.retryAfter) > 0);
    run.child.kill('SIGTERM');
    assert.equal(await run.closed, 0);
  });
});
