// Long fuzz runs: node scripts/fuzz.ts [--runs N] [--target name[,name]] [--seed S] [--save] [--list]
//
// Runs each fuzz target of test/fuzz/ for N generated cases (default 1,000)
// and prints, per target, the cases run and the distinct failures found
// (a throw, a broken invariant, output that differs between two runs, or a
// case slower than CASE_TIME_LIMIT_MS). After a failure the target carries
// on with the next seed until its N cases are used up. With --save each
// failure is written to test/fuzz/regressions/<target>/ as a regression case
// (fix it, then the test suite replays it). Exits 1 when anything failed.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { type CaseFailure, type FuzzCase, findFailure, toStored } from '../test/fuzz/fuzz-case.ts';
import { TARGETS } from '../test/fuzz/targets.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1000' },
    target: { type: 'string' },
    seed: { type: 'string' },
    save: { type: 'boolean', default: false },
    'no-shrink': { type: 'boolean', default: false },
    list: { type: 'boolean', default: false },
  },
});

if (values.list) {
  for (const target of TARGETS) console.log(`${target.name.padEnd(8)} ${target.description}`);
  process.exit(0);
}

const runs = Number(values.runs);
if (!Number.isSafeInteger(runs) || runs < 1) {
  console.error(`Expected --runs to be a positive integer, got ${values.runs}`);
  process.exit(2);
}
const wanted = values.target?.split(',').map((name) => name.trim());
const unknown = wanted?.filter((name) => !TARGETS.some((t) => t.name === name)) ?? [];
if (unknown.length > 0) {
  console.error(
    `Unknown target ${unknown.join(', ')}; the targets are ${TARGETS.map((t) => t.name).join(', ')}`,
  );
  process.exit(2);
}
// A run with no --seed picks one from the clock and prints it, so any finding can be replayed.
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const targets = TARGETS.filter((t) => wanted === undefined || wanted.includes(t.name));

interface Finding {
  failure: CaseFailure;
  input: FuzzCase;
  seed: number;
  path: string;
}

class CaseFailed extends Error {
  readonly failure: CaseFailure;
  constructor(failure: CaseFailure) {
    super(`${failure.kind}: ${failure.message}`);
    this.failure = failure;
  }
}

function headline(failure: CaseFailure): string {
  return `${failure.kind}: ${failure.message.split('\n')[0]?.slice(0, 160) ?? ''}`;
}

console.log(`fuzz: seed ${seed}, ${runs} cases per target`);
const summary: Array<{ name: string; cases: number; crashes: number; seconds: number }> = [];
for (const target of targets) {
  const started = performance.now();
  const findings = new Map<string, Finding>();
  let cases = 0;
  let round = 0;
  while (cases < runs) {
    const roundSeed = seed + round++;
    const result = await fc.check(
      fc.asyncProperty(target.arbitrary, async (input) => {
        const failure = await findFailure(target, input);
        if (failure) throw new CaseFailed(failure);
      }),
      { numRuns: runs - cases, seed: roundSeed, endOnFailure: values['no-shrink'] },
    );
    cases += result.numRuns;
    if (!result.failed) break;
    const cause = result.errorInstance;
    const input = result.counterexample?.[0];
    if (!(cause instanceof CaseFailed) || input === undefined) {
      console.error(`${target.name}: the fuzz harness itself failed: ${String(cause)}`);
      process.exit(2);
    }
    const key = headline(cause.failure);
    if (!findings.has(key)) {
      findings.set(key, {
        failure: cause.failure,
        input,
        seed: roundSeed,
        path: result.counterexamplePath ?? '',
      });
      console.log(
        `  ${target.name}: ${key}\n    replay: --target ${target.name} --seed ${roundSeed} (path ${result.counterexamplePath})`,
      );
    }
  }
  await target.close?.();
  const seconds = (performance.now() - started) / 1000;
  summary.push({ name: target.name, cases, crashes: findings.size, seconds });
  console.log(
    `${target.name.padEnd(8)} ${String(cases).padStart(7)} cases  ${findings.size} crashes  ${seconds.toFixed(1)} s`,
  );
  if (values.save) {
    for (const finding of findings.values()) {
      const folder = path.join(root, 'test', 'fuzz', 'regressions', target.name);
      mkdirSync(folder, { recursive: true });
      const hash = createHash('sha1').update(finding.input.bytes).digest('hex').slice(0, 10);
      const file = path.join(folder, `${finding.failure.kind}-${hash}.json`);
      const note = `Found by scripts/fuzz.ts (seed ${finding.seed}): ${headline(finding.failure)}`;
      writeFileSync(file, `${JSON.stringify(toStored(finding.input, note), null, 2)}\n`);
      console.log(`    saved ${path.relative(root, file)}`);
    }
  }
}

const total = summary.reduce((sum, s) => sum + s.cases, 0);
const crashes = summary.reduce((sum, s) => sum + s.crashes, 0);
console.log(`total    ${String(total).padStart(7)} cases  ${crashes} crashes  (seed ${seed})`);
process.exitCode = crashes > 0 ? 1 : 0;
