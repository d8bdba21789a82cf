import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { fromStored, runCase, type StoredCase } from './fuzz/fuzz-case.ts';
import { TARGETS } from './fuzz/targets.ts';

// Every fuzz target of test/fuzz/ for a bounded, seeded number of cases
// (longer runs: node scripts/fuzz.ts), then every case of the regression
// corpus in test/fuzz/regressions/<target>/: inputs that once crashed, hung
// or broke an invariant, replayed on every run.

/** Cases per target in the suite: enough to cover each generator's branches, a few seconds each. */
const CASES: Readonly<Record<string, number>> = {
  html: 200,
  feed: 200,
  jsonl: 300,
  warc: 300,
  gzip: 300,
  text: 300,
  decode: 300,
  ingest: 300,
  api: 300,
};

/** Fixed so a failure in CI replays locally; scripts/fuzz.ts explores other seeds. */
const SEED = 20_210_824;

after(async () => {
  for (const target of TARGETS) await target.close?.();
});

const regressions = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fuzz', 'regressions');

for (const target of TARGETS) {
  test(`${target.name} fuzz target: ${CASES[target.name] ?? 100} generated cases never throw, keep their invariants and repeat exactly`, async () => {
    await fc.assert(
      fc.asyncProperty(target.arbitrary, (input) => runCase(target, input)),
      { numRuns: CASES[target.name] ?? 100, seed: SEED, endOnFailure: true },
    );
  });
}

test('the regression corpus names only known fuzz targets', () => {
  for (const folder of readdirSync(regressions)) {
    assert.ok(
      TARGETS.some((target) => target.name === folder),
      `test/fuzz/regressions/${folder} is not a fuzz target`,
    );
  }
});

for (const target of TARGETS) {
  const folder = path.join(regressions, target.name);
  let files: string[] = [];
  try {
    files = readdirSync(folder)
      .filter((file) => file.endsWith('.json'))
      .sort();
  } catch {
    // No regression yet for this target.
  }
  for (const file of files) {
    const stored = JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as StoredCase;
    test(`${target.name} regression ${file.replace(/\.json$/, '')}: ${stored.note.split('. ')[0]}`, async () => {
      await runCase(target, fromStored(stored));
    });
  }
}
