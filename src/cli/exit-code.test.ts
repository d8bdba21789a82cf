import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArgs } from 'node:util';
import { IoError } from '../io/index.ts';
import { ExitCode, exitCodeFor, failureMessage, UsageError } from './exit-code.ts';

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected f to throw');
}

test('exitCodeFor(error) maps usage errors, parseArgs errors, IO errors and bugs to their codes', () => {
  assert.equal(exitCodeFor(new UsageError('Expected a FILE')), ExitCode.usage);
  const parseError = thrown(() => parseArgs({ args: ['--nope'], options: {}, strict: true }));
  assert.equal(exitCodeFor(parseError), ExitCode.usage);
  assert.equal(exitCodeFor(new IoError('io/unwritable', 'Cannot write x', 'x')), ExitCode.io);
  const systemError = Object.assign(new Error('EACCES: permission denied'), {
    code: 'EACCES',
    syscall: 'open',
  });
  assert.equal(exitCodeFor(systemError), ExitCode.io);
  assert.equal(exitCodeFor(new TypeError('undefined is not a function')), ExitCode.internal);
  assert.equal(exitCodeFor('a string'), ExitCode.internal);
});

test('failureMessage(command, error) points usage errors to --help and asks for a report on bugs', () => {
  assert.equal(
    failureMessage('analyze', new UsageError('Expected at least one input')),
    "parallax analyze: Expected at least one input\nTry 'parallax analyze --help'.\n",
  );
  assert.equal(
    failureMessage('', new UsageError('Unknown command')),
    "parallax: Unknown command\nTry 'parallax --help'.\n",
  );
  assert.match(
    failureMessage('analyze', new TypeError('boom')),
    /internal error: TypeError: boom\n[\s\S]*This is a bug/,
  );
});
