import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ExitCode, exitCodeFor, UsageError } from './exit-code.ts';
import { parseCommandArgs } from './parse-command-args.ts';

const OPTIONS = { db: { type: 'string' }, quiet: { type: 'boolean', short: 'q' } } as const;

test('parseCommandArgs(config) returns the values and positionals parseArgs reads', () => {
  const { values, positionals } = parseCommandArgs({
    args: ['-q', '--db', './newsroom', 'a.txt'],
    options: OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  assert.deepEqual({ ...values }, { quiet: true, db: './newsroom' });
  assert.deepEqual(positionals, ['a.txt']);
});

test('parseCommandArgs(config) throws a UsageError with only the first sentence of parseArgs’ message', () => {
  const error = (() => {
    try {
      parseCommandArgs({
        args: ['--nope'],
        options: OPTIONS,
        allowPositionals: true,
        strict: true,
      });
    } catch (e) {
      return e;
    }
    return undefined;
  })();
  assert.ok(error instanceof UsageError);
  assert.equal(error.message, "Unknown option '--nope'");
  assert.equal(exitCodeFor(error), ExitCode.usage);
  assert.match(String((error.cause as Error).message), /To specify a positional argument/);
});

test('parseCommandArgs(config) refuses a positional where the command takes none', () => {
  assert.throws(
    () =>
      parseCommandArgs({
        args: ['a.txt'],
        options: OPTIONS,
        allowPositionals: false,
        strict: true,
      }),
    (e: unknown) => e instanceof UsageError && /Unexpected argument 'a.txt'/.test(e.message),
  );
});
